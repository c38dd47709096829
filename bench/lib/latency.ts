import { request } from './light-http.ts';

/** Requests `urls` round-robin with `concurrency` workers for `count` requests; returns latency percentiles (ms). */
export async function measureLatency(
  urls: string[],
  options: { count: number; concurrency: number; headers?: Record<string, string> },
): Promise<{ p50: number; p95: number; p99: number; errors: number; rps: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.count) {
      const url = urls[next++ % urls.length]!;
      const t0 = performance.now();
      try {
        const res = await request(url, { headers: options.headers ?? {} });
        if (res.status < 200 || res.status > 299) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), errors, rps: latencies.length / seconds };
}
