// TanStack Query hooks of the campaigns area over the wrappers in campaigns.ts (kept apart so
// tests can mock the wrappers).
import { useEffect } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { onEvent } from './events';
import {
  attributeDeal,
  campaignContacts,
  campaignDeals,
  createCampaign,
  dealCampaign,
  deleteCampaign,
  findDeals,
  getCampaign,
  listCampaigns,
  listFilters,
  previewFilter,
  recordResponse,
  restoreCampaign,
  saveFilter,
  targetCampaign,
  updateCampaign,
} from './campaigns';
import type { CampaignInput, ContactFilter, SavedFilter, SavedFilterInput } from './campaignTypes';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  filters: ['campaigns', 'filters'] as const,
  preview: (f: ContactFilter) => ['campaigns', 'preview', f] as const,
  contacts: (id: string, offset: number, limit: number) => ['campaigns', 'contacts', id, offset, limit] as const,
  deals: (id: string) => ['campaigns', 'deals', id] as const,
  dealCampaign: (dealId: string) => ['campaigns', 'dealCampaign', dealId] as const,
};

/** Refreshes campaign data when campaigns, deals, contacts or rates change. Mount once. */
export function useCampaignEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: campaignKeys.all });
    const offs = (['campaigns:changed', 'deals:changed', 'contacts:changed', 'currency:changed'] as const).map((e) =>
      onEvent(e, refresh),
    );
    return () => offs.forEach((off) => off());
  }, [qc]);
}

export const useCampaigns = () => useQuery({ queryKey: campaignKeys.list, queryFn: listCampaigns });
export const useCampaign = (id: string) =>
  useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => getCampaign(id), enabled: id !== '' });
export const useSavedFilters = () => useQuery({ queryKey: campaignKeys.filters, queryFn: listFilters });
/** How many contacts f selects and the first few (kept while the next answer loads). */
export const useFilterPreview = (f: ContactFilter, limit = 5) =>
  useQuery({ queryKey: campaignKeys.preview(f), queryFn: () => previewFilter(f, limit), placeholderData: keepPreviousData });
export const useCampaignContacts = (id: string, offset: number, limit: number) =>
  useQuery({
    queryKey: campaignKeys.contacts(id, offset, limit),
    queryFn: () => campaignContacts(id, offset, limit),
    enabled: id !== '',
    placeholderData: keepPreviousData,
  });
/** A campaign's targeted contacts in pages of pageSize (fetchNextPage loads more). */
export const useCampaignContactPages = (id: string, pageSize: number) =>
  useInfiniteQuery({
    queryKey: ['campaigns', 'contactPages', id, pageSize],
    queryFn: ({ pageParam }) => campaignContacts(id, pageParam, pageSize),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
    enabled: id !== '',
  });
export const useCampaignDeals = (id: string) =>
  useQuery({ queryKey: campaignKeys.deals(id), queryFn: () => campaignDeals(id), enabled: id !== '' });
export const useDealCampaign = (dealId: string) =>
  useQuery({ queryKey: campaignKeys.dealCampaign(dealId), queryFn: () => dealCampaign(dealId), enabled: dealId !== '' });

/** A mutation that refreshes every campaign query when it succeeds. */
function useCampaignMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.all }) });
}

export const useSaveCampaign = () =>
  useCampaignMutation((a: { id?: string; version?: number; input: CampaignInput }) =>
    a.id ? updateCampaign(a.id, a.version ?? 0, a.input) : createCampaign(a.input),
  );
export const useDeleteCampaign = () => useCampaignMutation((id: string) => deleteCampaign(id));
export const useRestoreCampaign = () => useCampaignMutation((id: string) => restoreCampaign(id));
/** Saves a filter; the saved one is in the filters list at once (a picker can show it). */
export function useSaveFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedFilterInput) => saveFilter(input),
    onSuccess: (saved) => {
      qc.setQueryData<SavedFilter[]>(campaignKeys.filters, (old) =>
        [...(old ?? []).filter((f) => f.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)),
      );
      void qc.invalidateQueries({ queryKey: campaignKeys.all });
    },
  });
}
export const useTargetCampaign = () => useCampaignMutation((id: string) => targetCampaign(id));
export const useRecordResponse = () =>
  useCampaignMutation((a: { campaignId: string; contactId: string; response: string; responded: boolean }) =>
    recordResponse(a.campaignId, a.contactId, a.response, a.responded),
  );
export const useAttributeDeal = () =>
  useCampaignMutation((a: { dealId: string; campaignId: string }) => attributeDeal(a.dealId, a.campaignId));

export const useFindDeals = (query: string) =>
  useQuery({ queryKey: ['campaigns', 'findDeals', query], queryFn: () => findDeals(query), placeholderData: keepPreviousData });
