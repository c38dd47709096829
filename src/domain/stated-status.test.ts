import { describe, expect, it } from 'vitest';
import { Lifecycle } from './plan-document.ts';
import { statedStatus } from './stated-status.ts';

describe('statedStatus', () => {
  it('is undefined for the default a node without a lifecycle gets, the status wherever the plan states one', () => {
    expect(statedStatus(Lifecycle.parse({}))).toBeUndefined();
    expect(statedStatus(Lifecycle.parse({ status: 'active' }))).toBeUndefined();
    expect(statedStatus(Lifecycle.parse({ status: 'active', fromFy: 2023 }))).toBe('active');
    expect(statedStatus(Lifecycle.parse({ status: 'active', addedFy: 2023 }))).toBe('active');
    expect(statedStatus(Lifecycle.parse({ status: 'completed' }))).toBe('completed');
    expect(statedStatus(Lifecycle.parse({ status: 'merged', into: ['14-1'] }))).toBe('merged');
  });
});
