import type { JSX } from 'hono/jsx/jsx-runtime';

/** Renders a page element to a full HTML document. */
export async function renderHtml(element: JSX.Element): Promise<string> {
  return `<!DOCTYPE html>${await element.toString()}`;
}
