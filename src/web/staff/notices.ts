import type { Context } from 'hono';
import type { StaffEnv } from './staff-env.ts';
import type { StaffMessageKey } from './staff-messages.ts';

// Notices travel as a fixed key in the redirect URL (post/redirect/get); only these keys are ever shown.
const NOTICES: Record<string, StaffMessageKey> = {
  saved: 'report.saved',
  submitted: 'report.submitted',
  approved: 'report.approved',
  returned: 'report.returned',
  commented: 'report.commentAdded',
  changed: 'password.changed',
  'round-updated': 'round.updated',
  'chain-saved': 'round.chain.saved',
  'reminders-off': 'round.remindersOff',
  'plan-saved': 'plan.edit.saved',
  'department-saved': 'departments.saved',
  withdrawn: 'publish.withdrawn',
};

/** The notice named by ?notice=, with parameters from the query (n, fy, name), in the user's language. */
export function noticeText(c: Context<StaffEnv>): string | undefined {
  const key = c.req.query('notice');
  const text = c.get('text');
  if (key === 'opened') {
    return text.t('round.opened', { fy: text.fy(Number(c.req.query('fy'))), n: Number(c.req.query('n')) });
  }
  if (key === 'published') return text.t('publish.done', { name: c.req.query('name') ?? '' });
  if (key === 'reminders') return text.t('round.remindersSent', { n: Number(c.req.query('n')) });
  // Own keys only: ?notice=constructor must not reach Object.prototype.
  const k = key && Object.hasOwn(NOTICES, key) ? NOTICES[key] : undefined;
  return k ? text.t(k) : undefined;
}
