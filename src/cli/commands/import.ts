import { readFile } from 'node:fs/promises';
import { importBundle, isAppError, systemActor } from '../../app/index.ts';
import { bundleIssuesText } from '../bundle-issues-text.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { type Command, parseOptions } from './command.ts';

export const importCommand: Command = {
  summary: 'import an organization bundle (JSON); all or nothing',
  usage: `Usage: shinchoku import FILE [--replace [--discard-rounds]] [--publish]

FILE is a JSON bundle (format "shinchoku/v1") as written by \`export\`. It is validated whole before anything
is written; every problem (up to 50) is printed with its path, nodes named by their code
(plans[0].nodes[3-2].indicators[0].target), and the database is left unchanged.
  --replace          replace plans that already exist (same organization and plan slug)
  --discard-rounds   with --replace, also when a plan has reporting rounds: they are deleted with what the
                     departments entered and the review notes (without it, such a plan is not replaced)
  --publish          publish each plan's declared edition when the file carries none`,
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      replace: { type: 'boolean', default: false },
      'discard-rounds': { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
    });
    if (values['discard-rounds'] && !values.replace) throw new UsageError('--discard-rounds goes with --replace');
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('import takes exactly one FILE');
    let input: unknown;
    try {
      input = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read ${file} as JSON: ${(e as Error).message}`);
    }
    const ctx = await openContext();
    try {
      const result = await importBundle({
        ctx,
        actor: systemActor('cli'),
        input,
        replace: values.replace,
        discardRounds: values['discard-rounds'],
        publishDeclaredEditions: values.publish,
      });
      for (const p of result.plans) {
        process.stdout.write(
          `${p.replaced ? 'replaced' : 'imported'} ${result.organizationSlug}/${p.slug}: ${p.nodes} nodes\n`,
        );
      }
      process.stdout.write(`${result.editions} edition(s)\n`);
      if (result.keptEditions > 0)
        process.stdout.write(`${result.keptEditions} published edition(s) kept as they were\n`);
      return 0;
    } catch (e) {
      const details = isAppError(e) ? e.details : undefined;
      if (details?.kind === 'bundle') {
        process.stderr.write(bundleIssuesText(file, details.issues, details.total));
        return 1;
      }
      throw e;
    } finally {
      await ctx.store.close();
    }
  },
};
