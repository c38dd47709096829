import { writeFile } from 'node:fs/promises';
import { type AppContext, getPublicEdition, listPublicPlans, type PublicEdition } from '../../app/index.ts';
import type { EditionContent } from '../../domain/index.ts';
import {
  editionPdf,
  editionWorkbook,
  indicatorRows,
  initiativeRows,
  openDataJson,
  type ReportLang,
  rollupRows,
  writeCsv,
  writeEditionJson,
} from '../../reports/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';
import { DEPARTMENT_USAGE, departmentSubcommands } from './report-department.ts';
import { PLAN_IMPORT_USAGE, planImportSubcommands } from './report-plan-import.ts';

const USAGE = `Usage:
  shinchoku report pdf  [EDITION] [--lang ja|en] -o FILE     the printed edition (A4, Japanese font embedded;
                                   in the plan's language unless --lang says otherwise)
  shinchoku report xlsx [EDITION] -o FILE                    workbook: 取組一覧, 指標, ratings per year, settings
  shinchoku report csv  [EDITION] [--table initiatives|indicators|rollup] [--bom] -o FILE   open-data CSV (UTF-8)
  shinchoku report json [EDITION] [--open-data] -o FILE      full-fidelity edition JSON, or open-data JSON
${DEPARTMENT_USAGE}
${PLAN_IMPORT_USAGE}

EDITION options: [--org SLUG] [--plan SLUG] [--edition ID]. Reports are made from a published edition (the
current one unless --edition names another), never from drafts. --org and --plan may be omitted when there is
only one. "-o -" writes to standard output. --bom adds a byte-order mark so Excel reads the CSV as UTF-8.`;

const editionOptions = {
  org: { type: 'string' },
  plan: { type: 'string' },
  edition: { type: 'string' },
  lang: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

/** The published content a report is made from (never the working draft). */
async function publishedContent(
  ctx: AppContext,
  values: { org?: string | undefined; plan?: string | undefined; edition?: string | undefined },
): Promise<PublicEdition> {
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
  return getPublicEdition(ctx, { organizationSlug, planSlug, editionId: values.edition });
}

/** The language asked for; without --lang, the plan's own (undefined until the plan is read). */
function langOf(value: string | undefined): ReportLang | undefined {
  if (value === undefined) return undefined;
  if (value !== 'ja' && value !== 'en') throw new UsageError(`--lang must be ja or en (got "${value}")`);
  return value;
}

async function output(file: string | undefined, data: Buffer | string): Promise<void> {
  if (!file) throw new UsageError('-o FILE is required ("-o -" for standard output)');
  if (file === '-') process.stdout.write(data);
  else await writeFile(file, data);
}

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  ...departmentSubcommands,
  ...planImportSubcommands,
  async pdf(args) {
    const { values } = parseOptions(args, editionOptions, false);
    const lang = langOf(values.lang);
    const ctx = await openContext();
    try {
      const pub = await publishedContent(ctx, values);
      await output(
        values.output,
        await editionPdf(pub.content, lang ?? pub.content.plan.language ?? 'ja', {
          createdAt: new Date(pub.edition.publishedAt),
        }),
      );
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
  async xlsx(args) {
    const { values } = parseOptions(args, editionOptions, false);
    return withEdition(values, async (pub) => output(values.output, await editionWorkbook(pub.content)));
  },
  async csv(args) {
    const { values } = parseOptions(
      args,
      {
        ...editionOptions,
        table: { type: 'string', default: 'initiatives' },
        bom: { type: 'boolean', default: false },
      },
      false,
    );
    const tables = {
      initiatives: initiativeRows,
      indicators: (content: EditionContent) => indicatorRows(content),
      rollup: rollupRows,
    } as const;
    const which = values.table;
    if (!Object.hasOwn(tables, which)) {
      throw new UsageError(`--table must be initiatives, indicators or rollup (got "${which}")`);
    }
    return withEdition(values, async (pub) => {
      const table = tables[which as keyof typeof tables](pub.content, pub.edition);
      await output(values.output, writeCsv(table, { bom: values.bom }));
    });
  },
  async json(args) {
    const { values } = parseOptions(
      args,
      { ...editionOptions, 'open-data': { type: 'boolean', default: false } },
      false,
    );
    return withEdition(values, async (pub) => {
      if (values['open-data']) {
        const meta = { ...pub.edition, localGovernmentCode: pub.organization.localGovernmentCode };
        await output(values.output, `${JSON.stringify(openDataJson(pub.content, meta), null, 2)}\n`);
        return;
      }
      const { id, name, fy, publishedAt, contentSha256 } = pub.edition;
      const doc = {
        format: 'shinchoku-edition/v1' as const,
        edition: { id, name, fy, publishedAt, contentSha256 },
        content: pub.content,
      };
      await output(values.output, writeEditionJson(doc));
    });
  },
};

/** Opens the database, finds the published edition, runs `write`, closes. */
async function withEdition(
  values: {
    org?: string | undefined;
    plan?: string | undefined;
    edition?: string | undefined;
    output?: string | undefined;
  },
  write: (pub: PublicEdition) => Promise<void>,
): Promise<number> {
  if (!values.output) throw new UsageError('-o FILE is required ("-o -" for standard output)');
  const ctx = await openContext();
  try {
    await write(await publishedContent(ctx, values));
    return 0;
  } finally {
    await ctx.store.close();
  }
}

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
