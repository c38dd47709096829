import type { Socket } from 'node:net';

/**
 * Node answers a request it cannot parse (a request line and headers past its 16 KB limit, a malformed line)
 * itself, before any route runs, with a bare status line: no security headers and no message. This answers
 * such requests the way every other answer looks: the security headers, and a message in both languages,
 * since no language can be read from a request that did not parse.
 */
const ANSWERS: Record<string, { status: number; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    message: 'リクエストのアドレスまたはヘッダーが長すぎます。\nThe request address or headers are too long.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    reason: 'Payload Too Large',
    message: 'リクエストの本文の区切り情報が長すぎます。\nThe request body has chunk extensions that are too long.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    message: 'リクエストが時間内に届きませんでした。\nThe request did not arrive in time.',
  },
};

const BAD_REQUEST = {
  status: 400,
  reason: 'Bad Request',
  message: 'リクエストの形式が正しくありません。\nThe request is malformed.',
};

/** A `clientError` listener that writes the answer with the given header lines, then closes the connection. */
export function answerClientError(securityHeaders: Headers): (err: NodeJS.ErrnoException, socket: Socket) => void {
  const headerLines = [...securityHeaders].map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return (err, socket) => {
    // As Node itself decides: answer unless the client reset the connection or an answer to this request has
    // begun (a keep-alive connection has carried earlier answers; only the one in flight counts).
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      const answer = (err.code && ANSWERS[err.code]) || BAD_REQUEST;
      const body = Buffer.from(`${answer.message}\n`, 'utf8');
      socket.write(
        `HTTP/1.1 ${answer.status} ${answer.reason}\r\n${headerLines}` +
          `content-type: text/plain; charset=utf-8\r\ncontent-length: ${body.byteLength}\r\nconnection: close\r\n\r\n`,
      );
      // End, not destroy: a client still sending the rest of its request would get a reset and lose the
      // answer. A client that never closes its side is cut off after a second.
      socket.end(body);
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    socket.destroy();
  };
}
