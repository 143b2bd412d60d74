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

// ---- Deals and pipelines (DealsService) ----
// The wire types are dealTypes.ts (checked against the Go DTOs in contract.ts); the ones the UI
// reads after sellingNormalize are below: status narrowed, optional money made null, and
// UI-only flags for a board changed by a drag.

import type { Deal as WireDeal, Stage, Pipeline } from './dealTypes';

export type {
  Stage,
  Pipeline,
  StageInput,
  PipelineInput,
  DealStatus,
  DealInput,
  BoardQuery,
  DealSort,
  DealTableQuery,
  StageVisit,
} from './dealTypes';

export interface DealContact {
  id: string;
  name: string;
}

export interface Deal extends Omit<WireDeal, 'status' | 'amountHome' | 'probabilityOverride' | 'weighted'> {
  status: 'open' | 'won' | 'lost';
  /** Converted to the home currency; null when no rate is known. */
  amountHome: Money | null;
  probabilityOverride: number | null;
  /** amountHome × probability; null without a rate. */
  weighted: Money | null;
}

export interface StageColumn {
  stage: Stage;
  deals: Deal[];
  count: number;
  total: Money;
  weighted: Money;
  /** Currencies of deals in this column without an exchange rate (left out of the totals). */
  missingRates: string[];
  /** UI only: a move changed this column and its totals are being recomputed by the backend. */
  pending?: boolean;
}

export interface ClosedTotal {
  count: number;
  total: Money;
  missingRates: string[];
  /** UI only: a deal was just won or lost and the total is being recomputed. */
  pending?: boolean;
}

export interface Board {
  pipeline: Pipeline;
  columns: StageColumn[];
  won: ClosedTotal;
  lost: ClosedTotal;
  homeCurrency: string;
  /** The period won/lost cover (YYYY-MM-DD, end exclusive). */
  closedFrom: string;
  closedTo: string;
}

export interface DealPage {
  items: Deal[];
  total: number;
  offset: number;
}
