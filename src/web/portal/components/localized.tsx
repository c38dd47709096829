import { phrases } from '../../../reports/phrases.ts';
import type { PortalContext } from '../portal-context.ts';

/**
 * Content text in the page's language when entered, otherwise the Japanese original marked lang="ja" so that
 * screen readers on an English page pronounce it correctly.
 */
export function Localized(props: {
  pc: PortalContext;
  ja: string;
  en?: string | null | undefined;
  /** Headings and names: Japanese wraps between phrases only (see Phrased). */
  phrased?: boolean;
}) {
  const t = props.pc.text(props.ja, props.en);
  if (props.phrased && t.lang === 'ja')
    return <Phrased text={t.value} lang={t.lang === props.pc.lang ? undefined : 'ja'} />;
  return t.lang === props.pc.lang ? t.value : <span lang={t.lang}>{t.value}</span>;
}

/**
 * Japanese text that wraps between phrases (文節), never inside a word: the phrases from BudouX (computed on
 * the server) are separated by <wbr> in a `word-break: keep-all` span, and browsers with `word-break:
 * auto-phrase` use their own segmenter instead (portal.css).
 * @example <Phrased text="業務変革の推進" /> // <span class="phrases">業務変革の<wbr>推進</span>
 */
export function Phrased(props: { text: string; lang?: string | undefined }) {
  const parts = phrases(props.text);
  return (
    <span class="phrases" lang={props.lang}>
      {parts.flatMap((part, i) => (i === 0 ? [part] : [<wbr />, part]))}
    </span>
  );
}
