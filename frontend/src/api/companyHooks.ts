import { useEffect } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  companyPeople,
  contactPhoto,
  createCompany,
  createCustomField,
  deleteCompany,
  deleteCustomField,
  getCompany,
  listCompanies,
  listCustomFields,
  phoneRegions,
  removeContactPhoto,
  reorderCustomFields,
  setContactPhoto,
  setPhoneRegion,
  updateCompany,
  updateCustomField,
} from './companies';
import { onEvent } from './events';
import { queryKeys } from './hooks';
import type { Company, CompanyInput, CustomFieldInput } from './types';

export const companyKeys = {
  companies: ['companies'] as const,
  list: (query: string, limit: number) => ['companies', 'list', query, limit] as const,
  company: (id: string) => ['companies', 'detail', id] as const,
  people: (id: string, limit: number) => ['companies', 'people', id, limit] as const,
  customFields: ['customFields'] as const,
  /** Under ['contacts'] so contacts:changed refreshes it. */
  photo: (id: string) => ['contacts', 'photo', id] as const,
  phoneRegions: ['phoneRegions'] as const,
};

/** Refreshes companies and custom fields when the backend says they changed. Mount once. */
export function useCompanyEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refreshCompanies = () => void qc.invalidateQueries({ queryKey: companyKeys.companies });
    // A contact's company text decides which company it belongs to.
    const offContacts = onEvent('contacts:changed', refreshCompanies);
    const offCompanies = onEvent('companies:changed', refreshCompanies);
    const offFields = onEvent('customfields:changed', () => {
      void qc.invalidateQueries({ queryKey: companyKeys.customFields });
      void qc.invalidateQueries({ queryKey: queryKeys.contacts });
    });
    return () => {
      offContacts();
      offCompanies();
      offFields();
    };
  }, [qc]);
}

/** Companies matching query, in pages of `pageSize` (fetchNextPage loads more). */
export function useCompanies(query: string, pageSize: number) {
  return useInfiniteQuery({
    queryKey: companyKeys.list(query, pageSize),
    queryFn: ({ pageParam }) => listCompanies({ query, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total && last.items.length > 0 ? last.offset + last.items.length : undefined),
    placeholderData: (prev) => prev,
  });
}

export function useCompany(id: string | null) {
  return useQuery({
    queryKey: companyKeys.company(id ?? ''),
    queryFn: () => getCompany(id as string),
    enabled: !!id,
  });
}

export function useCompanyPeople(id: string | null, limit: number) {
  return useQuery({
    queryKey: companyKeys.people(id ?? '', limit),
    queryFn: () => companyPeople(id as string, 0, limit),
    enabled: !!id,
    placeholderData: (prev) => prev,
  });
}

function useAfterCompanyWrite() {
  const qc = useQueryClient();
  return (c?: Company) => {
    if (c) qc.setQueryData(companyKeys.company(c.id), c);
    void qc.invalidateQueries({ queryKey: companyKeys.companies });
    // A rename changes the company text of its people.
    void qc.invalidateQueries({ queryKey: queryKeys.contacts });
  };
}

export function useCreateCompany() {
  const after = useAfterCompanyWrite();
  return useMutation({ mutationFn: (input: CompanyInput) => createCompany(input), onSuccess: after });
}

export function useUpdateCompany() {
  const after = useAfterCompanyWrite();
  return useMutation({
    mutationFn: (v: { id: string; version: number; input: CompanyInput }) => updateCompany(v.id, v.version, v.input),
    onSuccess: after,
  });
}

export function useDeleteCompany() {
  const after = useAfterCompanyWrite();
  return useMutation({ mutationFn: (id: string) => deleteCompany(id), onSuccess: () => after() });
}

export function useCustomFields() {
  return useQuery({ queryKey: companyKeys.customFields, queryFn: listCustomFields, staleTime: Infinity });
}

function useAfterFieldWrite() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: companyKeys.customFields });
}

export function useCreateCustomField() {
  const after = useAfterFieldWrite();
  return useMutation({ mutationFn: (input: CustomFieldInput) => createCustomField(input), onSuccess: after });
}

export function useUpdateCustomField() {
  const after = useAfterFieldWrite();
  return useMutation({
    mutationFn: (v: { id: string; input: CustomFieldInput }) => updateCustomField(v.id, v.input),
    onSuccess: after,
  });
}

export function useDeleteCustomField() {
  const after = useAfterFieldWrite();
  return useMutation({ mutationFn: (id: string) => deleteCustomField(id), onSuccess: after });
}

export function useReorderCustomFields() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => reorderCustomFields(ids),
    onSuccess: (fields) => qc.setQueryData(companyKeys.customFields, fields),
  });
}

export function useContactPhoto(id: string | null) {
  return useQuery({
    queryKey: companyKeys.photo(id ?? ''),
    queryFn: () => contactPhoto(id as string),
    enabled: !!id,
  });
}

export function useSetContactPhoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; dataUrl: string; mime: string }) => setContactPhoto(v.id, v.dataUrl, v.mime),
    onSuccess: (url, v) => qc.setQueryData(companyKeys.photo(v.id), url),
  });
}

export function useRemoveContactPhoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => removeContactPhoto(id),
    onSuccess: (_v, id) => qc.setQueryData(companyKeys.photo(id), ''),
  });
}

export function usePhoneRegions() {
  return useQuery({ queryKey: companyKeys.phoneRegions, queryFn: phoneRegions, staleTime: Infinity });
}

export function useSetPhoneRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (region: string) => setPhoneRegion(region),
    onSuccess: (s) => {
      qc.setQueryData(queryKeys.settings, s);
      void qc.invalidateQueries({ queryKey: queryKeys.contacts });
    },
  });
}
