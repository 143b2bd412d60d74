// Types of the deals area (DealsService); checked against the Go DTOs in contract.ts.
import type { Money } from './sellingTypes';

export interface Stage {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  /** The stage's default probability, 0..100. */
  probability: number;
}

export interface Pipeline {
  id: string;
  name: string;
  position: number;
  stages: Stage[];
}

export interface StageInput {
  /** '' for a new stage. */
  id: string;
  name: string;
  probability: number;
}

/** A new pipeline (id '') or an edit; stages in board order, a stage left out is removed. */
export interface PipelineInput {
  id: string;
  name: string;
  stages: StageInput[];
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface Deal {
  id: string;
  version: number;
  title: string;
  pipelineId: string;
  stageId: string;
  stageName: string;
  /** 'open' | 'won' | 'lost' */
  status: string;
  amount: Money;
  /** In the home currency; absent/null when no rate converts the deal's currency. */
  amountHome?: Money | null;
  /** Effective: 100 won, 0 lost, else the override or the stage's default. */
  probability: number;
  probabilityOverride?: number | null;
  /** amountHome × probability; absent/null without a rate. */
  weighted?: Money | null;
  /** YYYY-MM-DD or ''. */
  expectedClose: string;
  ownerId: string;
  ownerName: string;
  companyId: string;
  companyName: string;
  leadId: string;
  contactIds: string[];
  contacts: { id: string; name: string }[];
  closeReason: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** RFC 3339, '' while open. */
  closedAt: string;
}

/** What the editor sends: the amount as text (never a number), parsed by the backend. */
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
  /** The first limitPerStage deals (soonest expected close first). */
  deals: Deal[];
  count: number;
  /** Home currency. */
  total: Money;
  weighted: Money;
  /** Currencies left out of the totals for want of an exchange rate. */
  missingRates: string[];
}

export interface ClosedSummary {
  count: number;
  total: Money;
  missingRates: string[];
}

export interface Board {
  pipeline: Pipeline;
  columns: StageColumn[];
  /** Won / lost in [closedFrom, closedTo). */
  won: ClosedSummary;
  lost: ClosedSummary;
  homeCurrency: string;
  closedFrom: string;
  closedTo: string;
}

export interface BoardQuery {
  pipelineId: string;
  /** '' = all owners. */
  ownerId: string;
  /** Title or company contains. */
  query: string;
  limitPerStage: number;
  /** YYYY-MM-DD; both '' = this month. */
  closedFrom: string;
  closedTo: string;
}

export type DealSort = 'title' | 'amount' | 'expectedClose' | 'stage' | 'owner' | 'updated';

export interface DealTableQuery {
  pipelineId: string;
  ownerId: string;
  /** '' | 'open' | 'won' | 'lost' */
  status: string;
  query: string;
  /** DealSort; 'amount' sorts by the home-currency value. */
  sort: string;
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
  /** '' for the current visit. */
  leftAt: string;
}
