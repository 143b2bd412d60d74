// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { durationText, isDone } from './caseModel';

describe('case model', () => {
  it('writes resolution times in minutes, hours or days', () => {
    const t = i18n.getFixedT('en');
    expect(durationText(-1, t)).toBe('');
    expect(durationText(0, t)).toBe('0 min');
    expect(durationText(45, t)).toBe('45 min');
    expect(durationText(150, t)).toBe('2 h 30 min');
    expect(durationText(24 * 60 + 4 * 60 + 59, t)).toBe('1 d 4 h');
    expect(durationText(150, i18n.getFixedT('bn'))).toBe('2 ঘণ্টা 30 মিনিট');
    const bn = new Intl.NumberFormat('bn');
    expect(durationText(150, i18n.getFixedT('bn'), (n) => bn.format(n))).toBe('২ ঘণ্টা ৩০ মিনিট');
  });

  it('treats resolved and closed as done', () => {
    expect(['open', 'pending', 'resolved', 'closed'].map((status) => isDone({ status }))).toEqual([false, false, true, true]);
  });
});
