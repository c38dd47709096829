import type { Context } from 'hono';
import { StaffLayout } from '../components/staff-layout.tsx';
import type { StaffEnv } from '../staff-env.ts';

/** A full staff error page (403, 404, 500) in the user's language, rendered to an HTML string. */
export function renderStaffError(c: Context<StaffEnv>, status: number, message: string): string {
  const text = c.get('text');
  const title = `${text.t('error.title')} (${status})`;
  const page = (
    <StaffLayout text={text} session={c.get('session') ?? null} title={title} back={c.req.path}>
      <p>{message}</p>
      <p>
        <a href="/staff/">{text.t('app.home')}</a>
      </p>
    </StaffLayout>
  );
  return `<!DOCTYPE html>${page.toString()}`;
}
