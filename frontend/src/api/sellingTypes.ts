// Types shared by the selling areas (owners, money, exchange rates); checked against the Go
// DTOs in contract.ts.

/** An amount from the backend: never do arithmetic on `minor`; show `text`. */
export interface Money {
  minor: number;
  currency: string;
  /** Written for the UI language by the backend (CLDR). */
  text: string;
  /** The plain number ("1234.50"): what an amount input starts from. */
  decimal: string;
}

export interface Owner {
  id: string;
  name: string;
  email: string;
  isMe: boolean;
}

export interface OwnerInput {
  id: string;
  name: string;
  email: string;
}

export interface CurrencyInfo {
  code: string;
  symbol: string;
  digits: number;
}

/** One unit of `currency` is `rate` units of the home currency from `date` (YYYY-MM-DD) on. */
export interface ExchangeRate {
  currency: string;
  date: string;
  rate: string;
}
