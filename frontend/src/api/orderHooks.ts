// React Query hooks over the order calls (./orders), kept apart so tests can mock the calls.
import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { onEvent } from './events';
import {
  checkReorders,
  companyOrders,
  contactOrders,
  createOrder,
  deleteOrder,
  getOrder,
  listOrders,
  markOrderDue,
  markOrderPaid,
  overdueOrders,
  previewOrder,
  purchaseFrequencies,
  reorderSettings,
  restoreOrder,
  setReorderSettings,
  updateOrder,
} from './orders';
import type { OrderInput, OrderQuery } from './orderTypes';

export const orderKeys = {
  all: ['orders'] as const,
  list: (q: OrderQuery) => ['orders', 'list', q] as const,
  order: (id: string) => ['orders', 'detail', id] as const,
  overdue: ['orders', 'overdue'] as const,
  frequencies: (query: string) => ['orders', 'frequencies', query] as const,
  company: (id: string) => ['orders', 'company', id] as const,
  contact: (id: string) => ['orders', 'contact', id] as const,
  settings: ['orders', 'settings'] as const,
  preview: (input: OrderInput) => ['orders', 'preview', input] as const,
};

/**
 * Refreshes order data when orders change, and when names (contacts, companies) or the UI
 * language (amount texts) may have. Safe to mount in more than one place.
 */
export function useOrderEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: orderKeys.all });
    const offs = [onEvent('orders:changed', refresh), onEvent('companies:changed', refresh), onEvent('contacts:changed', refresh), onEvent('tasks:changed', refresh)];
    return () => offs.forEach((off) => off());
  }, [qc]);
}

export const useOrders = (q: OrderQuery) => useQuery({ queryKey: orderKeys.list(q), queryFn: () => listOrders(q), placeholderData: keepPreviousData });
export const useOrder = (id: string | null) =>
  useQuery({ queryKey: orderKeys.order(id ?? ''), queryFn: () => getOrder(id ?? ''), enabled: !!id });
export const useOverdueOrders = () => useQuery({ queryKey: orderKeys.overdue, queryFn: overdueOrders });
export const usePurchaseFrequencies = (query: string) =>
  useQuery({ queryKey: orderKeys.frequencies(query), queryFn: () => purchaseFrequencies({ query }), placeholderData: keepPreviousData });
export const useCompanyOrders = (id: string) => useQuery({ queryKey: orderKeys.company(id), queryFn: () => companyOrders(id), enabled: !!id });
export const useContactOrders = (id: string) => useQuery({ queryKey: orderKeys.contact(id), queryFn: () => contactOrders(id), enabled: !!id });
export const useReorderSettings = () => useQuery({ queryKey: orderKeys.settings, queryFn: reorderSettings });
/** The backend's arithmetic of what the editor holds; keeps the last answer while typing. */
export const useOrderPreview = (input: OrderInput, enabled: boolean) =>
  useQuery({ queryKey: orderKeys.preview(input), queryFn: () => previewOrder(input), enabled, placeholderData: keepPreviousData, retry: false });

function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (a: A) => fn(a), onSuccess: () => void qc.invalidateQueries({ queryKey: orderKeys.all }) });
}

export const useCreateOrder = () => useInvalidating(createOrder);
export const useUpdateOrder = () => useInvalidating((a: { id: string; version: number; input: OrderInput }) => updateOrder(a.id, a.version, a.input));
export const useDeleteOrder = () => useInvalidating((a: { id: string; version: number }) => deleteOrder(a.id, a.version));
export const useRestoreOrder = () => useInvalidating(restoreOrder);
export const useMarkOrderPaid = () => useInvalidating((a: { id: string; version: number; paidAt: string }) => markOrderPaid(a.id, a.version, a.paidAt));
export const useMarkOrderDue = () => useInvalidating((a: { id: string; version: number }) => markOrderDue(a.id, a.version));
export const useCheckReorders = () => useInvalidating(() => checkReorders());
export const useSetReorderSettings = () => useInvalidating(setReorderSettings);
