import {
  countedItems,
  type EditionContent,
  isGoalNode,
  isItemNode,
  japaneseEraOf,
  leafNodes,
  type PlanNode,
  walkNodes,
} from '../../domain/index.ts';
import { type EditionView, editionView } from '../edition-view.ts';
import type { ReportLang } from '../report-text.ts';
import type { PdfBlock, PdfModel, TocEntry } from './pdf-model.ts';
import { sheetTables } from './sheet-tables.ts';
import { summaryTable } from './summary-table.ts';

/** A node gets its own sheet when it is an initiative (a leaf) or carries sheet content of its own. */
function hasSheet(node: PlanNode): boolean {
  if (isItemNode(node)) return true;
  return Boolean(
    node.goal ||
      node.situation ||
      node.challenges ||
      node.roadmap.length > 0 ||
      node.indicators.length > 0 ||
      node.assessments.length > 0,
  );
}

/** "2022-02" → "令和4年2月" (ja) or "2022-02" (en). */
function yearMonth(value: string | undefined, lang: ReportLang): string | undefined {
  const m = value ? /^(\d{4})-(\d{2})/.exec(value) : null;
  if (!m) return value;
  if (lang === 'en') return `${m[1]}-${m[2]}`;
  const era = japaneseEraOf(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)));
  return `${era.era}${era.year === 1 ? '元' : era.year}年${Number(m[2])}月`;
}

// A group of its own is headed by its title alone, as the original's contents list 第1期アクションプランからの継続案件.
const nodeLabel = (view: EditionView, node: PlanNode) =>
  node.separateGroup ? view.title(node) : `${node.code} ${view.title(node)}`;

/**
 * The printed edition: cover, contents, the plan's sections, a divider per top-level node (基本目標), a sheet
 * per initiative, the closing rating table, and a colophon. Works for any depth of tree and any rating scale.
 * @example buildPdfModel(ogoriEdition, 'ja').blocks.filter((b) => b.kind === 'sheet').length // 40
 */
export function buildPdfModel(content: EditionContent, lang: ReportLang = 'ja'): PdfModel {
  const view = editionView(content, lang);
  const { plan, t } = view;
  const title = lang === 'en' ? (plan.titleEn ?? plan.title) : plan.title;
  const editionName = plan.edition
    ? lang === 'en'
      ? (plan.edition.nameEn ?? plan.edition.name)
      : plan.edition.name
    : undefined;
  const blocks: PdfBlock[] = [];
  const toc: TocEntry[] = [];
  blocks.push({
    kind: 'cover',
    ...(plan.shortTitle && { overline: plan.shortTitle }),
    title,
    ...(editionName && { edition: editionName }),
    organization: view.organizationName,
  });
  blocks.push({ kind: 'toc', heading: t.contents, entries: toc });

  plan.sections.forEach((section, i) => {
    const heading = [section.number, lang === 'en' ? (section.titleEn ?? section.title) : section.title]
      .filter(Boolean)
      .join(' ');
    const anchor = `section-${i}`;
    toc.push({ anchor, label: heading, depth: 0 });
    blocks.push({ kind: 'section', anchor, heading, paragraphs: section.body, newPage: i === 0 });
  });

  const leafLevel = plan.levels.at(-1)!;
  const leafName = lang === 'en' ? (leafLevel.en ?? leafLevel.ja) : leafLevel.ja;
  toc.push({ label: t.itemCount(countedItems(plan, leafNodes(plan)).length, leafName), depth: 0 });

  let n = 0;
  for (const { node, ancestors, depth } of walkNodes(plan)) {
    const anchor = `node-${n++}`;
    toc.push({ anchor, label: nodeLabel(view, node), depth: depth - 1 });
    if (depth === 1 && isGoalNode(node)) {
      const level = plan.levels[0]!;
      blocks.push({
        kind: 'divider',
        anchor,
        // Not one of the level's items: no 「基本目標 継」 above a group of its own.
        overline: node.separateGroup ? '' : `${lang === 'en' ? (level.en ?? level.ja) : level.ja} ${node.code}`,
        title: view.title(node),
        items: [...walkNodes(node.children)].map((w) => ({ label: nodeLabel(view, w.node), depth: w.depth - 1 })),
      });
      if (!hasSheet(node)) continue;
    }
    if (!hasSheet(node)) {
      // A middle level without content of its own: its name heads the sheets below it (breadcrumb).
      continue;
    }
    blocks.push({
      kind: 'sheet',
      anchor: depth === 1 && isGoalNode(node) ? `${anchor}-sheet` : anchor,
      breadcrumb: ancestors.map((a) => nodeLabel(view, a)),
      outline: nodeLabel(view, node),
      tables: sheetTables(node, view),
    });
  }

  const summary = summaryTable(view);
  const scaleName = lang === 'en' ? (view.scale.nameEn ?? view.scale.name) : view.scale.name;
  toc.push({ anchor: 'summary', label: t.summary(scaleName), depth: 0 });
  blocks.push({ kind: 'summary', anchor: 'summary', heading: t.summary(scaleName), ...summary });

  const issued = yearMonth(plan.issuedOn, lang);
  const colophon = [
    title,
    editionName,
    issued && t.issued(issued),
    plan.publisher && t.publisher(plan.publisher),
    plan.editor && t.editor(plan.editor),
  ];
  blocks.push({ kind: 'colophon', lines: colophon.filter((x): x is string => Boolean(x)) });

  return {
    meta: {
      title: editionName ? `${title} ${editionName}` : title,
      author: view.organizationName,
      subject: editionName ?? title,
      keywords: [view.organizationName, plan.shortTitle, scaleName].filter(Boolean).join(', '),
      lang,
    },
    blocks,
  };
}
