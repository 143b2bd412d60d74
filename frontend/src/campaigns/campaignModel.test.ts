import { describe, expect, it } from 'vitest';
import { campaignForm, formatBasisPoints, isEmptyFilter, roiTone, validateCampaign, EMPTY_FILTER } from './campaignModel';
import type { Campaign } from '../api/campaignTypes';

const money = (minor: number, currency: string, decimal: string) => ({ minor, currency, text: `${currency} ${decimal}`, decimal });

describe('formatBasisPoints', () => {
  it('writes basis points as a percentage with one decimal at most', () => {
    expect(formatBasisPoints(27870, 'en')).toBe('278.7%');
    expect(formatBasisPoints(-10000, 'en')).toBe('-100%');
    expect(formatBasisPoints(3333, 'en')).toBe('33.3%');
    expect(formatBasisPoints(0, 'en')).toBe('0%');
  });
  it('shows an undefined ratio as a dash, not as 0 or infinity', () => {
    expect(formatBasisPoints(null, 'en')).toBe('—');
  });
  it('uses Bengali digits in Bengali', () => {
    expect(formatBasisPoints(5000, 'bn')).toMatch(/৫০/);
  });
});

describe('roiTone', () => {
  it('tells gains, losses and undefined apart', () => {
    expect(roiTone(1)).toBe('gain');
    expect(roiTone(0)).toBe('gain');
    expect(roiTone(-1)).toBe('loss');
    expect(roiTone(null)).toBe('none');
  });
});

describe('campaignForm', () => {
  it('starts a new campaign in the home currency with the given owner', () => {
    expect(campaignForm(undefined, 'EUR', 'me')).toEqual({
      name: '', channel: 'email', cost: '', currency: 'EUR', startsOn: '', endsOn: '', filterId: '', ownerId: 'me', notes: '',
    });
  });
  it('edits an existing campaign from its decimal cost text, never from minor units', () => {
    const c = { name: 'Fair', channel: 'event', cost: money(125050, 'JPY', '125050'), startsOn: '2026-01-01', endsOn: '',
      filterId: 'f', ownerId: 'o', notes: 'n' } as unknown as Campaign;
    expect(campaignForm(c, 'EUR', 'me')).toMatchObject({ cost: '125050', currency: 'JPY', filterId: 'f', ownerId: 'o' });
    const free = { ...c, cost: money(0, 'EUR', '0.00') } as Campaign;
    expect(campaignForm(free, 'EUR', 'me').cost).toBe('');
  });
});

describe('validateCampaign', () => {
  const base = campaignForm(undefined, 'EUR', '');
  it('needs a name, a numeric cost and an end after the start', () => {
    expect(validateCampaign(base)).toEqual({ name: 'campaigns.errors.nameRequired' });
    expect(validateCampaign({ ...base, name: 'x', cost: '12a' })).toEqual({ cost: 'campaigns.errors.costInvalid' });
    expect(validateCampaign({ ...base, name: 'x', startsOn: '2026-05-02', endsOn: '2026-05-01' })).toEqual({
      endsOn: 'campaigns.errors.endsBeforeStart',
    });
    expect(validateCampaign({ ...base, name: 'x', cost: '1,250.50', startsOn: '2026-05-01', endsOn: '2026-05-01' })).toEqual({});
  });
});

describe('isEmptyFilter', () => {
  it('is true only when no part narrows the contacts', () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, query: '  ' })).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, tags: ['vip'] })).toBe(false);
    expect(isEmptyFilter({ ...EMPTY_FILTER, hasEmail: true })).toBe(false);
  });
});
