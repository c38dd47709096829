import type { Hono } from 'hono';
import { z } from 'zod';
import { type AppContext, AppError, listPublicPlanListings, type PublicPlanListing } from '../../app/index.ts';
import { portalUrlOf, type Relink, rewriteCss, rewriteHtml, rewriteJsonHrefs } from './rewrite-links.ts';
import { MANIFEST, SiteDirectory } from './site-directory.ts';
import { absoluteLink, relativeLink, StaticPathError, staticTarget } from './static-paths.ts';
import { staticRenderApp } from './static-render-app.tsx';

export interface ExportSiteProps {
  ctx: AppContext;
  /** Where the site goes: a new or empty directory, or an earlier export (replaced as a whole). */
  dir: string;
  organizationSlug?: string | undefined;
  planSlug?: string | undefined;
  /** Where the site will be served ("/city/plan-site/"); only 404.html needs it, as any address may show it. */
  basePath?: string | undefined;
}

export interface ExportSiteResult {
  dir: string;
  files: number;
  bytes: number;
  pages: number;
  plans: { organization: string; plan: string; edition: string }[];
  /** Each file written and the portal URL it was rendered from, by file name. */
  entries: { file: string; url: string }[];
}

const BASE_PATH = z
  .string()
  .regex(/^\/(?:[A-Za-z0-9._~!$&'()*+,;=:@%-]+\/)*$/, 'a path such as /city/plan-site/')
  .optional();

/** The organizations and plans to export: all published ones, or the one organization or plan asked for. */
async function scopeOf(props: ExportSiteProps): Promise<PublicPlanListing[]> {
  const all = await listPublicPlanListings(props.ctx, props.organizationSlug);
  const listings = all
    .map((l) => ({ ...l, plans: l.plans.filter((p) => !props.planSlug || p.slug === props.planSlug) }))
    .filter((l) => l.plans.length > 0);
  if (listings.length === 0) {
    const what = props.planSlug ? `「${props.planSlug}」` : '';
    throw new AppError('not-found', {
      ja: `公表された計画${what}がないため、書き出すものがありません`,
      en: `there is no published plan${props.planSlug ? ` "${props.planSlug}"` : ''} to export`,
    });
  }
  return listings;
}

/**
 * `shinchoku export-site`: writes the public portal of the published editions as static files (see
 * static-paths.ts for the layout). Pages are rendered in-process by the portal itself in static-site mode and
 * found by following links from the index pages, so every page the portal links to is written and every link
 * is rewritten to a relative one; a link the export cannot represent stops the export rather than break.
 */
export async function exportSite(props: ExportSiteProps): Promise<ExportSiteResult> {
  const base = BASE_PATH.safeParse(props.basePath === undefined ? undefined : withSlash(props.basePath));
  if (!base.success) {
    throw new AppError('invalid-input', {
      ja: `--base-path は /city/plan-site/ のようなパスで指定してください（${props.basePath}）`,
      en: `--base-path must be a path such as /city/plan-site/ (got "${props.basePath}")`,
    });
  }
  const listings = await scopeOf(props);
  const app = staticRenderApp(props.ctx, listings);
  const site = await SiteDirectory.open(props.dir);
  try {
    const entries = new Map<string, string>();
    const pages = await crawl(app, site, listings, base.data, entries);
    await site.write(MANIFEST, manifest(props, listings, base.data));
    await site.commit();
    return {
      dir: site.target,
      files: site.files,
      bytes: site.bytes,
      pages,
      entries: [...entries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, url]) => ({ file, url })),
      plans: listings.flatMap((l) =>
        l.plans.map((p) => ({ organization: l.organization.slug, plan: p.slug, edition: p.edition.name })),
      ),
    };
  } catch (e) {
    await site.discard();
    throw e;
  }
}

const withSlash = (p: string) => (p.endsWith('/') ? p : `${p}/`);

/** Renders and writes every URL reachable from the seeds; returns the number of HTML pages. */
async function crawl(
  app: Hono,
  site: SiteDirectory,
  listings: PublicPlanListing[],
  basePath: string | undefined,
  written: Map<string, string>,
): Promise<number> {
  const seeds = [
    '/',
    '/404',
    ...listings.flatMap((l) => [
      `/${l.organization.slug}/`,
      ...l.plans.map((p) => `/${l.organization.slug}/${p.slug}/`),
    ]),
  ];
  const queue = seeds.flatMap((url) => [url, `${url}?lang=en`]).map((url) => ({ url, from: '(start)' }));
  let pages = 0;
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { url, from } = next;
    const file = targetOf(url, from).file;
    if (written.has(file)) continue;
    written.set(file, url);
    const res = await app.request(url);
    const isNotFoundPage = /^404(\.en)?\.html$/.test(file);
    if (res.status !== (isNotFoundPage ? 404 : 200)) {
      throw new Error(`static export: ${url} answered ${res.status} (linked from ${from})`);
    }
    // 404.html is shown at any address, so its links are absolute when the site's address is known.
    const relink: Relink = (value) => {
      const found = portalUrlOf(value, url);
      if (!found) return value;
      const target = targetOf(found.url, url);
      queue.push({ url: found.url, from: url });
      return isNotFoundPage && basePath
        ? absoluteLink(basePath, target, found.hash)
        : relativeLink(file, target, found.hash);
    };
    if (file.endsWith('.html')) {
      await site.write(file, rewriteHtml(await res.text(), relink));
      pages += 1;
    } else if (file.endsWith('.css')) {
      await site.write(file, rewriteCss(await res.text(), relink));
    } else if (file.endsWith('search-index.json')) {
      await site.write(file, `${JSON.stringify(rewriteJsonHrefs(await res.json(), relink))}\n`);
    } else {
      await site.write(file, new Uint8Array(await res.arrayBuffer()));
    }
  }
  return pages;
}

function targetOf(url: string, from: string) {
  try {
    return staticTarget(url);
  } catch (e) {
    if (e instanceof StaticPathError) throw new Error(`static export: ${e.message} (linked from ${from})`);
    throw e;
  }
}

function manifest(props: ExportSiteProps, listings: PublicPlanListing[], basePath: string | undefined): string {
  const body = {
    format: 'shinchoku-static-site/v1',
    exportedAt: props.ctx.now().toISOString(),
    basePath: basePath ?? null,
    plans: listings.flatMap((l) =>
      l.plans.map((p) => ({
        organization: l.organization.slug,
        plan: p.slug,
        currentEdition: { id: p.edition.id, name: p.edition.name, fy: p.edition.fy },
      })),
    ),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
