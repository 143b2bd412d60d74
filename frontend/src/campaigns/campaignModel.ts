// Pure helpers of the campaigns area: the editor's form model and how ratios are written.
import type { Campaign, CampaignInput, ContactFilter } from '../api/campaignTypes';

const percentFormats = new Map<string, Intl.NumberFormat>();

/**
 * Writes a ratio given in basis points (1/100 of a percent, as the backend sends it) as a
 * percentage for the UI language, with at most one decimal; "—" when it is undefined (null).
 * Not money: the backend has already done the arithmetic on integer minor units.
 */
export function formatBasisPoints(bp: number | null, lng: string): string {
  if (bp === null) return '—';
  let f = percentFormats.get(lng);
  if (!f) {
    f = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(lng, f);
  }
  return f.format(bp / 10000);
}

/** Tone of an ROI: a gain, a loss, or nothing to say. */
export function roiTone(bp: number | null): 'gain' | 'loss' | 'none' {
  if (bp === null) return 'none';
  return bp >= 0 ? 'gain' : 'loss';
}

/** The editor's starting values: a new campaign in the home currency, or an existing one. */
export function campaignForm(c: Campaign | undefined, homeCurrency: string, ownerId: string): CampaignInput {
  if (!c) {
    return { name: '', channel: 'email', cost: '', currency: homeCurrency, startsOn: '', endsOn: '', filterId: '', ownerId, notes: '' };
  }
  return {
    name: c.name,
    channel: c.channel,
    cost: c.cost.minor === 0 ? '' : c.cost.decimal,
    currency: c.cost.currency,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    filterId: c.filterId,
    ownerId: c.ownerId,
    notes: c.notes,
  };
}

/** Checks the editor before it is sent; returns field → i18n key of the problem. */
export function validateCampaign(input: CampaignInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.name.trim() === '') errors.name = 'campaigns.errors.nameRequired';
  if (input.cost.trim() !== '' && !/^[\d\s.,']+$/.test(input.cost.trim())) errors.cost = 'campaigns.errors.costInvalid';
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) errors.endsOn = 'campaigns.errors.endsBeforeStart';
  return errors;
}

/** An empty filter selects every contact. */
export const EMPTY_FILTER: ContactFilter = { query: '', tags: [], companyId: '', hasEmail: false };

/** Whether a filter narrows anything down. */
export function isEmptyFilter(f: ContactFilter): boolean {
  return f.query.trim() === '' && f.tags.length === 0 && f.companyId === '' && !f.hasEmail;
}
