import { describe, expect, it } from 'vitest';
import type { Order } from '../api/orderTypes';
import { customerName, emptyOrderForm, inputFromOrderForm, localDate, orderFieldError, orderFormFromOrder, previewInput, quantityOf, reorderKey } from './orderModel';

const money = (minor: number, currency: string, decimal: string, text: string) => ({ minor, currency, decimal, text });

function order(patch: Partial<Order> = {}): Order {
  return {
    id: 'o1',
    version: 2,
    number: '2026-0007',
    companyId: 'co1',
    companyName: 'Kobe Tea',
    contactId: 'p1',
    contactName: 'Mika Sato',
    orderDate: '2026-11-01',
    currency: 'JPY',
    lines: [{ product: 'Sencha', quantity: 3, unitPrice: money(1234, 'JPY', '1234', '¥1,234'), total: money(3702, 'JPY', '3702', '¥3,702') }],
    total: money(3702, 'JPY', '3702', '¥3,702'),
    paymentStatus: 'paid',
    state: 'paid',
    dueDate: '2026-12-01',
    daysOverdue: 0,
    paidAt: '2026-11-05',
    notes: '',
    dealId: '',
    deleted: false,
    createdAt: '',
    updatedAt: '',
    ...patch,
  };
}

describe('orderModel', () => {
  it('starts a new order today in the home currency, due in 30 days, for the given customer', () => {
    const f = emptyOrderForm('EUR', { companyId: 'co1', companyName: 'Acme' }, new Date(2026, 10, 23, 15, 0));
    expect(f.orderDate).toBe('2026-11-23');
    expect(f.dueDate).toBe('2026-12-23');
    expect(f.currency).toBe('EUR');
    expect(f.companyId).toBe('co1');
    expect(f.lines).toHaveLength(1);
  });

  it('round-trips an order: prices as the decimal text, never a float', () => {
    const input = inputFromOrderForm(orderFormFromOrder(order()));
    expect(input.lines).toEqual([{ product: 'Sencha', quantity: 3, unitPrice: '1234' }]);
    expect(input.paidAt).toBe('2026-11-05');
    expect(input.number).toBe('2026-0007');
  });

  it('drops untouched lines on save but keeps them in the preview, so totals stay aligned', () => {
    const f = emptyOrderForm('EUR', {}, new Date(2026, 0, 31));
    f.lines = [{ key: 1, product: 'A', quantity: '2', unitPrice: '0.10' }, { key: 2, product: '', quantity: '1', unitPrice: '' }];
    expect(inputFromOrderForm(f).lines).toHaveLength(1);
    expect(previewInput(f).lines).toHaveLength(2);
    expect(f.dueDate).toBe('2026-03-02');
  });

  it('clears the paid date of a due order and reads quantities strictly', () => {
    const f = orderFormFromOrder(order());
    f.paymentStatus = 'due';
    expect(inputFromOrderForm(f).paidAt).toBe('');
    expect(quantityOf(' 12 ')).toBe(12);
    expect(quantityOf('1.5')).toBe(0);
    expect(quantityOf('-3')).toBe(0);
    expect(quantityOf('')).toBe(0);
  });

  it('names customers and re-order states', () => {
    expect(customerName(order())).toBe('Kobe Tea · Mika Sato');
    expect(customerName(order({ companyName: '' }))).toBe('Mika Sato');
    expect(reorderKey('due soon')).toBe('dueSoon');
    expect(reorderKey('')).toBe('none');
    expect(localDate(new Date(2028, 1, 28), 1)).toBe('2028-02-29');
  });
});

describe('orderFieldError', () => {
  it('names the line and the part of it the backend refused', () => {
    expect(orderFieldError('lines.2.unitPrice')).toEqual({ key: 'orders.errors.unitPrice', line: 3 });
    expect(orderFieldError('customer')).toEqual({ key: 'orders.errors.customer' });
    expect(orderFieldError('offset')).toBeNull();
    expect(orderFieldError(undefined)).toBeNull();
  });
});
