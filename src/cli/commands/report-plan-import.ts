import { readFile } from 'node:fs/promises';
import { describeIssue, importBundle, systemActor } from '../../app/index.ts';
import { importPlanWorkbook } from '../../reports/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { parseOptions } from './command.ts';

export const PLAN_IMPORT_USAGE = `  shinchoku report import-plan-xlsx FILE [--replace [--discard-rounds]] [--publish]
                                   a new plan from a workbook in the layout of \`report xlsx\``;

/** `report import-plan-xlsx`: start a plan (and its organization and 課) from Excel. */
export const planImportSubcommands: Record<string, (args: string[]) => Promise<number>> = {
  async 'import-plan-xlsx'(args) {
    const { values, positionals } = parseOptions(args, {
      replace: { type: 'boolean', default: false },
      'discard-rounds': { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
    });
    if (values['discard-rounds'] && !values.replace) throw new UsageError('--discard-rounds goes with --replace');
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('import-plan-xlsx takes exactly one FILE');
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    const result = await importPlanWorkbook(data);
    if (!result.ok) {
      process.stderr.write(`error: nothing was imported; ${result.issues.length} problem(s):\n`);
      for (const i of result.issues)
        process.stderr.write(`  ${describeIssue(i, 'ja')}\n    ${describeIssue(i, 'en')}\n`);
      return 1;
    }
    const ctx = await openContext();
    try {
      const imported = await importBundle({
        ctx,
        actor: systemActor('cli'),
        input: result.bundle,
        replace: values.replace,
        discardRounds: values['discard-rounds'],
        publishDeclaredEditions: values.publish,
      });
      for (const p of imported.plans) {
        const verb = p.replaced ? 'replaced' : 'imported';
        process.stdout.write(`${verb} ${imported.organizationSlug}/${p.slug}: ${p.nodes} nodes\n`);
      }
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
