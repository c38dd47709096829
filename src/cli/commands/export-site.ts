import { exportSite } from '../../web/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { type Command, parseOptions } from './command.ts';

export const exportSiteCommand: Command = {
  summary: 'write the public portal of the published editions as a static site',
  usage: `Usage: shinchoku export-site DIR [--org SLUG] [--plan SLUG] [--base-path /sub/path/]

Writes every public page (Japanese and English), every published edition, the downloads (CSV, JSON, PDF),
the stylesheets and fonts and a prebuilt search index into DIR as static files, for publishing one way from
a closed network (LGWAN) to any web server. Links are relative, so the site works from any sub-path and
from file:// (search needs a web server). DIR must be new, empty or an earlier export, which is replaced.

  --org SLUG         only this organization's plans (default: every organization)
  --plan SLUG        only this plan
  --base-path PATH   where the site will be served, e.g. /city/plan-site/; makes 404.html work at any depth

Layout and web server settings: docs/operations.md, "Static export".`,
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      org: { type: 'string' },
      plan: { type: 'string' },
      'base-path': { type: 'string' },
    });
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new UsageError('export-site takes exactly one DIR');
    const ctx = await openContext();
    try {
      const started = performance.now();
      const result = await exportSite({
        ctx,
        dir,
        organizationSlug: values.org,
        planSlug: values.plan,
        basePath: values['base-path'],
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      for (const p of result.plans) process.stdout.write(`exported ${p.organization}/${p.plan} (${p.edition})\n`);
      process.stdout.write(
        `${result.pages} pages, ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.dir} (${seconds} s)\n`,
      );
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
