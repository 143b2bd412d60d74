// DTOs of the selling services (issue 6): OwnersService, CurrencyService and DealsService, as
// /tmp deals-api.md and docs/API.md name them (JSON lowerCamel). Money is never a number the UI
// computes with: `minor` is integer minor units, `text` the backend's formatted amount.

/** An amount in integer minor units of an ISO 4217 currency, with the backend's formatted text. */
export interface Money {
  minor: number;
  currency: string;
  text: string;
}

/** A person records belong to; `isMe` marks the local profile. */
export interface Owner {
  id: string;
  name: string;
  email: string;
  isMe: boolean;
}

export interface OwnerInput {
  id?: string;
  name: string;
  email: string;
}

/** An ISO 4217 currency the backend knows, with its number of decimals. */
export interface CurrencyInfo {
  code: string;
  name: string;
  digits: number;
}

/** One unit of `currency` was worth `rate` (decimal text) home units from `date` (YYYY-MM-DD) on. */
export interface ExchangeRate {
  currency: string;
  date: string;
  rate: string;
}

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
