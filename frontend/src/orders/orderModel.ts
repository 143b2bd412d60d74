// The order editor's form model: plain text fields while editing, turned into what the backend
// reads (amounts stay text: the backend parses them in the order's currency; no float here).
import type { Order, OrderInput, PaymentState } from '../api/orderTypes';

export interface LineForm {
  /** A stable key for React while lines are added and removed. */
  key: number;
  product: string;
  /** Typed text; the backend gets a whole number (0 when it is not one, which it refuses). */
  quantity: string;
  unitPrice: string;
}

export interface OrderForm {
  number: string;
  companyId: string;
  companyName: string;
  contactId: string;
  contactName: string;
  orderDate: string;
  currency: string;
  lines: LineForm[];
  paymentStatus: 'paid' | 'due';
  dueDate: string;
  paidAt: string;
  notes: string;
  dealId: string;
}

let nextKey = 1;

export function emptyLine(): LineForm {
  return { key: nextKey++, product: '', quantity: '1', unitPrice: '' };
}

/** "YYYY-MM-DD" of d in the local zone, plus days. */
export function localDate(d: Date, days = 0): string {
  const x = new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
  return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
}

/** Payment terms a new order starts with: due 30 days after the order. */
export const DEFAULT_TERMS_DAYS = 30;

export interface Customer {
  companyId?: string;
  companyName?: string;
  contactId?: string;
  contactName?: string;
}

/** A new order: today, the home currency, one empty line, due in 30 days. */
export function emptyOrderForm(currency: string, customer: Customer = {}, now = new Date()): OrderForm {
  return {
    number: '',
    companyId: customer.companyId ?? '',
    companyName: customer.companyName ?? '',
    contactId: customer.contactId ?? '',
    contactName: customer.contactName ?? '',
    orderDate: localDate(now),
    currency,
    lines: [emptyLine()],
    paymentStatus: 'due',
    dueDate: localDate(now, DEFAULT_TERMS_DAYS),
    paidAt: '',
    notes: '',
    dealId: '',
  };
}

export function orderFormFromOrder(o: Order): OrderForm {
  return {
    number: o.number,
    companyId: o.companyId,
    companyName: o.companyName,
    contactId: o.contactId,
    contactName: o.contactName,
    orderDate: o.orderDate,
    currency: o.currency,
    lines: o.lines.length
      ? o.lines.map((l) => ({ key: nextKey++, product: l.product, quantity: String(l.quantity), unitPrice: l.unitPrice.decimal }))
      : [emptyLine()],
    paymentStatus: o.paymentStatus === 'paid' ? 'paid' : 'due',
    dueDate: o.dueDate,
    paidAt: o.paidAt,
    notes: o.notes,
    dealId: o.dealId,
  };
}

/** A typed quantity as a whole number; 0 (refused by the backend) when it is not one. */
export function quantityOf(text: string): number {
  const s = text.trim();
  return /^\d{1,10}$/.test(s) ? Number(s) : 0;
}

/** A line nobody typed into is dropped on save, so an editor's trailing empty line is harmless. */
export function isBlankLine(l: LineForm): boolean {
  return !l.product.trim() && !l.unitPrice.trim() && (l.quantity.trim() === '' || l.quantity.trim() === '1');
}

export function inputFromOrderForm(v: OrderForm): OrderInput {
  return {
    number: v.number.trim(),
    companyId: v.companyId,
    contactId: v.contactId,
    orderDate: v.orderDate,
    currency: v.currency,
    lines: v.lines
      .filter((l) => !isBlankLine(l))
      .map((l) => ({ product: l.product.trim(), quantity: quantityOf(l.quantity), unitPrice: l.unitPrice.trim() })),
    paymentStatus: v.paymentStatus,
    dueDate: v.dueDate,
    paidAt: v.paymentStatus === 'paid' ? v.paidAt : '',
    notes: v.notes,
    dealId: v.dealId,
  };
}

/** What the preview asks about: every line as typed (blank ones too, so totals line up by index). */
export function previewInput(v: OrderForm): OrderInput {
  return {
    ...inputFromOrderForm(v),
    lines: v.lines.map((l) => ({ product: l.product.trim(), quantity: quantityOf(l.quantity), unitPrice: l.unitPrice.trim() })),
  };
}

export const STATE_COLORS: Record<PaymentState, string> = { paid: 'teal', due: 'blue', overdue: 'red' };

export function stateColor(state: string): string {
  return STATE_COLORS[state as PaymentState] ?? 'gray';
}

export const REORDER_COLORS: Record<string, string> = { overdue: 'red', 'due soon': 'orange', ok: 'teal' };

/** The i18n key of a re-order status ("due soon" → "dueSoon"). */
export function reorderKey(status: string): string {
  return status === 'due soon' ? 'dueSoon' : status || 'none';
}

/** The customer's name as lists show it: company, then the person who ordered. */
export function customerName(o: Pick<Order, 'companyName' | 'contactName'>): string {
  return [o.companyName, o.contactName].filter(Boolean).join(' · ');
}

/** Status filters of the orders list, in order. */
export const STATUS_FILTERS = ['', 'due', 'overdue', 'paid'] as const;

/** The i18n key (and line number, from 1) that explains a refused order's field, or null. */
export function orderFieldError(field: string | undefined): { key: string; line?: number } | null {
  if (!field) return null;
  const m = /^lines\.(\d+)\.(product|quantity|unitPrice)$/.exec(field);
  if (m) return { key: `orders.errors.${m[2]}`, line: Number(m[1]) + 1 };
  const known = ['customer', 'companyId', 'contactId', 'lines', 'currency', 'orderDate', 'dueDate', 'paidAt', 'number'];
  return known.includes(field) ? { key: `orders.errors.${field}` } : null;
}
