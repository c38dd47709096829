/**
 * How many test files run at once (vitest workers): two unless SHINCHOKU_TEST_WORKERS says otherwise. Vitest's
 * own default (one fewer than the CPUs) gave a single worker on the 2-core CI machine.
 */
export const TEST_WORKERS = Number(process.env.SHINCHOKU_TEST_WORKERS ?? 2);
