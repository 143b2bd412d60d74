// Owners (the local profile and colleagues), the home currency and exchange rates.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invoke } from './backend';
import { raw } from './bindings';
import { onEvent } from './events';
import type { CurrencyInfo, ExchangeRate, Owner, OwnerInput } from './sellingTypes';

const O = 'OwnersService';
const C = 'CurrencyService';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function owner(v: unknown): Owner {
  const o = (v ?? {}) as Record<string, unknown>;
  return { id: str(o.id), name: str(o.name), email: str(o.email), isMe: o.isMe === true };
}

function rate(v: unknown): ExchangeRate {
  const o = (v ?? {}) as Record<string, unknown>;
  return { currency: str(o.currency), date: str(o.date), rate: str(o.rate) };
}

const list = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);

export async function listOwners(): Promise<Owner[]> {
  return list(await invoke<unknown>(O, 'List', () => raw.owners.list()), owner);
}
export async function me(): Promise<Owner> {
  return owner(await invoke<unknown>(O, 'Me', () => raw.owners.me()));
}
export async function saveOwner(input: OwnerInput): Promise<Owner> {
  return owner(await invoke<unknown>(O, 'SaveOwner', () => raw.owners.saveOwner(input)));
}
export async function setMe(id: string): Promise<void> {
  await invoke<unknown>(O, 'SetMe', () => raw.owners.setMe(id));
}
export async function deleteOwner(id: string): Promise<void> {
  await invoke<unknown>(O, 'DeleteOwner', () => raw.owners.deleteOwner(id));
}

export async function homeCurrency(): Promise<string> {
  return str(await invoke<unknown>(C, 'Home', () => raw.currency.home()));
}
export async function setHomeCurrency(code: string): Promise<string> {
  return str(await invoke<unknown>(C, 'SetHome', () => raw.currency.setHome(code)));
}
export async function currencies(): Promise<CurrencyInfo[]> {
  return list(await invoke<unknown>(C, 'Currencies', () => raw.currency.currencies()), (v) => {
    const o = (v ?? {}) as Record<string, unknown>;
    return { code: str(o.code), symbol: str(o.symbol), digits: typeof o.digits === 'number' ? o.digits : 2 };
  });
}
export async function exchangeRates(): Promise<ExchangeRate[]> {
  return list(await invoke<unknown>(C, 'Rates', () => raw.currency.rates()), rate);
}
export async function saveExchangeRate(r: ExchangeRate): Promise<ExchangeRate> {
  return rate(await invoke<unknown>(C, 'SaveRate', () => raw.currency.saveRate(r)));
}
export async function deleteExchangeRate(currency: string, date: string): Promise<void> {
  await invoke<unknown>(C, 'DeleteRate', () => raw.currency.deleteRate(currency, date));
}

export const sellingKeys = {
  owners: ['owners'] as const,
  me: ['owners', 'me'] as const,
  currency: ['currency'] as const,
  home: ['currency', 'home'] as const,
  rates: ['currency', 'rates'] as const,
  currencies: ['currency', 'list'] as const,
};

/** Refreshes owners and currency data when the backend says they changed. Mount once. */
export function useSellingEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offOwners = onEvent('owners:changed', () => void qc.invalidateQueries({ queryKey: sellingKeys.owners }));
    const offCurrency = onEvent('currency:changed', () => void qc.invalidateQueries({ queryKey: sellingKeys.currency }));
    return () => {
      offOwners();
      offCurrency();
    };
  }, [qc]);
}

export const useOwners = () => useQuery({ queryKey: sellingKeys.owners, queryFn: listOwners });
export const useMe = () => useQuery({ queryKey: sellingKeys.me, queryFn: me });
export const useHomeCurrency = () => useQuery({ queryKey: sellingKeys.home, queryFn: homeCurrency });
export const useExchangeRates = () => useQuery({ queryKey: sellingKeys.rates, queryFn: exchangeRates });
export const useCurrencies = () => useQuery({ queryKey: sellingKeys.currencies, queryFn: currencies, staleTime: Infinity });

/** Saves an owner; the owners:changed event refreshes the lists. */
export function useSaveOwner() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: saveOwner, onSuccess: () => void qc.invalidateQueries({ queryKey: sellingKeys.owners }) });
}
