// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bandColor, bandOf, decimalText, isValidRange, npsColor, npsText, presetRange, scale } from './feedbackModel';
import { isNewKey } from './useNewShortcut';

const nps = (score: number, responses = 4) => ({ responses, promoters: 0, passives: 0, detractors: 0, score, num: score, den: 1 });

describe('feedback model', () => {
  it('has the scales of both surveys', () => {
    expect(scale('nps')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scale('csat')).toEqual([1, 2, 3, 4, 5]);
  });

  it('bands NPS 0–6 / 7–8 / 9–10 and CSAT 1–2 / 3 / 4–5, coloured red, yellow, green', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => bandOf('nps', s))).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect([1, 2, 3, 4, 5].map((s) => bandOf('csat', s))).toEqual(['unsatisfied', 'unsatisfied', 'neutral', 'satisfied', 'satisfied']);
    expect(['detractor', 'passive', 'promoter', 'unsatisfied', 'neutral', 'satisfied', '?'].map(bandColor)).toEqual([
      'red',
      'yellow',
      'teal',
      'red',
      'yellow',
      'teal',
      'gray',
    ]);
  });

  it('writes an NPS with its sign, and nothing without answers', () => {
    expect(npsText(nps(33), '—')).toBe('+33');
    expect(npsText(nps(0), '—')).toBe('0');
    expect(npsText(nps(-12), '—')).toBe('−12');
    expect(npsText(nps(0, 0), '—')).toBe('—');
    const bn = new Intl.NumberFormat('bn');
    expect(npsText(nps(-50), '—', (n) => bn.format(n))).toBe('−৫০');
    expect(decimalText('4.0', 'en')).toBe('4.0');
    expect(decimalText('2.9', 'bn')).toBe('২.৯');
    expect(decimalText('', 'en')).toBe('');
    expect([nps(-1), nps(30), nps(31), nps(0, 0)].map(npsColor)).toEqual(['red', 'yellow', 'teal', 'gray']);
  });

  it('turns presets into inclusive date ranges ending today', () => {
    const today = new Date(2026, 2, 15); // 15 March 2026, local
    expect(presetRange('d30', today)).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(presetRange('d90', today)).toEqual({ from: '2025-12-16', to: '2026-03-15' });
    expect(presetRange('m12', today)).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(presetRange('year', today)).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(presetRange('lastYear', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(isValidRange({ from: '2026-01-01', to: '2026-01-01' })).toBe(true);
    expect(isValidRange({ from: '2026-02-01', to: '2026-01-01' })).toBe(false);
    expect(isValidRange({ from: '', to: '2026-01-01' })).toBe(false);
  });

  it('takes a plain N as "new", but not typed into a field or with a modifier', () => {
    const key = (patch: Partial<Parameters<typeof isNewKey>[0]>) =>
      isNewKey({ key: 'n', ctrlKey: false, metaKey: false, altKey: false, target: null, defaultPrevented: false, isComposing: false, ...patch });
    expect(key({})).toBe(true);
    expect(key({ key: 'N' })).toBe(true);
    expect(key({ ctrlKey: true })).toBe(false);
    expect(key({ key: 'm' })).toBe(false);
    expect(key({ defaultPrevented: true })).toBe(false);
  });
});
