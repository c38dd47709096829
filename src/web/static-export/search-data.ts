import { buildSearchIndex, resolveDepartments, type SearchIndex, searchInitiatives } from '../../app/index.ts';
import type { Lang } from '../i18n/index.ts';
import { fyText, scaleName } from '../portal/components/format.ts';
import { rateText } from '../portal/components/rate-text.ts';
import type { PlanPageProps } from '../portal/plan-page-props.tsx';
import { createPortalContext, type PortalContext, segment } from '../portal/portal-context.ts';

type ByLang = Record<Lang, string>;
interface Named {
  ja: string;
  en?: string | null;
}

/** What the static search script shows of one initiative, in both languages. */
export interface StaticSearchItem {
  title: Named;
  /** Portal URLs here; the export rewrites every "href" to a link relative to this file. */
  href: ByLang;
  departments: { name: Named; href: ByLang }[];
  /** "令和4年度 目標達成率: 81.0%", as the live search result says it. */
  rate: ByLang;
}

/** search-index.json of one edition: the portal's search index plus what a result shows. */
export interface StaticSearchData {
  format: 'shinchoku-search/v1';
  edition: { id: string; name: string; fy: number };
  index: SearchIndex;
  items: Record<string, StaticSearchItem>;
}

/** Builds the search data of the edition a plan page shows, with links that keep its ?edition=. */
export function buildStaticSearchData(props: PlanPageProps): StaticSearchData {
  const { pub, base } = props;
  const { content, edition } = pub;
  const plan = content.plan;
  const scale = plan.ratingScales[0]!;
  const pcs: Record<Lang, PortalContext> = {
    ja: createPortalContext({ lang: 'ja', editionParam: props.pc.editionParam, path: base, staticSite: true }),
    en: createPortalContext({ lang: 'en', editionParam: props.pc.editionParam, path: base, staticSite: true }),
  };
  const both = (f: (pc: PortalContext) => string): ByLang => ({ ja: f(pcs.ja), en: f(pcs.en) });
  const items: Record<string, StaticSearchItem> = {};
  // Without a query the portal's search lists every initiative it can show, with its current rating.
  for (const { row } of searchInitiatives(content, {}, edition.fy)) {
    const node = row.node;
    items[node.code] = {
      title: { ja: node.title, en: node.titleEn ?? null },
      href: both((pc) => pc.href(`${base}/initiatives/${segment(node.code)}`)),
      departments: resolveDepartments(content, node.departments).map((d) => ({
        name: { ja: d.name, en: d.nameEn ?? null },
        href: both((pc) => pc.href(`${base}/departments/${segment(d.code)}`)),
      })),
      rate: both(
        (pc) =>
          `${fyText(pc, edition.fy)} ${scaleName(pc, plan)}: ${rateText(pc, scale, row.current, plan.rollup.decimals)}`,
      ),
    };
  }
  return {
    format: 'shinchoku-search/v1',
    edition: { id: edition.id, name: edition.name, fy: edition.fy },
    index: buildSearchIndex(content),
    items,
  };
}
