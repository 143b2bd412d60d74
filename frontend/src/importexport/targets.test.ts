import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { formatBytes, parseTarget, targetLabel } from './targets';

const t = ((key: string, opts?: { defaultValue?: string }) =>
  ({ 'importexport.targets.phone': 'Phone', 'importexport.labels.mobile': 'mobile' })[key] ??
  opts?.defaultValue ??
  key) as unknown as TFunction;

describe('targets', () => {
  it('parses field, label and index', () => {
    expect(parseTarget('phone:mobile#2')).toEqual({ field: 'phone', label: 'mobile', index: 2 });
    expect(parseTarget('given_name')).toEqual({ field: 'given_name', label: '', index: 0 });
    expect(parseTarget('custom:Shoe size')).toEqual({ field: 'custom', label: 'Shoe size', index: 0 });
  });
  it('names targets, keeping unknown parts as written', () => {
    expect(targetLabel('phone:mobile#2', t)).toBe('Phone (mobile) 2');
    expect(targetLabel('phone:car', t)).toBe('Phone (car)');
    expect(targetLabel('frobnicate', t)).toBe('frobnicate');
  });
  it('formats sizes', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
  });
});
