import { describe, expect, it } from 'vitest';
import type { DuplicatePair, DuplicateSide } from '../api';
import { defaultSurvivor } from './MergeView';

const side = (id: string, createdAt: string, extra: Partial<DuplicateSide> = {}): DuplicateSide => ({
  id,
  displayName: id,
  company: '',
  title: '',
  email: '',
  phone: '',
  tags: [],
  createdAt,
  version: 1,
  ...extra,
});

const pair = (a: DuplicateSide, b: DuplicateSide): DuplicatePair => ({ a, b, reasons: ['name'], score: 0.75 });

describe('defaultSurvivor', () => {
  it('keeps the fuller record', () => {
    expect(defaultSurvivor(pair(side('a', '2026-01-01'), side('b', '2026-02-01', { email: 'x@y.z', company: 'C' })))).toBe('b');
  });
  it('keeps the older record when both are as full', () => {
    expect(defaultSurvivor(pair(side('a', '2026-03-01'), side('b', '2026-02-01')))).toBe('b');
    expect(defaultSurvivor(pair(side('a', '2026-01-01'), side('b', '2026-02-01')))).toBe('a');
  });
});
