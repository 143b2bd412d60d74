import { describe, expect, it } from 'vitest';
import { formatRelative } from './format';

describe('formatRelative', () => {
  const now = Date.parse('2026-11-23T09:00:00Z');
  const at = (s: number) => new Date(now + s * 1000).toISOString();

  it('says now only for the last few seconds', () => {
    expect(formatRelative(at(-3), 'en', now)).toBe('now');
    expect(formatRelative(at(3), 'en', now)).toBe('now');
  });

  it('names seconds for a retry due soon, so it never reads as running now', () => {
    expect(formatRelative(at(30), 'en', now)).toBe('in 30 seconds');
    expect(formatRelative(at(-20), 'en', now)).toBe('20 seconds ago');
  });

  it('switches to minutes and hours', () => {
    expect(formatRelative(at(5 * 60), 'en', now)).toBe('in 5 minutes');
    expect(formatRelative(at(-3 * 3600), 'en', now)).toBe('3 hours ago');
  });
});
