import { execFileSync } from 'node:child_process';

/** One element of a tagged PDF's structure tree as poppler reports it. */
export interface StructNode {
  type: string;
  /** Attributes such as Scope or ColSpan, e.g. { Scope: 'Row', ColSpan: '3' }. */
  attributes: Record<string, string>;
  /** Text of its marked content, one entry per marked-content sequence. */
  text: string[];
  children: StructNode[];
}

/**
 * The structure tree of a PDF, read with poppler's `pdfinfo -struct-text` (poppler 22+): elements are indented
 * two spaces per level, attributes follow a "TYPE:" line, and text lines are quoted.
 */
export function pdfStructure(file: string): StructNode {
  const out = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const root: StructNode = { type: '', attributes: {}, text: [], children: [] };
  const stack: { depth: number; node: StructNode }[] = [{ depth: -1, node: root }];
  for (const raw of out.split('\n')) {
    if (!raw.trim()) continue;
    const depth = (raw.length - raw.trimStart().length) / 2;
    const line = raw.trim();
    const parent = () => {
      while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop();
      return stack.at(-1)!.node;
    };
    if (line.startsWith('"')) {
      parent().text.push(line.slice(1, -1));
      continue;
    }
    const attribute = /^\/(\w+) \/?(.*)$/.exec(line);
    if (attribute) {
      // Attribute lines are indented deeper than their element, which is the last one opened.
      stack.at(-1)!.node.attributes[attribute[1]!] = attribute[2]!;
      continue;
    }
    const element = /^(\w+)(?::| \((?:block|inline)\))?$/.exec(line);
    if (!element) continue; // "Object N 0" lines: annotation references
    const node: StructNode = { type: element[1]!, attributes: {}, text: [], children: [] };
    parent().children.push(node);
    stack.push({ depth, node });
  }
  return root.children[0]!;
}

/** Every element below `node` (itself included) in document order. */
export function* structNodes(node: StructNode): Generator<StructNode> {
  yield node;
  for (const child of node.children) yield* structNodes(child);
}

/** All text below an element, joined: a heading's or cell's text as a reader hears it. */
export function structText(node: StructNode): string {
  return [...structNodes(node)].flatMap((n) => n.text).join('');
}

/** Decodes a PDF literal string: escapes, then UTF-16BE when it starts with a byte-order mark. */
function literal(raw: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = raw[++i]!;
    const octal = /^[0-7]{1,3}/.exec(raw.slice(i));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += octal[0].length - 1;
    } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return buffer.subarray(2).swap16().toString('utf16le');
  return buffer.toString('latin1');
}

export interface OutlineItem {
  title: string;
  children: OutlineItem[];
}

/** The bookmarks of an uncompressed PDF (as pdfkit writes it), following /First and /Next from /Outlines. */
export function pdfOutline(pdf: Buffer): OutlineItem[] {
  const text = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/\n(\d+) 0 obj\n(<<[\s\S]*?>>)\nendobj/g)) objects.set(m[1]!, m[2]!);
  const ref = (dict: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
  const catalog = [...objects.values()].find((d) => d.includes('/Type /Catalog'))!;
  const items = (first: string | undefined): OutlineItem[] => {
    const list: OutlineItem[] = [];
    for (let id = first; id; id = ref(objects.get(id)!, 'Next')) {
      const dict = objects.get(id)!;
      const title = /\/Title \(((?:\\.|[^\\)])*)\)/.exec(dict)?.[1] ?? '';
      list.push({ title: literal(title), children: items(ref(dict, 'First')) });
    }
    return list;
  };
  return items(ref(objects.get(ref(catalog, 'Outlines')!)!, 'First'));
}
