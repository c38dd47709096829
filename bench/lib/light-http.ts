import http from 'node:http';

// node:http with keep-alive instead of fetch: undici's fetch (WHATWG streams, Request/Response objects) costs the
// load generator several times more CPU per request, and the generator shares the machine with the server it
// measures, so its own delays would be counted as the server's.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** One request; resolves with the status and the body as text once the whole response has arrived. */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
