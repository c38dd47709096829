import { describe, expect, it } from 'vitest';
import { parseWrk } from '../../bench/portal-vs-nginx.ts';

const OUTPUT = `Running 10s test @ http://127.0.0.1:3918/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.05ms    3.50ms  58.06ms   90.02%
    Req/Sec    10.13k     5.34k   23.09k    77.50%
  Latency Distribution
     50%  850.00us
     75%    3.82ms
     90%    6.55ms
     99%    1.20s
  202778 requests in 10.11s, 1.87GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:  20059.78
Transfer/sec:    189.09MB
`;

describe('parseWrk', () => {
  it('reads requests/s, p50 and p99 in ms whatever unit wrk chose, and counts errors', () => {
    expect(parseWrk(OUTPUT)).toEqual({ rps: 20059.78, p50: 0.85, p99: 1200, requests: 202778, errors: 9 });
  });

  it('refuses output it cannot read', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/could not read wrk output/);
  });
});
