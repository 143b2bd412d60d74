// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { deal, pipeline } from '../test/dealFixtures';
import { dealFormFromDeal, emptyDealForm, errorField, inputFromDealForm, minorToDecimal, validateDealForm } from './dealForm';

describe('deal form', () => {
  it('starts a new deal in the first stage, home currency, owned by me', () => {
    const v = emptyDealForm({ pipeline, currency: 'USD', ownerId: 'me', companyId: 'co1', companyName: 'Acme' });
    expect(v).toMatchObject({ pipelineId: 'p1', stageId: 's1', currency: 'USD', ownerId: 'me', companyId: 'co1', amount: '', probability: '' });
  });

  it('writes minor units as decimal text without floating point', () => {
    expect(minorToDecimal(1234, 2)).toBe('12.34');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-5, 3)).toBe('-0.005');
    expect(minorToDecimal(500000, 0)).toBe('500000');
    expect(minorToDecimal(9007199254740991, 2)).toBe('90071992547409.91');
    expect(minorToDecimal(Number.NaN, 2)).toBe('');
  });

  it('edits a deal from the backend decimal, keeping a null override empty', () => {
    const v = dealFormFromDeal(deal(), 2);
    expect(v.amount).toBe('12500.00');
    expect(v.probability).toBe('');
    expect(dealFormFromDeal(deal({ amount: { minor: 1999, currency: 'EUR', text: '€19.99', decimal: '' }, probabilityOverride: 0 }), 2)).toMatchObject({ amount: '19.99', probability: '0' });
  });

  it('sends the amount as text and the probability as a number or null', () => {
    const v = { ...emptyDealForm({ pipeline, currency: 'JPY', ownerId: 'me' }), title: '  Pilot ', amount: ' 500,000 ', probability: '35', contacts: [{ id: 'c1', name: 'Ada' }] };
    expect(inputFromDealForm(v)).toEqual({
      title: 'Pilot',
      pipelineId: 'p1',
      stageId: 's1',
      amount: '500,000',
      currency: 'JPY',
      probability: 35,
      expectedClose: '',
      ownerId: 'me',
      companyId: '',
      contactIds: ['c1'],
      notes: '',
    });
    expect(inputFromDealForm({ ...v, probability: '', amount: '' })).toMatchObject({ probability: null, amount: '0' });
  });

  it('finds what it can before asking the backend', () => {
    const ok = { ...emptyDealForm({ pipeline, currency: 'EUR', ownerId: '' }), title: 'X' };
    expect(validateDealForm(ok)).toEqual({});
    expect(validateDealForm({ ...ok, title: ' ' })).toEqual({ title: 'deals.editor.errors.titleRequired' });
    expect(validateDealForm({ ...ok, amount: '12 apples' })).toEqual({ amount: 'deals.editor.errors.amountFormat' });
    expect(validateDealForm({ ...ok, probability: '101' })).toEqual({ probability: 'deals.editor.errors.probabilityRange' });
    expect(validateDealForm({ ...ok, probability: '4.5' })).toEqual({ probability: 'deals.editor.errors.probabilityRange' });
    expect(validateDealForm({ ...ok, stageId: '', currency: '' })).toEqual({ stageId: 'deals.editor.errors.stageRequired', currency: 'deals.editor.errors.currencyRequired' });
  });

  it('puts a backend error on its field', () => {
    expect(errorField(new ApiError('amount_invalid', 'too many decimals', 'amount'))).toBe('amount');
    expect(errorField(new ApiError('amount_invalid', 'too many decimals'))).toBe('amount');
    expect(errorField(new ApiError('deal_invalid', 'bad stage', 'stageId'))).toBe('stageId');
    expect(errorField(new ApiError('currency_invalid', 'XYZ'))).toBe('currency');
    expect(errorField(new ApiError('version_conflict', 'changed'))).toBeNull();
  });
});
