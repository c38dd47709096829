import { listRounds, mailerFromEnv, sendRoundReminders, systemActor } from '../../app/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

export const remind: Command = {
  summary: 'e-mail reminders for open reporting rounds (for cron; needs SMTP_URL)',
  usage: `Usage: shinchoku remind --plan SLUG [--fy YEAR] [--org SLUG]

E-mails each department editor whose initiatives are not yet submitted when the due date is near (the plan's
reminder window) or past, and each 課長 with submissions waiting for approval. Sends at most one reminder of each
kind per person per day, so it is safe to run from cron several times a day. Needs SMTP_URL (and SMTP_FROM);
links in the mail use SHINCHOKU_BASE_URL. Without --fy, every open round of the plan.`,
  async run(args) {
    const { values } = parseOptions(
      args,
      { plan: { type: 'string' }, fy: { type: 'string' }, org: { type: 'string' } },
      false,
    );
    if (!values.plan) throw new UsageError('--plan is required');
    const mailer = mailerFromEnv();
    if (!mailer) throw new UsageError('SMTP_URL is not set: e-mail is off');
    const ctx = await openContext();
    try {
      const organizationSlug = await resolveOrganization(ctx, values.org);
      const actor = systemActor('remind');
      const rounds = (await listRounds({ ctx, actor, organizationSlug, planSlug: values.plan })).filter(
        (r) => r.status === 'open' && (values.fy === undefined || String(r.fy) === values.fy),
      );
      const baseUrl = process.env.SHINCHOKU_BASE_URL?.replace(/\/+$/, '') || 'http://127.0.0.1:3000';
      for (const r of rounds) {
        const result = await sendRoundReminders({
          ctx,
          actor,
          organizationSlug,
          planSlug: values.plan,
          fy: r.fy,
          mailer,
          baseUrl,
        });
        process.stdout.write(
          `FY${r.fy}: ${result.sent.length} reminder(s)${result.sent.length ? ` to ${result.sent.join(', ')}` : ''}\n`,
        );
      }
      if (rounds.length === 0) process.stdout.write('no open round\n');
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
