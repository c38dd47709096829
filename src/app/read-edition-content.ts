import { createHash } from 'node:crypto';
import type { EditionContent } from '../domain/index.ts';
import { type EditionSummary, type Executor, getEdition } from '../store/index.ts';
import { notFound } from './errors.ts';

// A published edition never changes, so its parsed content is kept per process; the key includes the checksum,
// so a restored or re-imported edition with the same id but other content is never served from here. A hit
// skips both the transfer of the content from the database and its parsing. Callers share the objects and must
// not change them.
const cache = new Map<string, EditionContent>();
const CACHE_LIMIT = 64;

/**
 * The parsed content of a published edition (least recently used entries leave the cache first).
 *
 * The text is not validated again with the EditionContent schema: it was validated when it was published or
 * imported (see publishEdition, importBundle), and its SHA-256, taken then, proves it is still that text. At
 * national scale, where most requests open an edition no request has opened before, the schema walk was the
 * largest cost of a page. A release that changes the schema so that stored editions no longer satisfy it must
 * convert them in a migration.
 */
export async function readEditionContent(
  db: Executor,
  organizationId: string,
  edition: Pick<EditionSummary, 'id' | 'contentSha256'>,
): Promise<EditionContent> {
  const key = `${edition.id}:${edition.contentSha256}`;
  let content = cache.get(key);
  if (content) {
    cache.delete(key);
  } else {
    const record = await getEdition(db, organizationId, edition.id);
    if (!record) throw notFound({ ja: '公表された版', en: 'published edition' });
    const sha256 = createHash('sha256').update(record.content).digest('hex');
    if (sha256 !== record.contentSha256) {
      throw new Error(`edition ${record.id}: content does not match its checksum (changed outside the app?)`);
    }
    content = JSON.parse(record.content) as EditionContent;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, content);
  return content;
}
