// Orders, overdue payments, purchase frequency and re-order reminders (OrdersService).
import { invoke } from './backend';
import { raw } from './bindings';
import type {
  CustomerFrequency,
  CustomerOrders,
  FrequencyQuery,
  Order,
  OrderInput,
  OrderLine,
  OrderPage,
  OrderPreview,
  OrderQuery,
  PurchaseFrequency,
  ReorderSettings,
} from './orderTypes';
import type { Money } from './sellingTypes';

const S = 'OrdersService';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const list = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);

export function money(v: unknown): Money {
  const o = obj(v);
  return { minor: num(o.minor), currency: str(o.currency), text: str(o.text), decimal: str(o.decimal) };
}

function line(v: unknown): OrderLine {
  const o = obj(v);
  return { product: str(o.product), quantity: num(o.quantity), unitPrice: money(o.unitPrice), total: money(o.total) };
}

export function order(v: unknown): Order {
  const o = obj(v);
  return {
    id: str(o.id),
    version: num(o.version),
    number: str(o.number),
    companyId: str(o.companyId),
    companyName: str(o.companyName),
    contactId: str(o.contactId),
    contactName: str(o.contactName),
    orderDate: str(o.orderDate),
    currency: str(o.currency),
    lines: list(o.lines, line),
    total: money(o.total),
    paymentStatus: str(o.paymentStatus),
    state: str(o.state),
    dueDate: str(o.dueDate),
    daysOverdue: num(o.daysOverdue),
    paidAt: str(o.paidAt),
    notes: str(o.notes),
    dealId: str(o.dealId),
    deleted: o.deleted === true,
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

function frequency(v: unknown): PurchaseFrequency {
  const o = obj(v);
  return {
    orders: num(o.orders),
    medianDays: num(o.medianDays),
    hasMedian: o.hasMedian === true,
    lastOrder: str(o.lastOrder),
    nextExpected: str(o.nextExpected),
    status: str(o.status),
  };
}

function customerFrequency(v: unknown): CustomerFrequency {
  const o = obj(v);
  return { ...frequency(v), key: str(o.key), companyId: str(o.companyId), contactId: str(o.contactId), name: str(o.name), taskId: str(o.taskId) };
}

function customerOrders(v: unknown): CustomerOrders {
  const o = obj(v);
  return { items: list(o.items, order), total: num(o.total), frequency: frequency(o.frequency) };
}

export async function listOrders(q: OrderQuery): Promise<OrderPage> {
  const o = obj(await invoke<unknown>(S, 'List', () => raw.orders.list(q)));
  return { items: list(o.items, order), total: num(o.total), offset: num(o.offset) };
}
export async function getOrder(id: string): Promise<Order> {
  return order(await invoke<unknown>(S, 'Get', () => raw.orders.get(id)));
}
/** Fails with invalid_input / amount_invalid / currency_invalid / date_invalid naming the field. */
export async function createOrder(input: OrderInput): Promise<Order> {
  return order(await invoke<unknown>(S, 'Create', () => raw.orders.create(input)));
}
/** `version` must be the one the edit started from, else version_conflict. */
export async function updateOrder(id: string, version: number, input: OrderInput): Promise<Order> {
  return order(await invoke<unknown>(S, 'Update', () => raw.orders.update(id, version, input)));
}
export async function deleteOrder(id: string, version: number): Promise<void> {
  await invoke<unknown>(S, 'Delete', () => raw.orders.delete(id, version));
}
export async function restoreOrder(id: string): Promise<Order> {
  return order(await invoke<unknown>(S, 'Restore', () => raw.orders.restore(id)));
}
/** paidAt '' is today. */
export async function markOrderPaid(id: string, version: number, paidAt: string): Promise<Order> {
  return order(await invoke<unknown>(S, 'MarkPaid', () => raw.orders.markPaid(id, version, paidAt)));
}
export async function markOrderDue(id: string, version: number): Promise<Order> {
  return order(await invoke<unknown>(S, 'MarkDue', () => raw.orders.markDue(id, version)));
}
export async function previewOrder(input: OrderInput): Promise<OrderPreview> {
  const o = obj(await invoke<unknown>(S, 'Preview', () => raw.orders.preview(input)));
  return { lines: list(o.lines, (v) => (v ? money(v) : null)), total: money(o.total) };
}
export async function companyOrders(id: string): Promise<CustomerOrders> {
  return customerOrders(await invoke<unknown>(S, 'ForCompany', () => raw.orders.forCompany(id)));
}
export async function contactOrders(id: string): Promise<CustomerOrders> {
  return customerOrders(await invoke<unknown>(S, 'ForContact', () => raw.orders.forContact(id)));
}
export async function overdueOrders(): Promise<Order[]> {
  return list(await invoke<unknown>(S, 'Overdue', () => raw.orders.overdue()), order);
}
export async function purchaseFrequencies(q: FrequencyQuery): Promise<CustomerFrequency[]> {
  return list(await invoke<unknown>(S, 'Frequencies', () => raw.orders.frequencies(q)), customerFrequency);
}
/** Runs the re-order check now; resolves to the number of tasks made. */
export async function checkReorders(): Promise<number> {
  return num(await invoke<unknown>(S, 'CheckReorders', () => raw.orders.checkReorders()));
}
export async function reorderSettings(): Promise<ReorderSettings> {
  return { leadDays: num(obj(await invoke<unknown>(S, 'ReorderSettings', () => raw.orders.reorderSettings())).leadDays) };
}
export async function setReorderSettings(s: ReorderSettings): Promise<ReorderSettings> {
  return { leadDays: num(obj(await invoke<unknown>(S, 'SetReorderSettings', () => raw.orders.setReorderSettings(s))).leadDays) };
}
