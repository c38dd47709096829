import v8 from 'node:v8';

/**
 * Keeps V8's young generation at its initial size (1 MB a semi-space) while `serve` starts, then hands its
 * size back to V8. Start-up allocates the module graph, migrations and the seeding check, and nearly all of it
 * lives on; V8 reads so many survivors as a busy nursery and doubles the young generation up to its 16 MB limit
 * (32 MB resident) before the first request, then keeps it: the heap snapshot of a process serving the Ogori
 * plan after 400 page views held 25 MB of live objects in a 65 MB heap. Released once the server is up, the
 * young generation grows again only as the requests need (many staff saving at once, see docs/operations.md).
 * An operator's own young-generation flags are left alone.
 */
const OWN_FLAGS = /--(max-semi-space-size|min-semi-space-size|semi-space-growth-factor)\b/;
// V8's default (node --v8-options): each growth doubles the young generation.
const V8_GROWTH_FACTOR = 2;

let held = false;

export function holdYoungGeneration(): void {
  if ([...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((flag) => OWN_FLAGS.test(flag))) return;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  held = true;
}

export function releaseYoungGeneration(): void {
  if (!held) return;
  v8.setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
  held = false;
}
