import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The original Ogori plan text (data/ogori/source/ogori-action-plan-r4.txt) read into what the outputs must show:
 * the front matter, each sheet's cells and the 目標達成率一覧. The reading is deliberately literal, so a test
 * compares an output with the original, not with our own bundle.
 */

export const OGORI_SOURCE = path.resolve(import.meta.dirname, '../../data/ogori/source/ogori-action-plan-r4.txt');
const lines = readFileSync(OGORI_SOURCE, 'utf8').split('\n');

/** Whitespace removed, for comparing text whose line breaks and spacing the outputs lay out their own way. */
export const squash = (s: string) => s.replace(/\s+/gu, '');

/** The 目標達成率一覧 (after its last heading): code, listed title, 課, R4 rate; and the overall average. */
export function sourceList(): {
  overall: string;
  rows: { code: string; title: string; depts: string[]; r4: string }[];
} {
  const start = lines.lastIndexOf('目標達成率一覧');
  const rows: { code: string; title: string; depts: string[]; r4: string }[] = [];
  let overall = '';
  for (const line of lines.slice(start + 1)) {
    const cells = line.split('\t');
    if (cells[0] === '目標達成率（全体平均）') overall = cells[3] ?? '';
    if (!/^(\d+-\d+|継\d+)$/.test(cells[0] ?? '')) continue;
    rows.push({
      code: cells[0]!,
      title: cells[1]!,
      depts: (cells[2] ?? '').split(/[ 、]/).filter(Boolean),
      r4: cells[3]!,
    });
  }
  return { overall, rows };
}

/** The front matter: the numbered sections before the first 基本目標, each with its paragraphs. */
export function sourceSections(): { number: string; title: string; body: string[] }[] {
  const first = lines.findIndex((l, i) => l === '1 策定趣旨' && i > lines.indexOf('◆目次'));
  const end = lines.indexOf('1 市民対話・情報発信の強化', first);
  const sections: { number: string; title: string; body: string[] }[] = [];
  for (const line of lines.slice(first, end)) {
    const heading = /^([1-5]) (\S.*)$/.exec(line);
    if (heading) sections.push({ number: heading[1]!, title: heading[2]!, body: [] });
    else if (line.trim() !== '') sections.at(-1)!.body.push(line.trim());
  }
  return sections;
}

/** One cell of a sheet: its text and, where the original bullets it, its points (split at a "・" that opens one). */
export interface SourceCell {
  text: string;
  bullets: string[] | undefined;
}

export interface SourceSheet {
  code: string;
  situation: SourceCell;
  challenges: SourceCell;
  goal: SourceCell;
  /** 工程表 rows by fiscal year (2021 = R3), 計画 or 実績 as the row says; "-" is an empty cell. */
  roadmap: { fy: number; kind: 'plan' | 'actual'; cell: SourceCell }[];
}

function cellOf(line: string): SourceCell {
  const text = line
    .slice(line.indexOf('\t') + 1)
    .replace(/<ul[^>]*>/g, '')
    .trim();
  if (/^[-－]$/.test(text)) return { text: '', bullets: [] };
  // A bullet opens a cell or follows a space; a 「・」 inside a word (広報・周知活動) is no bullet.
  const hasBullets = /^・|\s・/.test(text);
  const bullets = hasBullets
    ? text
        .split(/(?:^|\s)・/)
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  return { text, bullets };
}

/** Every sheet of the original (39: 14-1's is not in the text). */
export function sourceSheets(): SourceSheet[] {
  const sheets: SourceSheet[] = [];
  let current: Partial<SourceSheet> & { roadmap: SourceSheet['roadmap'] } = { roadmap: [] };
  for (const line of lines) {
    const no = /^APNo\.\t(\S+)\t担当課/.exec(line);
    if (no) {
      if (no[1] === 'AP取組名') break;
      current = { code: no[1]!, roadmap: [] };
      sheets.push(current as SourceSheet);
      continue;
    }
    if (!current.code) continue;
    if (line.startsWith('現状')) current.situation = cellOf(line);
    else if (line.startsWith('課題')) current.challenges = cellOf(line);
    else if (line.startsWith('計画期間内の目標')) current.goal = cellOf(line);
    const row = /^R\s*([3-6])\s*(実績|計画)\t/.exec(line);
    if (row) {
      current.roadmap.push({
        fy: 2018 + Number(row[1]),
        kind: row[2] === '実績' ? 'actual' : 'plan',
        cell: cellOf(line),
      });
    }
  }
  return sheets;
}

/**
 * Compares the items an output shows for one cell with the original: the same text in the same order (spacing
 * aside), and where the original bullets the cell, one item per bullet, a 【…】 note staying on its point.
 * Returns what differs, empty when it matches.
 */
export function cellDifferences(where: string, cell: SourceCell, items: string[]): string[] {
  const out: string[] = [];
  if (squash(items.join('')) !== squash(cell.text.replace(/(?:^|\s)・/g, ''))) {
    out.push(`${where}: ${JSON.stringify(items)} ≠ ${cell.text}`);
  } else if (cell.bullets && JSON.stringify(items.map(squash)) !== JSON.stringify(cell.bullets.map(squash))) {
    out.push(`${where}: items ${JSON.stringify(items)} ≠ bullets ${JSON.stringify(cell.bullets)}`);
  }
  return out;
}
