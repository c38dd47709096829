import { connect } from 'node:net';

/**
 * Sends bytes no fetch() would send (broken request lines, bad chunking, conflicting lengths, truncated bodies)
 * and returns the status line of the answer, or "closed" when the server just closed the connection.
 */
export function rawRequest(
  baseUrl: string,
  bytes: string,
  options: { closeAfterWrite?: boolean } = {},
): Promise<string> {
  const timeoutMs = 3000;
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const done = (result: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(received.split('\r\n')[0] || 'timeout'), timeoutMs);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n')) done(received.split('\r\n')[0]!);
    });
    socket.on('error', () => done(received.split('\r\n')[0] || 'closed'));
    socket.on('end', () => done(received.split('\r\n')[0] || 'closed'));
    // latin1: one byte per character, as written (the NUL and 8-bit cases stay what they are).
    socket.write(Buffer.from(bytes, 'latin1'), () => {
      if (options.closeAfterWrite) socket.end();
    });
  });
}

const FORM = 'Content-Type: application/x-www-form-urlencoded';

/** Malformed requests and what each must not do: answer ≥ 500 or take the server down. */
export const RAW_REQUESTS: { name: string; bytes: string; closeAfterWrite?: boolean }[] = [
  { name: 'bad percent-encoding in the path', bytes: 'GET /%%%/%zz HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'NUL in a header', bytes: 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n' },
  { name: 'a 20 KB cookie', bytes: `GET /staff/ HTTP/1.1\r\nHost: x\r\nCookie: a=${'z'.repeat(20_000)}\r\n\r\n` },
  { name: 'unknown method', bytes: 'BREW /ogori/ HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'HTTP/1.0 without Host', bytes: 'GET /ogori/action-plan-2/ HTTP/1.0\r\n\r\n' },
  { name: 'absolute-form target', bytes: 'GET http://evil.example/staff/ HTTP/1.1\r\nHost: evil.example\r\n\r\n' },
  { name: 'dot segments', bytes: 'GET /assets/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n' },
  {
    name: 'two Content-Lengths',
    bytes: `POST /staff/login HTTP/1.1\r\nHost: x\r\n${FORM}\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcde`,
  },
  {
    name: 'bad chunk size',
    bytes: `POST /staff/login HTTP/1.1\r\nHost: x\r\n${FORM}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
  },
  {
    name: 'Content-Length over the limit, body never sent',
    bytes: `POST /staff/login HTTP/1.1\r\nHost: x\r\n${FORM}\r\nContent-Length: 50000000\r\n\r\nab`,
  },
  {
    name: 'chunked body over the limit',
    bytes: `POST /staff/login HTTP/1.1\r\nHost: x\r\n${FORM}\r\nTransfer-Encoding: chunked\r\n\r\n${'100000\r\n'}${'a'.repeat(0x100000)}\r\n${'100000\r\n'}${'a'.repeat(0x100000)}\r\n0\r\n\r\n`,
  },
  {
    name: 'truncated body, then the client goes away',
    bytes: `POST /staff/login HTTP/1.1\r\nHost: x\r\n${FORM}\r\nContent-Length: 1000\r\n\r\n_csrf=abc`,
    closeAfterWrite: true,
  },
  {
    name: 'truncated multipart, then the client goes away',
    bytes:
      'POST /staff/login HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=zz\r\nContent-Length: 500\r\n\r\n--zz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nab',
    closeAfterWrite: true,
  },
  { name: 'header line without a colon', bytes: 'GET / HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n' },
  {
    name: 'request smuggling attempt',
    bytes:
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /staff/ HTTP/1.1\r\n\r\n',
  },
];
