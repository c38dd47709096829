/**
 * Items (現状, 課題, 工程表) written as text one item per line, for a form field or a spreadsheet cell. An item
 * may itself span lines, e.g. a point with the 【…】 note that belongs to it; its further lines are written
 * indented by a full-width space, and any line that starts with a space continues the item above it, so
 * the item comes back whole (and a note never becomes a point of its own).
 * @example itemsToText(['検討', '実施\n【21地区】']) // "検討\n実施\n　【21地区】"
 */
export function itemsToText(items: readonly string[]): string {
  return items.map((item) => item.split('\n').join(`\n${CONTINUATION}`)).join('\n');
}

const CONTINUATION = '\u3000';

/**
 * Reads text written by itemsToText (or typed the same way): trimmed lines, blank ones dropped; a line that
 * starts with a space or tab (half- or full-width) continues the item above it.
 * @example textToItems('検討\n実施\n　【21地区】') // ["検討", "実施\n【21地区】"]
 */
export function textToItems(text: string): string[] {
  const items: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (items.length > 0 && /^[ \t\u3000]/u.test(raw)) items[items.length - 1] += `\n${line}`;
    else items.push(line);
  }
  return items;
}
