import { EditionContent } from '../domain/index.ts';
import { type EditionSummary, type Executor, getEdition } from '../store/index.ts';
import { notFound } from './errors.ts';

// A published edition never changes, so its parsed content is kept per process; the key includes the checksum,
// so a restored or re-imported edition with the same id but other content is never served from here. A hit
// skips both the transfer of the content from the database and its parsing. Entries are frozen: they are shared
// by every request that reads the edition, and a request that changed one would change what others see.
const cache = new Map<string, EditionContent>();
const CACHE_LIMIT = 256;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The parsed, frozen content of a published edition (least recently used entries leave the cache first). */
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
    content = deepFreeze(EditionContent.parse(JSON.parse(record.content)));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, content);
  return content;
}
