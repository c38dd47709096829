import { writeFile } from 'node:fs/promises';
import { type AppContext, getPublicEdition, listPublicPlans } from '../../app/index.ts';
import type { EditionContent } from '../../domain/index.ts';
import { editionPdf, type ReportLang } from '../../reports/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

const USAGE = `Usage:
  shinchoku report pdf  [--org SLUG] [--plan SLUG] [--edition ID] [--lang ja|en] -o FILE

Writes a published edition (the current one unless --edition names another) as a file. --org and --plan may be
omitted when there is only one. "-o -" writes to standard output.`;

const editionOptions = {
  org: { type: 'string' },
  plan: { type: 'string' },
  edition: { type: 'string' },
  lang: { type: 'string', default: 'ja' },
  output: { type: 'string', short: 'o' },
} as const;

/** The published content a report is made from (never the working draft). */
async function publishedContent(
  ctx: AppContext,
  values: { org?: string | undefined; plan?: string | undefined; edition?: string | undefined },
): Promise<{ content: EditionContent; publishedAt: Date }> {
  const organizationSlug = await resolveOrganization(ctx, values.org);
  let planSlug = values.plan;
  if (!planSlug) {
    const { plans } = await listPublicPlans(ctx, organizationSlug);
    if (plans.length !== 1) {
      throw new UsageError(
        plans.length === 0
          ? `organization "${organizationSlug}" has no published edition yet`
          : `several plans are published; choose one with --plan (${plans.map((p) => p.slug).join(', ')})`,
      );
    }
    planSlug = plans[0]!.slug;
  }
  const found = await getPublicEdition(ctx, { organizationSlug, planSlug, editionId: values.edition });
  return { content: found.content, publishedAt: new Date(found.edition.publishedAt) };
}

function langOf(value: string | undefined): ReportLang {
  if (value !== 'ja' && value !== 'en') throw new UsageError(`--lang must be ja or en (got "${value}")`);
  return value;
}

async function output(file: string | undefined, data: Buffer | string): Promise<void> {
  if (!file) throw new UsageError('-o FILE is required ("-o -" for standard output)');
  if (file === '-') process.stdout.write(data);
  else await writeFile(file, data);
}

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  async pdf(args) {
    const { values } = parseOptions(args, editionOptions, false);
    const lang = langOf(values.lang);
    const ctx = await openContext();
    try {
      const { content, publishedAt } = await publishedContent(ctx, values);
      await output(values.output, await editionPdf(content, lang, { createdAt: publishedAt }));
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};

export const report: Command = {
  summary: 'write a published edition as PDF, Excel, CSV or JSON; import 課 workbooks',
  usage: USAGE,
  async run(args) {
    const [name, ...rest] = args;
    const sub = name ? subcommands[name] : undefined;
    if (!sub) throw new UsageError(`report needs one of: ${Object.keys(subcommands).join(', ')} (see --help)`);
    return sub(rest);
  },
};
