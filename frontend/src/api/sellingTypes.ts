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

// ---- Deals and pipelines (DealsService; app/deals_dto.go) ----

export interface Stage {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  probability: number;
}

export interface Pipeline {
  id: string;
  name: string;
  position: number;
  stages: Stage[];
}

/** A pipeline as saved: the stages in board order; a stage without id is new. */
export interface PipelineInput {
  id?: string;
  name: string;
  stages: { id?: string; name: string; probability: number }[];
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface DealContact {
  id: string;
  name: string;
}

export interface Deal {
  id: string;
  version: number;
  title: string;
  pipelineId: string;
  stageId: string;
  stageName: string;
  status: DealStatus;
  amount: Money;
  /** Converted to the home currency; null when no rate is known. */
  amountHome: Money | null;
  /** The effective probability (the override, else the stage's). */
  probability: number;
  probabilityOverride: number | null;
  /** amountHome × probability; null without a rate. */
  weighted: Money | null;
  expectedClose: string;
  ownerId: string;
  ownerName: string;
  companyId: string;
  companyName: string;
  leadId: string;
  contactIds: string[];
  contacts: DealContact[];
  closeReason: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string;
}

/** What the deal editor sends; `amount` is decimal text the backend parses. */
export interface DealInput {
  title: string;
  pipelineId: string;
  stageId: string;
  amount: string;
  currency: string;
  probability: number | null;
  expectedClose: string;
  ownerId: string;
  companyId: string;
  contactIds: string[];
  notes: string;
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
  /** UI only: a deal was just won or lost and the total is being recomputed. */
  pending?: boolean;
}

export interface Board {
  pipeline: Pipeline;
  columns: StageColumn[];
  won: ClosedTotal;
  lost: ClosedTotal;
  homeCurrency: string;
}

export interface BoardQuery {
  pipelineId: string;
  ownerId: string;
  query: string;
  limitPerStage: number;
}

export type DealSort = 'title' | 'amount' | 'expectedClose' | 'stage' | 'owner' | 'updated';

export interface DealTableQuery {
  pipelineId: string;
  ownerId: string;
  status: '' | DealStatus;
  query: string;
  sort: DealSort;
  desc: boolean;
  offset: number;
  limit: number;
}

export interface DealPage {
  items: Deal[];
  total: number;
  offset: number;
}

export interface StageVisit {
  stageId: string;
  stageName: string;
  status: string;
  enteredAt: string;
  leftAt: string;
}
