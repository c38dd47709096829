import type { Child } from 'hono/jsx';

/**
 * Lets a wide table scroll sideways inside itself on a 320 px screen instead of widening the page. The region
 * is focusable and named so keyboard users can scroll it too.
 */
export function TableScroll(props: { label: string; children?: Child }) {
  return (
    <section class="table-scroll" aria-label={props.label} tabindex={0}>
      {props.children}
    </section>
  );
}
