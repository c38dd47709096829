import { readFile, writeFile } from 'node:fs/promises';
import { describeIssue, getDepartmentSheets, isAppError, systemActor } from '../../app/index.ts';
import { parseFiscalYear } from '../../domain/index.ts';
import { departmentWorkbook, importDepartmentWorkbook } from '../../reports/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { parseOptions } from './command.ts';

export const DEPARTMENT_USAGE = `  shinchoku report department-xlsx --department CODE --fy YEAR [--org SLUG] [--plan SLUG] -o FILE
                                   the 課 workbook (照会) for a reporting year, from the working content
  shinchoku report import-xlsx FILE --fy YEAR [--org SLUG] [--plan SLUG]
                                   take a filled-in 課 workbook back into that year's open round: all rows
                                   or nothing (rows of submitted or approved reports are left and listed)`;

/** `report department-xlsx` and `report import-xlsx`: the 庁内照会 round trip through Excel. */
export const departmentSubcommands: Record<string, (args: string[]) => Promise<number>> = {
  async 'department-xlsx'(args) {
    const { values } = parseOptions(
      args,
      {
        department: { type: 'string' },
        fy: { type: 'string' },
        org: { type: 'string' },
        plan: { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
      false,
    );
    if (!values.department) throw new UsageError('--department is required (a 課 code such as keiei-senryaku)');
    if (!values.fy) throw new UsageError('--fy is required (e.g. --fy 2022 or --fy R4)');
    if (!values.output) throw new UsageError('-o FILE is required');
    const fy = parseFiscalYear(values.fy);
    if (!fy.ok) throw new UsageError(`--fy: ${fy.error.messageEn}`);
    const ctx = await openContext();
    try {
      const organizationSlug = await resolveOrganization(ctx, values.org);
      const sheets = await getDepartmentSheets(ctx, systemActor('cli'), {
        organizationSlug,
        planSlug: values.plan,
        department: values.department,
        fy: fy.value,
      });
      await writeFile(values.output, await departmentWorkbook(sheets));
      process.stdout.write(`wrote ${values.output}: ${sheets.nodes.length} initiatives of ${sheets.department.name}\n`);
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
  async 'import-xlsx'(args) {
    const { positionals, values } = parseOptions(args, {
      fy: { type: 'string' },
      org: { type: 'string' },
      plan: { type: 'string' },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('import-xlsx takes exactly one FILE');
    // The round is named here, as the round page names it; the workbook's own year cell never chooses it.
    if (!values.fy) throw new UsageError('--fy is required: the year of the open round (e.g. --fy 2023 or --fy R5)');
    const fy = parseFiscalYear(values.fy);
    if (!fy.ok) throw new UsageError(`--fy: ${fy.error.messageEn}`);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    const ctx = await openContext();
    try {
      const organizationSlug = await resolveOrganization(ctx, values.org);
      const target = { organizationSlug, planSlug: values.plan, fy: fy.value };
      const result = await importDepartmentWorkbook(ctx, systemActor('cli'), target, data);
      for (const c of result.changed) process.stdout.write(`updated ${c.code} (version ${c.version})\n`);
      for (const s of result.skipped) process.stdout.write(`not changed: ${s.messageJa} / ${s.messageEn}\n`);
      process.stdout.write(`${result.changed.length} changed, ${result.unchanged} unchanged\n`);
      return 0;
    } catch (e) {
      const issues = isAppError(e) && e.details?.kind === 'upload' ? e.details.issues : undefined;
      if (!issues) throw e;
      process.stderr.write(`error: nothing was saved; ${issues.length} problem(s):\n`);
      for (const i of issues) process.stderr.write(`  ${describeIssue(i, 'ja')}\n    ${describeIssue(i, 'en')}\n`);
      return 1;
    } finally {
      await ctx.store.close();
    }
  },
};
