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
  'fields-saved': 'fields.saved',
  'department-saved': 'departments.saved',
  withdrawn: 'publish.withdrawn',
  'conflicts-kept-saved': 'conflict.keptSaved',
};

/**
 * What a notice with parameters says, taken from the page's own data, never from the address: a link anyone can
 * send must not make the workspace say words of the sender's choosing.
 */
export interface NoticeFacts {
  /** The round the board shows ("opened"). */
  round?: { fy: number; tasks: number };
  /** The name of the edition the address names by id, looked up among the plan's editions ("published"). */
  editionName?: string | undefined;
}

// A count in the address (how many reminders went out) is digits only; anything else shows no notice.
const count = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) ? Number(value) : undefined);

/** The notice named by ?notice=, in the user's language; an unknown key or a missing fact shows nothing. */
export function noticeText(c: Context<StaffEnv>, facts: NoticeFacts = {}): string | undefined {
  const key = c.req.query('notice');
  const text = c.get('text');
  if (key === 'opened') {
    return facts.round && text.t('round.opened', { fy: text.fy(facts.round.fy), n: facts.round.tasks });
  }
  if (key === 'published') return facts.editionName && text.t('publish.done', { name: facts.editionName });
  if (key === 'reminders') {
    const n = count(c.req.query('n'));
    return n === undefined ? undefined : text.t('round.remindersSent', { n });
  }
  // Own keys only: ?notice=constructor must not reach Object.prototype.
  const k = key && Object.hasOwn(NOTICES, key) ? NOTICES[key] : undefined;
  return k ? text.t(k) : undefined;
}
