import { describe, expect, it } from 'vitest';
import { AREAS, AREA_GROUPS, AREA_ICONS, READY_AREAS } from './areas';

describe('areas', () => {
  it('lists each area once, and every group holds each area exactly once', () => {
    expect(new Set(AREAS).size).toBe(AREAS.length);
    const grouped = AREA_GROUPS.flatMap((g) => g.areas);
    expect([...grouped].sort()).toEqual([...AREAS].sort());
    for (const a of READY_AREAS) expect(AREAS).toContain(a);
    for (const a of AREAS) expect(AREA_ICONS[a]).toBeDefined();
  });
});
