import type { PortalContext } from '../portal-context.ts';

/**
 * Content text in the page's language when entered, otherwise the Japanese original marked lang="ja" so that
 * screen readers on an English page pronounce it correctly.
 */
export function Localized(props: { pc: PortalContext; ja: string; en?: string | null | undefined }) {
  const t = props.pc.text(props.ja, props.en);
  return t.lang === props.pc.lang ? t.value : <span lang={t.lang}>{t.value}</span>;
}
