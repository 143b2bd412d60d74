// TanStack Query hooks of customer feedback and support cases.
import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  caseStatsFor,
  companyCases,
  companyFeedback,
  contactCases,
  contactFeedback,
  deleteCase,
  deleteFeedback,
  feedbackSummary,
  listCases,
  listFeedback,
  openCase,
  recordFeedback,
  reopenCase,
  resolveCase,
  restoreCase,
  restoreFeedback,
  updateCase,
  updateFeedback,
} from './care';
import type { Case, CaseInput, CaseQuery, DateRange, FeedbackInput, FeedbackQuery } from './careTypes';
import { onEvent } from './events';

export const careKeys = {
  feedback: ['feedback'] as const,
  feedbackList: (q: FeedbackQuery) => ['feedback', 'list', q] as const,
  feedbackSummary: (r: DateRange) => ['feedback', 'summary', r] as const,
  contactFeedback: (id: string) => ['feedback', 'contact', id] as const,
  companyFeedback: (id: string) => ['feedback', 'company', id] as const,
  cases: ['cases'] as const,
  caseList: (q: CaseQuery) => ['cases', 'list', q] as const,
  caseStats: (r: DateRange) => ['cases', 'stats', r] as const,
  contactCases: (id: string) => ['cases', 'contact', id] as const,
  companyCases: (id: string) => ['cases', 'company', id] as const,
};

/** Refreshes feedback and cases when the backend says they (or the names they show) changed. Mount once. */
export function useCareEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const feedback = () => void qc.invalidateQueries({ queryKey: careKeys.feedback });
    const cases = () => void qc.invalidateQueries({ queryKey: careKeys.cases });
    const both = () => {
      feedback();
      cases();
    };
    const offs = [
      onEvent('feedback:changed', feedback),
      onEvent('cases:changed', cases),
      onEvent('contacts:changed', both),
      onEvent('companies:changed', both),
    ];
    return () => offs.forEach((off) => off());
  }, [qc]);
}

export const useFeedbackList = (q: FeedbackQuery) =>
  useQuery({ queryKey: careKeys.feedbackList(q), queryFn: () => listFeedback(q), placeholderData: keepPreviousData });
export const useFeedbackSummary = (r: DateRange) =>
  useQuery({ queryKey: careKeys.feedbackSummary(r), queryFn: () => feedbackSummary(r), placeholderData: keepPreviousData });
export const useContactFeedback = (id: string) => useQuery({ queryKey: careKeys.contactFeedback(id), queryFn: () => contactFeedback(id) });
export const useCompanyFeedback = (id: string) => useQuery({ queryKey: careKeys.companyFeedback(id), queryFn: () => companyFeedback(id) });
export const useCaseList = (q: CaseQuery) =>
  useQuery({ queryKey: careKeys.caseList(q), queryFn: () => listCases(q), placeholderData: keepPreviousData });
export const useCaseStats = (r: DateRange) =>
  useQuery({ queryKey: careKeys.caseStats(r), queryFn: () => caseStatsFor(r), placeholderData: keepPreviousData });
export const useContactCases = (id: string) => useQuery({ queryKey: careKeys.contactCases(id), queryFn: () => contactCases(id) });
export const useCompanyCases = (id: string) => useQuery({ queryKey: careKeys.companyCases(id), queryFn: () => companyCases(id) });

/** Wraps a write so that the feedback (or case) queries refresh after it even without events. */
function useCareMutation<A, R>(fn: (a: A) => Promise<R>, key: readonly string[]) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (a: A) => fn(a), onSuccess: () => void qc.invalidateQueries({ queryKey: key }) });
}

export const useRecordFeedback = () => useCareMutation(recordFeedback, careKeys.feedback);
export const useUpdateFeedback = () =>
  useCareMutation((a: { id: string; version: number; input: FeedbackInput }) => updateFeedback(a.id, a.version, a.input), careKeys.feedback);
export const useDeleteFeedback = () => useCareMutation(deleteFeedback, careKeys.feedback);
export const useRestoreFeedback = () => useCareMutation(restoreFeedback, careKeys.feedback);
export const useOpenCase = () => useCareMutation(openCase, careKeys.cases);
export const useUpdateCase = () =>
  useCareMutation((a: { id: string; version: number; input: CaseInput }) => updateCase(a.id, a.version, a.input), careKeys.cases);
export const useResolveCase = () => useCareMutation((c: Pick<Case, 'id' | 'version'>) => resolveCase(c.id, c.version), careKeys.cases);
export const useReopenCase = () => useCareMutation((c: Pick<Case, 'id' | 'version'>) => reopenCase(c.id, c.version), careKeys.cases);
export const useDeleteCase = () => useCareMutation(deleteCase, careKeys.cases);
export const useRestoreCase = () => useCareMutation(restoreCase, careKeys.cases);
