import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './sellingNormalize';
import type { CurrencyInfo, ExchangeRate } from './sellingTypes';

const S = 'CurrencyService';

/** The home currency's ISO code (totals are shown in it). */
export async function getHomeCurrency(): Promise<string> {
  const v = await invoke<unknown>(S, 'Home', () => raw.currency.home());
  return typeof v === 'string' ? v : '';
}

export async function setHomeCurrency(code: string): Promise<void> {
  await invoke<unknown>(S, 'SetHome', () => raw.currency.setHome(code));
}

export async function listCurrencies(): Promise<CurrencyInfo[]> {
  return n.list(await invoke<unknown>(S, 'Currencies', () => raw.currency.currencies()), n.currencyInfo);
}

export async function listRates(): Promise<ExchangeRate[]> {
  return n.list(await invoke<unknown>(S, 'Rates', () => raw.currency.rates()), n.rate);
}

/** Adds or replaces the rate of a currency from a date on; `rate` is decimal text. */
export async function saveRate(r: ExchangeRate): Promise<void> {
  await invoke<unknown>(S, 'SaveRate', () => raw.currency.saveRate(r));
}

export async function deleteRate(currency: string, date: string): Promise<void> {
  await invoke<unknown>(S, 'DeleteRate', () => raw.currency.deleteRate(currency, date));
}
