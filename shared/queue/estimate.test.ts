import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_MINUTES, estimateWaitMinutes, peopleAhead } from './estimate';

describe('estimated wait', () => {
  it('is unknown when no desk is open', () => expect(estimateWaitMinutes(3, [5], 0)).toBeNull());
  it('uses the default before anything is learned', () =>
    expect(estimateWaitMinutes(2, [], 1)).toBe(2 * DEFAULT_SERVICE_MINUTES));
  it('learns from today’s service times and shares among desks', () => {
    expect(estimateWaitMinutes(4, [4, 6, 5, 5], 2)).toBe(10);
    expect(estimateWaitMinutes(0, [4, 6, 5], 1)).toBe(0);
  });
  it('blends the prior while few visits are finished', () =>
    expect(estimateWaitMinutes(1, [1], 1)).toBe(Math.round((1 + 2 * DEFAULT_SERVICE_MINUTES) / 3)));
});

describe('people ahead', () => {
  it('a normal ticket sees everyone before it plus interleaved priorities', () => {
    expect(peopleAhead(0, 4, false, 2)).toBe(4);
    expect(peopleAhead(5, 4, false, 2)).toBe(7);
    expect(peopleAhead(5, 4, false, 0)).toBe(9);
  });
  it('a priority ticket passes normals except the interleaved ones', () => {
    expect(peopleAhead(0, 6, true, 2)).toBe(2);
    expect(peopleAhead(1, 6, true, 2)).toBe(5);
    expect(peopleAhead(1, 6, true, 0)).toBe(1);
  });
});
