import { toApiError, type Deal, type DealInput, type Pipeline } from '../api';

/** The deal editor's values; amount and probability stay text until the backend reads them. */
export interface DealFormValues {
  title: string;
  pipelineId: string;
  stageId: string;
  /** Decimal text as typed ("12,500.50"); the backend parses it for the currency. */
  amount: string;
  currency: string;
  /** "" = the stage's default probability. */
  probability: string;
  expectedClose: string;
  ownerId: string;
  companyId: string;
  companyName: string;
  contacts: { id: string; name: string }[];
  notes: string;
}

export type DealFormField = 'title' | 'pipelineId' | 'stageId' | 'amount' | 'currency' | 'probability' | 'expectedClose' | 'ownerId';

/** Messages (i18n keys) by field. */
export type DealFormErrors = Partial<Record<DealFormField, string>>;

export interface DealDefaults {
  pipeline: Pipeline | undefined;
  currency: string;
  ownerId: string;
  companyId?: string;
  companyName?: string;
}

export function emptyDealForm(d: DealDefaults): DealFormValues {
  return {
    title: '',
    pipelineId: d.pipeline?.id ?? '',
    stageId: d.pipeline?.stages[0]?.id ?? '',
    amount: '',
    currency: d.currency,
    probability: '',
    expectedClose: '',
    ownerId: d.ownerId,
    companyId: d.companyId ?? '',
    companyName: d.companyName ?? '',
    contacts: [],
    notes: '',
  };
}

/**
 * Integer minor units as decimal text with `digits` decimals (1234, 2 → "12.34"; 5, 0 → "5"),
 * by moving the decimal point in the digits' text: no floating point involved.
 */
export function minorToDecimal(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) return '';
  const neg = minor < 0;
  const s = String(Math.abs(minor));
  if (digits <= 0) return (neg ? '-' : '') + s;
  const padded = s.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  const frac = padded.slice(padded.length - digits);
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

export function dealFormFromDeal(deal: Deal, digits: number): DealFormValues {
  return {
    title: deal.title,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    amount: deal.amount.minor === 0 ? '' : deal.amount.decimal || minorToDecimal(deal.amount.minor, digits),
    currency: deal.amount.currency,
    probability: deal.probabilityOverride === null ? '' : String(deal.probabilityOverride),
    expectedClose: deal.expectedClose,
    ownerId: deal.ownerId,
    companyId: deal.companyId,
    companyName: deal.companyName,
    contacts: deal.contacts.length ? deal.contacts : deal.contactIds.map((id) => ({ id, name: id })),
    notes: deal.notes,
  };
}

/** What the form can tell before asking the backend (which checks the amount against the currency). */
export function validateDealForm(v: DealFormValues): DealFormErrors {
  const errors: DealFormErrors = {};
  if (!v.title.trim()) errors.title = 'deals.editor.errors.titleRequired';
  if (!v.stageId) errors.stageId = 'deals.editor.errors.stageRequired';
  if (!v.currency) errors.currency = 'deals.editor.errors.currencyRequired';
  if (v.amount.trim() && !/^-?[\d\s.,'’]+$/.test(v.amount.trim())) errors.amount = 'deals.editor.errors.amountFormat';
  const p = v.probability.trim();
  if (p && (!/^\d{1,3}$/.test(p) || Number(p) > 100)) errors.probability = 'deals.editor.errors.probabilityRange';
  return errors;
}

export function inputFromDealForm(v: DealFormValues): DealInput {
  const p = v.probability.trim();
  return {
    title: v.title.trim(),
    pipelineId: v.pipelineId,
    stageId: v.stageId,
    amount: v.amount.trim() || '0',
    currency: v.currency,
    probability: p === '' ? null : Number(p),
    expectedClose: v.expectedClose,
    ownerId: v.ownerId,
    companyId: v.companyId,
    contactIds: v.contacts.map((c) => c.id),
    notes: v.notes,
  };
}

const FIELD_OF_CODE: Record<string, DealFormField> = {
  amount_invalid: 'amount',
  currency_invalid: 'currency',
  owner_invalid: 'ownerId',
};

/**
 * The field a backend error belongs on: the error's own `field` when the form has it
 * ("amount", "probability"…), else the field its code is about; null for a form-level error.
 */
export function errorField(e: unknown): DealFormField | null {
  const err = toApiError(e);
  const fields: DealFormField[] = ['title', 'pipelineId', 'stageId', 'amount', 'currency', 'probability', 'expectedClose', 'ownerId'];
  const named = (err.field ?? '').split('.')[0];
  const alias: Record<string, DealFormField> = { pipeline: 'pipelineId', stage: 'stageId', owner: 'ownerId' };
  const f = alias[named] ?? named;
  if ((fields as string[]).includes(f)) return f as DealFormField;
  return FIELD_OF_CODE[err.code] ?? null;
}
