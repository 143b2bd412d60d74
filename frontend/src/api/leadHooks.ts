// Leads: TanStack Query hooks over the wrappers in leads.ts.
import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { onEvent } from './events';
import {
  conversionPipelines,
  convertLead,
  createLead,
  deleteLead,
  getLead,
  listLeads,
  restoreLead,
  saveScoringRules,
  scoringRules,
  updateLead,
} from './leads';
import type { ConvertLeadRequest, LeadInput, ListLeadsRequest } from './leadTypes';

export const leadKeys = {
  all: ['leads'] as const,
  list: (req: ListLeadsRequest) => ['leads', 'list', req] as const,
  lead: (id: string) => ['leads', 'detail', id] as const,
  rules: ['leads', 'rules'] as const,
};

/** Refreshes leads when the backend says they changed. Mount once (the leads page does). */
export function useLeadEvents(): void {
  const qc = useQueryClient();
  useEffect(() => onEvent('leads:changed', () => void qc.invalidateQueries({ queryKey: leadKeys.all })), [qc]);
}

export const useLeads = (req: ListLeadsRequest) =>
  useQuery({ queryKey: leadKeys.list(req), queryFn: () => listLeads(req), placeholderData: keepPreviousData });

export const useLead = (id: string | null) =>
  useQuery({ queryKey: leadKeys.lead(id ?? ''), queryFn: () => getLead(id ?? ''), enabled: !!id });

/** Pipelines for the convert dialog's deal; refreshed with the deals area's own queries. */
export const useConversionPipelines = (enabled: boolean) =>
  useQuery({ queryKey: ['pipelines', 'conversion'], queryFn: conversionPipelines, enabled });

export const useScoringRules = () => useQuery({ queryKey: leadKeys.rules, queryFn: scoringRules });

function useLeadMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: leadKeys.all }) });
}

export const useCreateLead = () => useLeadMutation(createLead);
export const useUpdateLead = () =>
  useLeadMutation((a: { id: string; version: number; input: LeadInput }) => updateLead(a.id, a.version, a.input));
export const useDeleteLead = () => useLeadMutation(deleteLead);
export const useRestoreLead = () => useLeadMutation(restoreLead);
export const useSaveScoringRules = () => useLeadMutation(saveScoringRules);

/** Converts a lead; contacts, companies and deals refresh too. */
export function useConvertLead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string; version: number; req: ConvertLeadRequest }) => convertLead(a.id, a.version, a.req),
    onSuccess: () => {
      for (const key of [leadKeys.all, ['contacts'], ['companies'], ['deals']]) void qc.invalidateQueries({ queryKey: key });
    },
  });
}
