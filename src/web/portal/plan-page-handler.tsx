import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { z } from 'zod';
import {
  type AppContext,
  findPublicEdition,
  isAppError,
  type PageViewData,
  type PageViewKind,
  type PageViewSource,
  type PublicEdition,
  type PublicEditionStamp,
  withContent,
} from '../../app/index.ts';
import { timeZoneOf } from '../../domain/index.ts';
import { loadPhrases } from '../../reports/phrases.ts';
import { CURRENT_TTL_MS, offerHotPage, PINNED_TTL_MS } from '../hot-pages.ts';
import { translator } from '../i18n/index.ts';
import { levelName, scaleName } from './components/format.ts';
import { chooseBody, isCompressible, isNotModified } from './content-coding.ts';
import { type PageCache, type RenderedPage, renderedPage } from './page-cache.ts';
import { type ErrorLinks, ErrorPage } from './pages/error-page.tsx';
import type { PlanPageProps } from './plan-page-props.tsx';
import { createPortalContext, type PortalContext, type QueryValues, segment } from './portal-context.ts';
import { commonQuery, langOf, parseQuery } from './portal-query.ts';
import { renderHtml } from './render-html.ts';
import { isStaticSite } from './static-site-mode.ts';

/** A download made from an edition (CSV, JSON). */
export interface FileOutput {
  kind: 'file';
  body: string | Uint8Array<ArrayBuffer>;
  type: string;
  /** Offered name, may be Japanese. */
  filename: string;
  /** ASCII name for clients that do not read filename*. */
  asciiFilename: string;
}

/**
 * A page renderer (a page that reads a second edition awaits it): the page or file, or null when the code in the
 * path names nothing in this edition (404).
 */
export type PlanPageRender<Q, D = null> = (
  props: PlanPageProps,
  query: Q,
  c: Context,
  data: D,
) => JSX.Element | FileOutput | null | Promise<JSX.Element | FileOutput | null>;

/** The stored view a page is drawn from (see edition-page-views.ts), named by kind and the code in its path. */
export interface PlanPageView<K extends PageViewKind> {
  kind: K;
  code?: (c: Context) => string;
  /** Where views come from: the stored ones unless a test asks for fresh ones. */
  source: PageViewSource;
}

/** Headers carry bytes, so the plain filename is ASCII and the UTF-8 one travels in filename* (RFC 6266). */
function contentDisposition(file: FileOutput): string {
  return `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
}

const isFile = (x: unknown): x is FileOutput =>
  typeof x === 'object' && x !== null && (x as FileOutput).kind === 'file';

// The current edition can change on publish: browsers revalidate after a minute (cheap with the ETag). A page
// of an explicitly chosen edition never changes.
export const CURRENT_CACHE = 'public, max-age=60';
export const PINNED_CACHE = 'public, max-age=31536000, immutable';
const ERROR_CACHE = 'no-cache';

export function sendPage(c: Context, page: RenderedPage, cacheControl: string): Response {
  const chosen = chooseBody(page, c.req.header('Accept-Encoding'));
  const headers: Record<string, string> = {
    ETag: chosen.etag,
    'Cache-Control': cacheControl,
    ...(page.lastModified && { 'Last-Modified': page.lastModified }),
    ...(isCompressible(page) && { Vary: 'Accept-Encoding' }),
  };
  if (isNotModified(page, c.req.header('If-None-Match'), c.req.header('If-Modified-Since'))) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(chosen.body, {
    status: page.status,
    headers: {
      ...headers,
      'Content-Type': page.type,
      ...(chosen.coding && { 'Content-Encoding': chosen.coding }),
      ...(page.disposition && { 'Content-Disposition': page.disposition }),
    },
  });
}

/** Renders the 400/404 page in the reader's language. */
export async function sendError(
  c: Context,
  pc: PortalContext,
  status: 400 | 404,
  messages: string[],
  links?: ErrorLinks,
): Promise<Response> {
  const html = await renderHtml(<ErrorPage pc={pc} status={status} messages={messages} links={links} />);
  return sendPage(c, renderedPage(html, status), ERROR_CACHE);
}

/** A portal context for a page outside any plan (index pages, errors before a plan is known). */
export function plainContext(c: Context, lang: 'ja' | 'en', primary?: 'ja' | 'en'): PortalContext {
  return createPortalContext({
    lang,
    editionParam: undefined,
    path: c.req.path,
    staticSite: isStaticSite(c),
    ...(primary && { primary }),
  });
}

/**
 * The request pipeline of every page of one plan: validate the query (400 on a bad value), find the edition
 * (404 when unknown), serve the cached rendering when there is one (304 when the browser has it), else load the
 * edition's content, render once and keep it. Published editions never change, so the cache key is the edition
 * id, the language, the path and the page's own validated parameters.
 */
export function planPage<S extends z.ZodType, K extends PageViewKind = 'frame'>(
  ctx: AppContext,
  cache: PageCache,
  schema: S | null,
  render: PlanPageRender<z.output<S>, PageViewData[K]>,
  options: {
    cacheControl?: (pinned: boolean) => string;
    stampOf?: (editionIds: string[]) => string;
    /** A download stored with the edition: made from the edition found, without loading its content. */
    stored?: (found: PublicEditionStamp, query: z.output<S>) => Promise<FileOutput>;
    /** The stored view the page is drawn from; without it, the edition's whole content (the static export). */
    view?: PlanPageView<K>;
    /**
     * Where renderings asked with page parameters (filters, search words) are kept, apart from the fixed pages:
     * requests with ever new parameters then cannot push the fixed pages out.
     */
    queryCache?: PageCache;
  } = {},
) {
  return async (c: Context): Promise<Response> => {
    const raw = c.req.query();
    const lang = langOf(raw);
    const common = parseQuery(commonQuery, raw, translator(lang));
    const pageQuery = schema ? parseQuery(schema, raw, translator(lang)) : { ok: true as const, value: {} };
    if (!common.ok || !pageQuery.ok) {
      const messages = [...(common.ok ? [] : common.messages), ...(pageQuery.ok ? [] : pageQuery.messages)];
      return sendError(c, plainContext(c, lang), 400, messages);
    }
    const editionParam = common.value.edition;
    const org = c.req.param('org') ?? '';
    const planSlug = c.req.param('plan') ?? '';
    const pc = createPortalContext({
      lang,
      editionParam,
      path: c.req.path,
      pageQuery: pageQuery.value as QueryValues,
      staticSite: isStaticSite(c),
    });
    const base = `/${segment(org)}/${segment(planSlug)}`;
    let stamp: Awaited<ReturnType<typeof findPublicEdition>>;
    try {
      stamp = await findPublicEdition(ctx, { organizationSlug: org, planSlug, editionId: editionParam });
    } catch (e) {
      if (isAppError(e) && e.status === 404)
        return sendError(c, pc, 404, [e[lang === 'ja' ? 'messageJa' : 'messageEn']]);
      throw e;
    }
    const pinned = editionParam !== undefined;
    const cacheControl = options.cacheControl?.(pinned) ?? (pinned ? PINNED_CACHE : CURRENT_CACHE);
    const extra = options.stampOf ? `|${options.stampOf(stamp.editions.map((e) => e.id))}` : '';
    const key = `${stamp.edition.id}|${pinned ? 'p' : 'c'}|${raw.lang ?? '-'}|${c.req.path}|${JSON.stringify(pageQuery.value)}${extra}${pc.staticSite ? '|static' : ''}`;
    const pages = options.queryCache && hasPageParameters(raw) ? options.queryCache : cache;
    // Only addresses made of parameters the page reads are repeated by the hot path: others (?utm_source=…)
    // would each take an entry of its own and push the plan's pages out of it.
    const hot = Object.keys(raw).every((k) => COMMON_PARAMETERS.has(k) || Object.hasOwn(pageQuery.value as object, k));
    const send = (page: RenderedPage) => (hot ? sendHot(c, page, cacheControl) : sendPage(c, page, cacheControl));
    const hit = pages.get(key);
    if (hit) return send(hit);
    // An edition never changes after its publication; the editions list changes with the latest one.
    const lastModified = httpDate(options.stampOf ? stamp.editions[0]!.publishedAt : stamp.edition.publishedAt);
    if (options.stored) {
      const file = await options.stored(stamp, pageQuery.value as z.output<S>);
      const page = { ...renderedPage(file.body, 200, file.type, contentDisposition(file)), lastModified };
      pages.set(key, page);
      return send(page);
    }

    const view = options.view;
    const slice = view
      ? await view.source(ctx, stamp, view.kind, view.code?.(c))
      : { content: (await withContent(ctx, stamp)).content, data: null as PageViewData[K] };
    // A code the edition does not have: the 404 page needs only the plan around it.
    const content = slice?.content ?? (await view!.source(ctx, stamp, 'frame'))!.content;
    const pub: PublicEdition = { ...stamp, content };
    // Headings wrap between phrases: the segmenter loads once, with the first page rendered.
    await loadPhrases();
    // An English plan is read in English unless ?lang=ja asks otherwise; the cache key above holds ?lang= as asked.
    const plan = pub.content.plan;
    const planLang = raw.lang === 'en' || raw.lang === 'ja' ? raw.lang : (plan.language ?? 'ja');
    const planPc = createPortalContext({
      lang: planLang,
      editionParam,
      path: c.req.path,
      pageQuery: pageQuery.value as QueryValues,
      staticSite: isStaticSite(c),
      plan: { language: plan.language, fiscalYearStartMonth: plan.fiscalYearStartMonth },
      timeZone: timeZoneOf(pub.content.organization),
    });
    const props: PlanPageProps = { pc: planPc, pub, base };
    const element = slice ? await render(props, pageQuery.value as z.output<S>, c, slice.data) : null;
    if (element === null) {
      const item = c.req.param('code') ?? c.req.param('dept') ?? c.req.path;
      return sendError(c, planPc, 404, [planPc.t('error.unknownItem', { item })], {
        base,
        goalLevel: levelName(planPc, pub.content.plan, 1),
        scale: scaleName(planPc, pub.content.plan),
      });
    }
    const rendered = isFile(element)
      ? renderedPage(element.body, 200, element.type, contentDisposition(element))
      : renderedPage(await renderHtml(element));
    const page = { ...rendered, lastModified };
    pages.set(key, page);
    return send(page);
  };
}

const httpDate = (iso: string) => new Date(iso).toUTCString();

const COMMON_PARAMETERS = new Set(['lang', 'edition']);
/** Whether a request names page parameters (filters, sorting, search words), defaults or not. */
const hasPageParameters = (raw: Record<string, string>) => Object.keys(raw).some((k) => !COMMON_PARAMETERS.has(k));

/** Sends a page of an edition and lets the hot path repeat it (see hot-pages.ts). */
export function sendHot(c: Context, page: RenderedPage, cacheControl: string): Response {
  const ttlMs = cacheControl === PINNED_CACHE ? PINNED_TTL_MS : CURRENT_TTL_MS;
  offerHotPage(c.req.raw, { page, ttlMs });
  return sendPage(c, page, cacheControl);
}
