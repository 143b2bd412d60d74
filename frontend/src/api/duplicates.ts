// Duplicates and merge: types, calls and hooks over DuplicatesService. Part of the api layer, so it
// may import the generated bindings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as DuplicatesService from '../../wailsjs/go/app/DuplicatesService';
import type { app } from '../../wailsjs/go/models';
import { invoke } from './backend';
import * as n from './normalize';
import type { Contact, ContactSummary } from './types';
import { queryKeys } from './hooks';

export type DuplicateReason = 'email' | 'phone' | 'name';
export type MergeSide = 'keep' | 'other';
/** Per one-value field, whose value the merged record takes. */
export type MergeChoices = Record<string, MergeSide>;

export interface DuplicateSide extends ContactSummary {
  createdAt: string;
  version: number;
}

export interface DuplicatePair {
  a: DuplicateSide;
  b: DuplicateSide;
  reasons: DuplicateReason[];
  score: number;
}

export interface DuplicateList {
  pairs: DuplicatePair[];
  total: number;
}

export interface MergePreview {
  keep: Contact;
  other: Contact;
  merged: Contact;
  /** The one-value fields a side is picked for, in form order. */
  fields: string[];
}

export interface MergeResult {
  contact: Contact;
  mergeId: string;
}

export interface UndoMergeResult {
  keep: Contact;
  other: Contact;
}

export interface MergeSummary {
  id: string;
  keepId: string;
  keepName: string;
  otherId: string;
  otherName: string;
  createdAt: string;
  undone: boolean;
}

/** Compile-time check against the generated models (see contract.ts). */
type Fields<C> = { [K in keyof C as C[K] extends (...args: never[]) => unknown ? never : K]: C[K] };
type Assignable<A extends B, B> = [A, B];
export type DuplicatesContract = [
  Assignable<Omit<Fields<app.DuplicateSide>, never>, Omit<DuplicateSide, never>>,
  Assignable<Omit<Fields<app.DuplicatePair>, 'a' | 'b' | 'reasons'>, Omit<DuplicatePair, 'a' | 'b' | 'reasons'>>,
  Assignable<Omit<Fields<app.DuplicateList>, 'pairs'>, Omit<DuplicateList, 'pairs'>>,
  Assignable<Fields<app.MergeSummary>, MergeSummary>,
  Assignable<Omit<Fields<app.MergeResult>, 'contact'>, Omit<MergeResult, 'contact'>>,
];

const S = 'DuplicatesService';
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function side(v: unknown): DuplicateSide {
  const o = obj(v);
  return { ...n.contactSummary(v), createdAt: str(o.createdAt), version: Number(o.version) || 0 };
}

function pair(v: unknown): DuplicatePair {
  const o = obj(v);
  return {
    a: side(o.a),
    b: side(o.b),
    reasons: list(o.reasons).filter((r): r is DuplicateReason => r === 'email' || r === 'phone' || r === 'name'),
    score: Number(o.score) || 0,
  };
}

export async function findDuplicates(): Promise<DuplicateList> {
  const o = obj(await invoke<unknown>(S, 'FindDuplicates', () => DuplicatesService.FindDuplicates()));
  return { pairs: list(o.pairs).map(pair), total: Number(o.total) || 0 };
}

export async function dismissDuplicate(a: string, b: string): Promise<void> {
  await invoke<unknown>(S, 'Dismiss', () => DuplicatesService.Dismiss(a, b));
}

export async function previewMerge(keepId: string, otherId: string, choices: MergeChoices): Promise<MergePreview> {
  const o = obj(await invoke<unknown>(S, 'PreviewMerge', () => DuplicatesService.PreviewMerge(keepId, otherId, choices)));
  return {
    keep: n.contact(o.keep),
    other: n.contact(o.other),
    merged: n.contact(o.merged),
    fields: list(o.fields).map(str),
  };
}

export async function mergeContacts(keepId: string, otherId: string, choices: MergeChoices): Promise<MergeResult> {
  const o = obj(await invoke<unknown>(S, 'Merge', () => DuplicatesService.Merge(keepId, otherId, choices)));
  return { contact: n.contact(o.contact), mergeId: str(o.mergeId) };
}

/** keepEdits: when the kept contact was edited since, restore only the other one. */
export async function undoMerge(mergeId: string, keepEdits = false): Promise<UndoMergeResult> {
  const o = obj(await invoke<unknown>(S, 'UndoMerge', () => DuplicatesService.UndoMerge(mergeId, keepEdits)));
  return { keep: n.contact(o.keep), other: n.contact(o.other) };
}

export async function recentMerges(): Promise<MergeSummary[]> {
  return list(await invoke<unknown>(S, 'RecentMerges', () => DuplicatesService.RecentMerges())).map((v) => {
    const o = obj(v);
    return {
      id: str(o.id),
      keepId: str(o.keepId),
      keepName: str(o.keepName),
      otherId: str(o.otherId),
      otherName: str(o.otherName),
      createdAt: str(o.createdAt),
      undone: o.undone === true,
    };
  });
}

export const duplicateKeys = {
  all: ['duplicates'] as const,
  list: ['duplicates', 'list'] as const,
  recent: ['duplicates', 'recent'] as const,
  preview: (keepId: string, otherId: string, choices: MergeChoices) =>
    ['duplicates', 'preview', keepId, otherId, choices] as const,
};

/** refetchOnMount 'always': the Duplicates view looks again each time it opens. */
export function useDuplicates(enabled = true, refetchOnMount: boolean | 'always' = true) {
  return useQuery({ queryKey: duplicateKeys.list, queryFn: findDuplicates, enabled, staleTime: 10_000, refetchOnMount });
}

export function useRecentMerges(enabled = true) {
  return useQuery({ queryKey: duplicateKeys.recent, queryFn: recentMerges, enabled, refetchOnMount: 'always' });
}

export function useMergePreview(keepId: string, otherId: string, choices: MergeChoices) {
  return useQuery({
    queryKey: duplicateKeys.preview(keepId, otherId, choices),
    queryFn: () => previewMerge(keepId, otherId, choices),
    placeholderData: (prev) => prev,
    staleTime: 0,
  });
}

function useAfterChange() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: duplicateKeys.all });
    void qc.invalidateQueries({ queryKey: queryKeys.contacts });
    void qc.invalidateQueries({ queryKey: queryKeys.status });
  };
}

export function useDismissDuplicate() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (v: { a: string; b: string }) => dismissDuplicate(v.a, v.b), onSuccess: after });
}

export function useMergeContacts() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (v: { keepId: string; otherId: string; choices: MergeChoices }) =>
      mergeContacts(v.keepId, v.otherId, v.choices),
    onSuccess: after,
  });
}

export function useUndoMerge() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (v: { mergeId: string; keepEdits?: boolean }) => undoMerge(v.mergeId, v.keepEdits),
    onSuccess: after,
  });
}
