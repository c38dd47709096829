/** A start tag as `scanXml` reports it: the qualified name, attributes by qualified name, self-closing or not. */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
  isSelfClosing: boolean;
}

export interface XmlHandlers {
  open(tag: XmlTag): void;
  close(name: string): void;
  text(text: string): void;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const CHUNK = 1 << 20;

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{1,10});/g, (_, e: string) => {
    const named = ENTITIES[e];
    if (named !== undefined) return named;
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : e.startsWith('#') ? Number(e.slice(1)) : NaN;
    if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new XmlError(`unknown entity &${e};`);
    return String.fromCodePoint(code);
  });
}

/**
 * Reads the XML of a spreadsheet part as a stream of start tags, end tags and text, 1 MB at a time. The parts
 * of an .xlsx file are plain XML: a document type (and with it every entity-expansion trick) is refused, as
 * are entities other than the five predefined and character references. A general-purpose SAX parser read
 * spreadsheet XML about ten times slower, which made a file within the size limits a multi-second job.
 * Throws XmlError.
 */
export function scanXml(bytes: Uint8Array, h: XmlHandlers): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  for (let at = 0; at < bytes.length || pending !== ''; at += CHUNK) {
    const last = at + CHUNK >= bytes.length;
    let s: string;
    try {
      s = pending + decoder.decode(bytes.subarray(at, at + CHUNK), { stream: !last });
    } catch {
      throw new XmlError('not UTF-8');
    }
    pending = scan(s, h, last);
    if (last && pending !== '') throw new XmlError('unexpected end of the document');
    if (last) break;
  }
}

/** Handles the complete tokens of `s`; returns the unfinished rest (to prepend to the next chunk). */
function scan(s: string, h: XmlHandlers, last: boolean): string {
  let i = 0;
  for (;;) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      // Text is only handed on whole up to the next tag, so an entity is never split across chunks.
      if (!last) return s.slice(i);
      if (s.slice(i).trim() !== '') throw new XmlError('text after the document');
      return '';
    }
    if (lt > i) h.text(decode(s.slice(i, lt)));
    const next = s.charCodeAt(lt + 1);
    let end: number;
    if (next === 0x21 /* ! */) {
      if (s.startsWith('<!--', lt)) {
        end = s.indexOf('-->', lt + 4);
        if (end < 0) return last ? fail('unclosed comment') : s.slice(lt);
        i = end + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        end = s.indexOf(']]>', lt + 9);
        if (end < 0) return last ? fail('unclosed CDATA') : s.slice(lt);
        h.text(s.slice(lt + 9, end));
        i = end + 3;
      } else if (s.length - lt < 9 && !last) {
        return s.slice(lt);
      } else {
        throw new XmlError('document types are not accepted');
      }
      continue;
    }
    end = tagEnd(s, lt);
    if (end < 0) return last ? fail('unclosed tag') : s.slice(lt);
    if (next === 0x3f /* ? */) {
      i = end + 1;
      continue;
    }
    if (next === 0x2f /* / */) {
      h.close(s.slice(lt + 2, end).trim());
      i = end + 1;
      continue;
    }
    const selfClosing = s.charCodeAt(end - 1) === 0x2f;
    const body = s.slice(lt + 1, selfClosing ? end - 1 : end);
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    if (name === '') throw new XmlError('empty tag name');
    const attributes: Record<string, string> = {};
    if (space >= 0) {
      for (const m of body.slice(space).matchAll(ATTRIBUTE)) attributes[m[1]!] = decode(m[2] ?? m[3] ?? '');
    }
    h.open({ name, attributes, isSelfClosing: selfClosing });
    if (selfClosing) h.close(name);
    i = end + 1;
  }
}

/** Index of the '>' that ends the tag at `lt` (a '>' may stand inside a quoted attribute value), or -1. */
function tagEnd(s: string, lt: number): number {
  let end = s.indexOf('>', lt + 1);
  while (end >= 0) {
    const inside = s.slice(lt, end);
    if (count(inside, '"') % 2 === 0 && count(inside, "'") % 2 === 0) return end;
    end = s.indexOf('>', end + 1);
  }
  return -1;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function fail(message: string): never {
  throw new XmlError(message);
}
