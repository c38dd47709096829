import { diffEditions, type EditionContent, type EditionDiff } from '../domain/index.ts';
import type { EditionSummary } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { notFound } from './errors.ts';
import type { PublicEditionStamp } from './find-public-edition.ts';
import { presentedContent } from './public-content.ts';
import { readEditionContent } from './read-edition-content.ts';

/** Two published editions of a plan and what changed from the first to the second, as citizens may read it. */
export interface PublicComparison {
  /** Every published edition, newest first (the choices). */
  editions: EditionSummary[];
  from: EditionSummary;
  to: EditionSummary;
  /** Both contents as the portal presents them, for names, units and scales of what changed. */
  older: EditionContent;
  newer: EditionContent;
  diff: EditionDiff;
}

/**
 * Compares two published editions of the plan the request found (never a draft, never a withdrawn edition: only
 * those findPublicEdition lists). Without a choice, the one before the newest against the newest; a plan with
 * one edition compares it with itself (nothing changed). An id that names no published edition is not found.
 */
export async function comparePublicEditions(
  ctx: AppContext,
  stamp: PublicEditionStamp,
  choice: { from?: string | undefined; to?: string | undefined },
): Promise<PublicComparison> {
  const { editions } = stamp;
  const pick = (id: string | undefined, fallback: EditionSummary) => {
    if (id === undefined) return fallback;
    const e = editions.find((x) => x.id === id);
    if (!e) throw notFound({ ja: '公表された版', en: 'published edition' });
    return e;
  };
  const newest = editions[0]!;
  const from = pick(choice.from, editions[1] ?? newest);
  const to = pick(choice.to, newest);
  const content = async (e: EditionSummary) =>
    presentedContent(await readEditionContent(ctx.store.db, stamp.organization.id, e));
  const older = await content(from);
  const newer = await content(to);
  return { editions, from, to, older, newer, diff: diffEditions(older, newer) };
}
