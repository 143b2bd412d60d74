// Orders, overdue payments and purchase frequency (OrdersService; app/orders_dto.go). Checked
// against the Go DTOs in contract.ts.
import type { Money } from './sellingTypes';

/** Stored payment status; what an order shows is its `state`, which adds "overdue". */
export type PaymentStatus = 'paid' | 'due';
export type PaymentState = 'paid' | 'due' | 'overdue';
/** Re-order state: "" when there is no expected date yet (fewer than two order days). */
export type ReorderStatus = 'ok' | 'due soon' | 'overdue' | '';

export interface OrderQuery {
  companyId: string;
  contactId: string;
  /** '' for all, or a PaymentState. */
  status: string;
  offset: number;
  limit: number;
}

/** One line as the editor sends it: the unit price is text, read by the backend. */
export interface OrderLineInput {
  product: string;
  quantity: number;
  unitPrice: string;
}

export interface OrderInput {
  number: string;
  companyId: string;
  contactId: string;
  orderDate: string;
  currency: string;
  lines: OrderLineInput[];
  paymentStatus: string;
  dueDate: string;
  paidAt: string;
  notes: string;
  dealId: string;
}

export interface OrderLine {
  product: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
}

export interface Order {
  id: string;
  version: number;
  number: string;
  companyId: string;
  companyName: string;
  contactId: string;
  contactName: string;
  orderDate: string;
  currency: string;
  lines: OrderLine[];
  total: Money;
  paymentStatus: string;
  state: string;
  dueDate: string;
  daysOverdue: number;
  paidAt: string;
  notes: string;
  dealId: string;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OrderPage {
  items: Order[];
  total: number;
  offset: number;
}

/** The editor's live totals: a line's total is null while the line is not valid. */
export interface OrderPreview {
  lines: (Money | null)[];
  total: Money;
}

export interface FrequencyQuery {
  query: string;
}

export interface PurchaseFrequency {
  orders: number;
  medianDays: number;
  hasMedian: boolean;
  lastOrder: string;
  nextExpected: string;
  status: string;
}

export interface CustomerFrequency extends PurchaseFrequency {
  key: string;
  companyId: string;
  contactId: string;
  name: string;
  /** The latest re-order task made for the customer ('' if none). */
  taskId: string;
}

export interface CustomerOrders {
  items: Order[];
  total: number;
  frequency: PurchaseFrequency;
}

export interface ReorderSettings {
  leadDays: number;
}
