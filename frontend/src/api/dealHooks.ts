import { useEffect, useRef } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  companyDeals,
  createDeal,
  dealBoard,
  dealHistory,
  dealTable,
  deleteDeal,
  deletePipeline,
  getDeal,
  listPipelines,
  loseDeal,
  reopenDeal,
  restoreDeal,
  savePipeline,
  updateDeal,
  winDeal,
} from './deals';
import { onEvent } from './events';
import { useSettings } from './hooks';
import { deleteExchangeRate, deleteOwner, saveExchangeRate, setHomeCurrency, setMe } from './selling';
import type { BoardQuery, Deal, DealInput, DealTableQuery, ExchangeRate, PipelineInput } from './sellingTypes';

export const dealKeys = {
  deals: ['deals'] as const,
  boards: ['deals', 'board'] as const,
  board: (q: BoardQuery) => ['deals', 'board', q] as const,
  table: (q: DealTableQuery) => ['deals', 'table', q] as const,
  deal: (id: string) => ['deals', 'detail', id] as const,
  history: (id: string) => ['deals', 'history', id] as const,
  company: (id: string) => ['deals', 'company', id] as const,
  pipelines: ['pipelines'] as const,
  /** The same keys as sellingKeys (./selling): owners and currency data. */
  owners: ['owners'] as const,
  currency: ['currency'] as const,
};

/** Refreshes deals, pipelines, owners and currency data when the backend says they changed. Mount once. */
export function useDealEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = (...keys: (readonly string[])[]) => () => {
      for (const queryKey of keys) void qc.invalidateQueries({ queryKey });
    };
    const offs = [
      onEvent('deals:changed', refresh(dealKeys.deals)),
      onEvent('pipelines:changed', refresh(dealKeys.pipelines, dealKeys.deals)),
      // Owner names and the home currency's totals are part of every deal shown.
      onEvent('owners:changed', refresh(dealKeys.owners, dealKeys.deals)),
      onEvent('currency:changed', refresh(dealKeys.currency, dealKeys.deals)),
      onEvent('companies:changed', refresh(dealKeys.deals)),
    ];
    return () => offs.forEach((off) => off());
  }, [qc]);

  // Amounts arrive formatted for the saved UI language: refetch them once a new one is saved.
  const language = useSettings().data?.language;
  const seen = useRef(language);
  useEffect(() => {
    if (seen.current === language) return;
    const first = seen.current === undefined;
    seen.current = language;
    if (!first) void qc.invalidateQueries({ queryKey: dealKeys.deals });
  }, [language, qc]);
}

export function usePipelines() {
  return useQuery({ queryKey: dealKeys.pipelines, queryFn: listPipelines });
}

export function useDealBoard(q: BoardQuery | null) {
  return useQuery({
    queryKey: dealKeys.board(q ?? { pipelineId: '', ownerId: '', query: '', limitPerStage: 0, closedFrom: '', closedTo: '' }),
    queryFn: () => dealBoard(q as BoardQuery),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

export function useDealTable(q: DealTableQuery | null) {
  return useQuery({
    queryKey: dealKeys.table(q as DealTableQuery),
    queryFn: () => dealTable(q as DealTableQuery),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

export function useDeal(id: string | null) {
  return useQuery({ queryKey: dealKeys.deal(id ?? ''), queryFn: () => getDeal(id as string), enabled: !!id });
}

export function useDealHistory(id: string | null) {
  return useQuery({ queryKey: dealKeys.history(id ?? ''), queryFn: () => dealHistory(id as string), enabled: !!id });
}

export function useCompanyDeals(companyId: string | null) {
  return useQuery({ queryKey: dealKeys.company(companyId ?? ''), queryFn: () => companyDeals(companyId as string), enabled: !!companyId });
}

/** After any deal write: the deal itself, then every board, table and list refetches. */
export function useAfterDealWrite() {
  const qc = useQueryClient();
  return (d?: Deal) => {
    if (d) qc.setQueryData(dealKeys.deal(d.id), d);
    return qc.invalidateQueries({ queryKey: dealKeys.deals });
  };
}

export function useCreateDeal() {
  const after = useAfterDealWrite();
  return useMutation({ mutationFn: (input: DealInput) => createDeal(input), onSuccess: after });
}

export function useUpdateDeal() {
  const after = useAfterDealWrite();
  return useMutation({
    mutationFn: (v: { id: string; version: number; input: DealInput }) => updateDeal(v.id, v.version, v.input),
    onSuccess: after,
  });
}

/** Win, lose or reopen a deal. */
export function useCloseDeal() {
  const after = useAfterDealWrite();
  return useMutation({
    mutationFn: (v: { deal: Deal; to: 'won' | 'lost' | 'open'; reason?: string }) =>
      v.to === 'won'
        ? winDeal(v.deal.id, v.deal.version, v.reason ?? '')
        : v.to === 'lost'
          ? loseDeal(v.deal.id, v.deal.version, v.reason ?? '')
          : reopenDeal(v.deal.id, v.deal.version),
    onSuccess: after,
  });
}

export function useDeleteDeal() {
  const after = useAfterDealWrite();
  return useMutation({ mutationFn: (id: string) => deleteDeal(id), onSuccess: () => after() });
}

export function useRestoreDeal() {
  const after = useAfterDealWrite();
  return useMutation({ mutationFn: (id: string) => restoreDeal(id), onSuccess: () => after() });
}

function useAfterPipelineWrite() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: dealKeys.pipelines });
    void qc.invalidateQueries({ queryKey: dealKeys.deals });
  };
}

export function useSavePipeline() {
  const after = useAfterPipelineWrite();
  return useMutation({ mutationFn: (input: PipelineInput) => savePipeline(input), onSuccess: after });
}

export function useDeletePipeline() {
  const after = useAfterPipelineWrite();
  return useMutation({ mutationFn: (id: string) => deletePipeline(id), onSuccess: after });
}

function useAfterOwnerWrite() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: dealKeys.owners });
    void qc.invalidateQueries({ queryKey: dealKeys.deals });
  };
}

export function useSetMe() {
  const after = useAfterOwnerWrite();
  return useMutation({ mutationFn: (id: string) => setMe(id), onSuccess: after });
}

export function useDeleteOwner() {
  const after = useAfterOwnerWrite();
  return useMutation({ mutationFn: (id: string) => deleteOwner(id), onSuccess: after });
}

function useAfterCurrencyWrite() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: dealKeys.currency });
    void qc.invalidateQueries({ queryKey: dealKeys.deals });
  };
}

export function useSetHomeCurrency() {
  const after = useAfterCurrencyWrite();
  return useMutation({ mutationFn: (code: string) => setHomeCurrency(code), onSuccess: after });
}

export function useSaveRate() {
  const after = useAfterCurrencyWrite();
  return useMutation({ mutationFn: (r: ExchangeRate) => saveExchangeRate(r), onSuccess: after });
}

export function useDeleteRate() {
  const after = useAfterCurrencyWrite();
  return useMutation({ mutationFn: (r: { currency: string; date: string }) => deleteExchangeRate(r.currency, r.date), onSuccess: after });
}
