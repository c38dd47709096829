import type { BundleIssue } from '../domain/index.ts';

/**
 * Every problem of a refused bundle, one per line in English and Japanese under it, and how many were left
 * unlisted past the limit.
 */
export function bundleIssuesText(
  file: string,
  issues: BundleIssue[],
  total: number,
  outcome = { en: 'nothing was imported', ja: '何も取り込んでいません' },
): string {
  const lines = [
    `error: ${file}: ${total} problem(s), ${outcome.en}`,
    `       ${file}: ${total}件の問題があるため、${outcome.ja}`,
  ];
  for (const i of issues) lines.push(`  ${i.path}: ${i.messageEn}`, `    ${i.path}: ${i.message}`);
  if (total > issues.length) {
    lines.push(`  … and ${total - issues.length} more`, `    …ほか${total - issues.length}件`);
  }
  return `${lines.join('\n')}\n`;
}
