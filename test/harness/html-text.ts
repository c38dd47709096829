/**
 * Small readers for server-rendered HTML in tests: visible text, attributes and table rows. Enough for pages we
 * render ourselves (well-formed, no scripts); not a general HTML parser.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** Visible text with tags removed and whitespace collapsed (SVG <title>/<desc> included). */
export function textOf(html: string): string {
  // <wbr> is a line-break opportunity inside a word (phrase wrapping), not a space.
  const noHead = html.replace(/<head>[\s\S]*?<\/head>/i, '').replace(/<wbr\s*\/?>/gi, '');
  return decodeEntities(noHead.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The inner HTML of the first element whose opening tag matches `open` (e.g. /<main\b[^>]*>/). */
export function sectionOf(html: string, open: RegExp, tag: string): string {
  const m = open.exec(html);
  if (!m) throw new Error(`no element matching ${open}`);
  let depth = 1;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = m.index + m[0].length;
  for (let t = re.exec(html); t; t = re.exec(html)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return html.slice(m.index + m[0].length, t.index);
  }
  throw new Error(`unclosed <${tag}>`);
}

/** Rows of the table with this caption, each row's cells as text. */
export function tableRows(html: string, caption: string): string[][] {
  const tables = html.match(/<table\b[\s\S]*?<\/table>/gi) ?? [];
  const table = tables.find((t) => textOf(/<caption>([\s\S]*?)<\/caption>/i.exec(t)?.[1] ?? '') === caption);
  if (!table) throw new Error(`no table captioned "${caption}"`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/i.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) =>
    [...(r[1] ?? '').matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((c) => textOf(c[1] ?? '')),
  );
}

/** Every href in the HTML, decoded. */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ''));
}

/** The hidden fields of the form whose action ends with `actionEnd`, as [name, value] pairs in order (decoded). */
export function hiddenFieldsOf(html: string, actionEnd: string): [string, string][] {
  const forms = [...html.matchAll(/<form\b[^>]*\saction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/gi)];
  const form = forms.find((f) => decodeEntities(f[1] ?? '').endsWith(actionEnd));
  if (!form) throw new Error(`no form posting to …${actionEnd}`);
  return [...(form[2] ?? '').matchAll(/<input\b[^>]*\btype="hidden"[^>]*>/gi)].map((m) => [
    decodeEntities(/\sname="([^"]*)"/.exec(m[0])?.[1] ?? ''),
    decodeEntities(/\svalue="([^"]*)"/.exec(m[0])?.[1] ?? ''),
  ]);
}
