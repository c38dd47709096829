import { FORM_LIMIT_BYTES, UPLOAD_LIMIT_BYTES } from '../../src/web/body-limits.ts';
import { textOf } from '../harness/html-text.ts';
import type { FuzzPools, FuzzSpec } from './fuzz-requests.ts';
import type { StaffSessionCookie, Who } from './security-fixture.ts';

/** Turns a generated spec into a Request (with the session as it is now) and judges the response. */
export interface BuildContext {
  /** "http://localhost" in process, the server's URL over HTTP. */
  origin: string;
  session(who: Who): StaffSessionCookie;
  pools: FuzzPools;
  /** Over a socket Node refuses a request line and headers past 16 KB with a bare 431; keep them smaller there. */
  http: boolean;
}

export interface BuiltRequest {
  url: string;
  init: RequestInit & { headers: Headers };
  /** The body is over its limit: the answer must be 413. */
  oversize: boolean;
}

const BODYLESS = new Set(['GET', 'HEAD']);

export function buildRequest(spec: FuzzSpec, bc: BuildContext): BuiltRequest {
  const headers = new Headers();
  for (const [name, value] of spec.headers) headers.set(name, value.replaceAll('ORIGIN', bc.origin));
  if (!bc.http) headers.set('host', new URL(bc.origin).host);
  const session = spec.who === 'anonymous' || spec.who === 'forged' ? undefined : bc.session(spec.who);
  const cookies = [...spec.cookies];
  if (session) cookies.push(session.cookie);
  if (spec.who === 'forged') cookies.push(`shinchoku_session=${spec.forgedCookie}`);
  let cookie = cookies.join('; ');
  if (bc.http) cookie = cookie.slice(0, 4000);
  if (cookie) headers.set('cookie', cookie);
  const csrf = spec.csrf === 'valid' ? (session?.csrf ?? '') : spec.csrf === 'wrong' ? 'x'.repeat(43) : undefined;

  const init: RequestInit & { headers: Headers } = { method: spec.method, headers, redirect: 'manual' };
  let oversize = false;
  if (!BODYLESS.has(spec.method)) {
    const b = spec.body;
    const withToken = (fields: [string, string][]): [string, string][] =>
      csrf === undefined ? fields : [...fields, ['_csrf', csrf]];
    if (b.kind === 'form') {
      init.body = new URLSearchParams(withToken(b.fields));
    } else if (b.kind === 'raw-form') {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      init.body = `${b.text}${csrf === undefined ? '' : `&_csrf=${csrf}`}`;
    } else if (b.kind === 'multipart') {
      const form = new FormData();
      for (const [k, v] of withToken(b.fields)) form.append(k, v);
      for (const f of b.files) {
        const bytes = bc.pools.files[f.file]!;
        const cut = f.cut > 0.5 ? bytes.length : Math.floor(bytes.length * f.cut * 2);
        form.append(f.field, new File([bytes.slice(0, cut)], f.name));
      }
      init.body = form;
    } else if (b.kind === 'json') {
      headers.set('content-type', 'application/json');
      init.body = b.text;
    } else if (b.kind === 'other') {
      if (b.type) headers.set('content-type', b.type);
      init.body = b.text;
    } else if (b.kind === 'oversize') {
      oversize = true;
      if (b.multipart) {
        const form = new FormData();
        if (csrf !== undefined) form.append('_csrf', csrf);
        form.append('file', new File([new Uint8Array(UPLOAD_LIMIT_BYTES + 1)], 'big.xlsx'));
        init.body = form;
      } else {
        headers.set('content-type', 'application/x-www-form-urlencoded');
        init.body = `text=${'x'.repeat(FORM_LIMIT_BYTES)}`;
      }
    }
  }
  // Concatenated, not resolved: a path that starts with // must stay a path, not become a host.
  const url = `${bc.origin}${spec.path}${spec.query}`;
  // Over a socket, like behind nginx (8 KB request lines), keep the request line and headers under Node's 16 KB.
  return { url: bc.http ? url.slice(0, 6000) : url, init, oversize };
}

/** The message a 4xx response shows its reader, or undefined when there is none. */
export function readableMessage(type: string, body: string): string | undefined {
  if (type.startsWith('application/json')) {
    try {
      const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
      return typeof message === 'string' && message.trim() ? message : undefined;
    } catch {
      return undefined;
    }
  }
  if (type.startsWith('text/html')) {
    const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(body)?.[1];
    const text = main === undefined ? '' : textOf(main);
    return text.length >= 10 ? text : undefined;
  }
  if (type.startsWith('text/plain')) return body.trim().length >= 5 ? body.trim() : undefined;
  return undefined;
}

/** What is wrong with a response, or undefined when it is acceptable. */
export async function judge(req: BuiltRequest, res: Response): Promise<string | undefined> {
  // Headers first: @hono/node-server's lightweight Response rebuilds itself from its constructor arguments
  // when the body is read, dropping headers middleware set afterwards (in process only; the socket path
  // writes the live headers).
  const headers = new Headers(res.headers);
  const body = await res.text();
  if (res.status >= 500) return `${res.status}: ${body.slice(0, 200)}`;
  if (req.oversize && res.status !== 413) return `oversize body answered ${res.status}, not 413`;
  const csp = headers.get('content-security-policy') ?? '';
  if (!csp.includes("frame-ancestors 'none'") || headers.get('x-content-type-options') !== 'nosniff') {
    return `${res.status} without the security headers`;
  }
  if (res.status >= 400 && req.init.method !== 'HEAD') {
    const type = headers.get('content-type') ?? '';
    if (!readableMessage(type, body))
      return `${res.status} (${type}) without a readable message: ${body.slice(0, 120)}`;
  }
  return undefined;
}
