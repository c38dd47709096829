import { Hono } from 'hono';
import {
  type AppContext,
  describeIssue,
  forbidden,
  getDepartmentSheets,
  isAppError,
  scopeOf,
  throttleUpload,
  type UploadOutcome,
} from '../../../app/index.ts';
import { departmentWorkbook, importDepartmentWorkbook } from '../../../reports/index.ts';
import { UploadResultPage } from '../pages/upload-result-page.tsx';
import { fyParam, planParam } from '../route-helpers.ts';
import { sendPage } from '../send-page.ts';
import type { StaffContext, StaffEnv } from '../staff-env.ts';
import { roundPath, taskPath } from '../staff-paths.ts';

/** The Excel 照会 round trip in the workspace: download a 課 workbook, upload it filled in (all rows or nothing). */
export function workbookRoutes(ctx: AppContext) {
  const app = new Hono<StaffEnv>();
  const path = '/plans/:plan/rounds/:fy/workbook';

  app.get(path, async (c) => {
    const s = c.get('staff');
    const department = c.req.query('department') || s.user.departmentCode || '';
    const sheets = await getDepartmentSheets(ctx, s.actor, {
      organizationSlug: s.organization.slug,
      planSlug: planParam(c),
      department,
      fy: fyParam(c),
    });
    const body = await departmentWorkbook(sheets);
    const name = `${planParam(c)}-${fyParam(c)}-${department}.xlsx`;
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  app.post(path, async (c: StaffContext) => {
    const body = await c.req.parseBody();
    const file = body.file;
    const planSlug = planParam(c);
    const fy = fyParam(c);
    const back = `${roundPath(planSlug, fy)}/mine`;
    const lang = c.get('text').lang;
    const render = (
      changed: string[],
      unchanged: number,
      issues: string[],
      status: number,
      skipped: string[] = [],
      outcomes: UploadOutcome[] = [],
    ) =>
      sendPage(
        c,
        <UploadResultPage
          text={c.get('text')}
          session={c.get('staff')}
          back={back}
          changed={changed.map((code) => ({ code, href: taskPath(planSlug, fy, code) }))}
          unchanged={unchanged}
          skipped={skipped}
          issues={issues}
          outcomes={outcomes.map((o) => ({ ...o, href: taskPath(planSlug, fy, o.code) }))}
        />,
        status,
      );
    // Only roles that may write sheets upload; the use case then checks the workbook's 課 against the user's.
    const { actor } = c.get('staff');
    if (!scopeOf(actor.role, 'node.edit')) throw forbidden();
    if (!(file instanceof File) || file.size === 0) return render([], 0, [c.get('text').t('workbook.noFile')], 400);
    // Counted before the workbook is unpacked and read, the costly part (429 past the limit).
    await throttleUpload({ ctx, actor });
    try {
      // The round is the page's, never the file's: the use case refuses a workbook made for another one.
      const submit = body.submit === '1';
      const target = { organizationSlug: c.get('staff').organization.slug, planSlug, fy, submit };
      const result = await importDepartmentWorkbook(ctx, actor, target, new Uint8Array(await file.arrayBuffer()));
      const skipped = result.skipped.map((s) => (lang === 'ja' ? s.messageJa : s.messageEn));
      return render(
        result.changed.map((x) => x.code),
        result.unchanged,
        [],
        200,
        skipped,
        result.outcomes,
      );
    } catch (e) {
      const issues = isAppError(e) && e.details?.kind === 'upload' ? e.details.issues : undefined;
      if (!issues) throw e;
      return render(
        [],
        0,
        issues.map((i) => describeIssue(i, lang)),
        isAppError(e) ? e.status : 400,
      );
    }
  });
  return app;
}
