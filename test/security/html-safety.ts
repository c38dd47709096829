/**
 * What the CSP would block or a browser would run, found in server-rendered HTML: inline scripts, inline event
 * handlers, style attributes, javascript: URLs, and elements that load or embed active content. Our pages have
 * none of these, so any occurrence is either a regression or injected input that escaped encoding.
 */
export function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2] ?? '';
    const where = m[0].slice(0, 80);
    if (tag === 'script' && !/\bsrc\s*=\s*"\/[^/]/.test(attrs)) found.push(`inline script: ${where}`);
    if (['iframe', 'object', 'embed', 'base', 'frame', 'applet'].includes(tag)) found.push(`<${tag}>: ${where}`);
    if (tag === 'meta' && /http-equiv\s*=\s*"?refresh/i.test(attrs)) found.push(`meta refresh: ${where}`);
    for (const a of attrs.matchAll(/\s([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const name = a[1]!.toLowerCase();
      const value = (a[2] ?? '').replace(/^["']|["']$/g, '');
      if (name.startsWith('on')) found.push(`event handler ${name}: ${where}`);
      if (name === 'style') found.push(`style attribute: ${where}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)) {
        const decoded = value.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/\s/g, '');
        if (/^(javascript|vbscript|data:text\/html)/i.test(decoded)) found.push(`${name}=${value}: ${where}`);
      }
    }
  }
  if (/<style\b/i.test(html)) found.push('inline <style> element');
  return found;
}
