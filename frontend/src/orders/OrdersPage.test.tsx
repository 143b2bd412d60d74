import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OrdersPage } from './OrdersPage';
import { CustomerOrdersSection } from './CustomerOrdersSection';
import { renderWithProviders } from '../test/render';
import * as ordersApi from '../api/orders';
import * as sellingApi from '../api/selling';
import type { CustomerFrequency, Order, OrderInput } from '../api/orderTypes';

vi.mock('../api/orders', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/orders')>()),
  listOrders: vi.fn(),
  overdueOrders: vi.fn(),
  purchaseFrequencies: vi.fn(),
  reorderSettings: vi.fn(),
  setReorderSettings: vi.fn(),
  checkReorders: vi.fn(),
  markOrderPaid: vi.fn(),
  markOrderDue: vi.fn(),
  createOrder: vi.fn(),
  previewOrder: vi.fn(),
  companyOrders: vi.fn(),
  contactOrders: vi.fn(),
}));
vi.mock('../api/selling', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/selling')>()),
  homeCurrency: vi.fn(),
  currencies: vi.fn(),
}));
const api = vi.mocked(ordersApi);
const selling = vi.mocked(sellingApi);

const money = (minor: number, currency: string, text: string, decimal = '') => ({ minor, currency, text, decimal });

function order(patch: Partial<Order> = {}): Order {
  return {
    id: 'o1',
    version: 1,
    number: '2026-0001',
    companyId: 'co1',
    companyName: 'Kobe <b>Tea</b>',
    contactId: '',
    contactName: '',
    orderDate: '2026-11-01',
    currency: 'JPY',
    lines: [],
    total: money(4395, 'JPY', '¥4,395'),
    paymentStatus: 'due',
    state: 'due',
    dueDate: '2026-12-01',
    daysOverdue: 0,
    paidAt: '',
    notes: '',
    dealId: '',
    deleted: false,
    createdAt: '',
    updatedAt: '',
    ...patch,
  };
}

const late = order({ id: 'o2', number: '2026-0002', state: 'overdue', dueDate: '2026-11-10', daysOverdue: 13, total: money(24018, 'EUR', '€240.18'), currency: 'EUR' });
const paid = order({ id: 'o3', number: '2026-0003', paymentStatus: 'paid', state: 'paid', paidAt: '2026-11-05' });

function freq(patch: Partial<CustomerFrequency>): CustomerFrequency {
  return { key: 'company:co1', companyId: 'co1', contactId: '', name: 'Kobe Tea', orders: 4, medianDays: 30, hasMedian: true, lastOrder: '2026-10-28', nextExpected: '2026-11-27', status: 'due soon', taskId: 't9', ...patch };
}

beforeEach(() => {
  vi.clearAllMocks();
  api.listOrders.mockImplementation(async (q) => {
    const all = [order(), late, paid].filter((o) => !q.status || o.state === q.status);
    return { items: all, total: all.length, offset: 0 };
  });
  api.overdueOrders.mockResolvedValue([late]);
  api.purchaseFrequencies.mockResolvedValue([
    freq({}),
    freq({ key: 'contact:p1', companyId: '', contactId: 'p1', name: 'Mika Sato', status: 'ok', taskId: '', medianDays: 61, nextExpected: '2026-12-31' }),
    freq({ key: 'contact:p2', companyId: '', contactId: 'p2', name: 'Once', hasMedian: false, medianDays: 0, status: '', nextExpected: '', orders: 1 }),
  ]);
  api.reorderSettings.mockResolvedValue({ leadDays: 7 });
  api.setReorderSettings.mockImplementation(async (s) => s);
  api.checkReorders.mockResolvedValue(2);
  api.markOrderPaid.mockImplementation(async (id, version) => ({ ...late, id, version: version + 1, paymentStatus: 'paid', state: 'paid' }));
  api.markOrderDue.mockResolvedValue(late);
  api.previewOrder.mockImplementation(async (input: OrderInput) => ({
    lines: input.lines.map((l) => (l.unitPrice && l.quantity > 0 ? money(0, 'EUR', `€${l.unitPrice}×${l.quantity}`) : null)),
    total: money(0, 'EUR', '€0.30'),
  }));
  api.createOrder.mockImplementation(async () => order({ id: 'new' }));
  selling.homeCurrency.mockResolvedValue('EUR');
  selling.currencies.mockResolvedValue([{ code: 'EUR', symbol: '€', digits: 2 }, { code: 'JPY', symbol: '¥', digits: 0 }]);
});

describe('OrdersPage', () => {
  it('lists orders with the backend totals and state badges, record text as text, and filters by state', async () => {
    renderWithProviders(<OrdersPage />);
    const rows = await screen.findAllByTestId('order-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Kobe <b>Tea</b>');
    expect(rows[0].querySelector('b')).toBeNull();
    expect(within(rows[1]).getByTestId('order-total-cell')).toHaveTextContent('€240.18');
    expect(within(rows[1]).getByTestId('order-state')).toHaveTextContent('Overdue');
    expect(within(rows[2]).queryByTestId('order-mark-paid')).toBeNull();
    fireEvent.click(within(screen.getByTestId('orders-filter')).getByText('Overdue'));
    await waitFor(() => expect(screen.getAllByTestId('order-row')).toHaveLength(1));
    expect(api.listOrders).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'overdue' }));
  });

  it('lists overdue payments with their days, and marks one paid with an undo', async () => {
    renderWithProviders(<OrdersPage />);
    fireEvent.click(screen.getByTestId('orders-tab-overdue'));
    const row = await screen.findByTestId('overdue-row');
    expect(within(row).getByTestId('overdue-days')).toHaveTextContent('13 days');
    fireEvent.click(within(row).getByTestId('order-mark-paid'));
    await waitFor(() => expect(api.markOrderPaid).toHaveBeenCalledWith('o2', 1, ''));
    fireEvent.click(await screen.findByTestId('order-undo'));
    await waitFor(() => expect(api.markOrderDue).toHaveBeenCalledWith('o2', 2));
  });

  it('shows customers due to re-order with their rhythm and a link to the task, and saves the lead', async () => {
    renderWithProviders(<OrdersPage />);
    fireEvent.click(screen.getByTestId('orders-tab-reorder'));
    const rows = await screen.findAllByTestId('reorder-row');
    expect(rows).toHaveLength(2); // "Once" has no rhythm yet
    expect(within(rows[0]).getByTestId('reorder-median')).toHaveTextContent('every 30 days');
    expect(within(rows[0]).getByTestId('reorder-status')).toHaveTextContent('Due soon');
    expect(within(rows[0]).getByTestId('reorder-open-task')).toHaveAttribute('href', '#/tasks?id=t9');
    expect(within(rows[1]).queryByTestId('reorder-open-task')).toBeNull();
    expect(screen.getByTestId('reorder-single')).toHaveTextContent('1 customer has orders on one day only');
    const lead = screen.getByTestId('reorder-lead');
    await waitFor(() => expect(lead).toHaveValue('7'));
    fireEvent.change(lead, { target: { value: '14' } });
    await waitFor(() => expect(lead).toHaveValue('14'));
    fireEvent.keyDown(lead, { key: 'Enter' });
    await waitFor(() => expect(api.setReorderSettings).toHaveBeenCalledWith({ leadDays: 14 }));
    fireEvent.click(screen.getByTestId('reorder-check'));
    await waitFor(() => expect(api.checkReorders).toHaveBeenCalled());
  });

  it('creates an order from the keyboard: Ctrl+N, lines added with Enter, totals from the backend', async () => {
    renderWithProviders(<OrdersPage />);
    await screen.findAllByTestId('order-row');
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    const editor = await screen.findByTestId('order-editor');
    fireEvent.change(within(editor).getByTestId('line-product'), { target: { value: 'Sample' } });
    fireEvent.change(within(editor).getByTestId('line-quantity'), { target: { value: '3' } });
    fireEvent.change(within(editor).getByTestId('line-price'), { target: { value: '0.10' } });
    fireEvent.keyDown(within(editor).getByTestId('line-price'), { key: 'Enter' });
    await waitFor(() => expect(within(editor).getAllByTestId('order-line')).toHaveLength(2));
    expect(document.activeElement).toBe(within(editor).getAllByTestId('line-product')[1]);
    await waitFor(() => expect(within(editor).getAllByTestId('line-total')[0]).toHaveTextContent('€0.10×3'));
    expect(within(editor).getByTestId('order-total')).toHaveTextContent('€0.30');
    // Alt+Backspace removes the empty second line again.
    fireEvent.keyDown(within(editor).getAllByTestId('line-product')[1], { key: 'Backspace', altKey: true });
    await waitFor(() => expect(within(editor).getAllByTestId('order-line')).toHaveLength(1));
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(api.createOrder).toHaveBeenCalled());
    const input = api.createOrder.mock.calls[0][0];
    expect(input.currency).toBe('EUR');
    expect(input.lines).toEqual([{ product: 'Sample', quantity: 3, unitPrice: '0.10' }]);
  });

  it('explains a refused line by its number', async () => {
    const { ApiError } = await import('../api/errors');
    api.createOrder.mockRejectedValueOnce(new ApiError('invalid_input', 'bad', 'lines.0.quantity'));
    renderWithProviders(<OrdersPage />);
    fireEvent.click(screen.getByTestId('order-new'));
    const editor = await screen.findByTestId('order-editor');
    fireEvent.change(within(editor).getByTestId('line-product'), { target: { value: 'X' } });
    fireEvent.change(within(editor).getByTestId('line-quantity'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('order-save'));
    expect(await within(editor).findByTestId('form-error')).toHaveTextContent('Line 1: the quantity is a whole number of at least 1.');
  });
});

describe('CustomerOrdersSection', () => {
  it("shows a company's purchase rhythm and newest orders", async () => {
    api.companyOrders.mockResolvedValue({ items: [late, order()], total: 2, frequency: { orders: 2, medianDays: 30, hasMedian: true, lastOrder: '2026-11-01', nextExpected: '2026-12-01', status: 'ok' } });
    renderWithProviders(<CustomerOrdersSection companyId="co1" companyName="Kobe Tea" />);
    expect(await screen.findByTestId('customer-frequency')).toHaveTextContent('Orders about every 30 days');
    expect(screen.getByTestId('customer-reorder-status')).toHaveTextContent('Not yet');
    expect(screen.getAllByTestId('customer-order')[0]).toHaveTextContent('€240.18');
    expect(api.companyOrders).toHaveBeenCalledWith('co1');
    expect(api.contactOrders).not.toHaveBeenCalled();
  });

  it("links to all of a customer's orders, and the Orders area shows only theirs", async () => {
    api.companyOrders.mockResolvedValue({ items: Array.from({ length: 6 }, (_, i) => order({ id: `o${i}` })), total: 6, frequency: { orders: 6, medianDays: 30, hasMedian: true, lastOrder: '2026-11-01', nextExpected: '2026-12-01', status: 'ok' } });
    const { unmount } = renderWithProviders(<CustomerOrdersSection companyId="co1" companyName="Kobe Tea" />);
    const link = await screen.findByTestId('customer-orders-all');
    expect(link).toHaveAttribute('href', '#/orders?company=co1');
    unmount();
    window.location.hash = '#/orders?company=co1';
    renderWithProviders(<OrdersPage />);
    expect(await screen.findByTestId('orders-customer-filter')).toHaveTextContent('Customer: Kobe <b>Tea</b>');
    // The customer's orders are the first asked for: no window of everyone's orders first.
    await waitFor(() => expect(api.listOrders).toHaveBeenCalled());
    expect(api.listOrders.mock.calls[0][0]).toEqual(expect.objectContaining({ companyId: 'co1', contactId: '' }));
    fireEvent.click(screen.getByTestId('orders-customer-clear'));
    await waitFor(() => expect(api.listOrders).toHaveBeenLastCalledWith(expect.objectContaining({ companyId: '' })));
    expect(screen.queryByTestId('orders-customer-filter')).toBeNull();
    window.location.hash = '';
  });

  it("says when a contact has no orders yet, and starts a new order for that contact", async () => {
    api.contactOrders.mockResolvedValue({ items: [], total: 0, frequency: { orders: 0, medianDays: 0, hasMedian: false, lastOrder: '', nextExpected: '', status: '' } });
    renderWithProviders(<CustomerOrdersSection contactId="p1" contactName="Mika Sato" />);
    expect(await screen.findByTestId('customer-orders-empty')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('customer-order-new'));
    const editor = await screen.findByTestId('order-editor');
    expect(within(editor).getByTestId('order-contact')).toHaveValue('Mika Sato');
  });
});
