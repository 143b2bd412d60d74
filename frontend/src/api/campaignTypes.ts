// Campaigns (CampaignsService, app/campaigns.go); checked against the Go DTOs in contract.ts.
import type { ContactSummary } from './types';
import type { Money } from './sellingTypes';

export type CampaignChannel = 'email' | 'phone' | 'event' | 'ads' | 'social' | 'mail' | 'other';

export const CAMPAIGN_CHANNELS: readonly CampaignChannel[] = ['email', 'phone', 'event', 'ads', 'social', 'mail', 'other'];

/**
 * A campaign's results. Ratios are basis points (1/100 of a percent), null when undefined:
 * nobody targeted (response rate), a zero cost or a missing exchange rate (ROI).
 */
export interface CampaignStats {
  targeted: number;
  responded: number;
  responseRate: number | null;
  deals: number;
  won: number;
  /** Won deals' amounts in the home currency. */
  revenue: Money;
  /** The cost in the home currency; null when no rate converts it. */
  cost: Money | null;
  roi: number | null;
  missingRates: string[];
  homeCurrency: string;
}

export interface Campaign {
  id: string;
  version: number;
  name: string;
  channel: string;
  cost: Money;
  startsOn: string;
  endsOn: string;
  filterId: string;
  ownerId: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  stats: CampaignStats;
}

/** A campaign as typed: the cost as text (parsed by the backend), dates YYYY-MM-DD or "". */
export interface CampaignInput {
  name: string;
  channel: string;
  cost: string;
  currency: string;
  startsOn: string;
  endsOn: string;
  filterId: string;
  ownerId: string;
  notes: string;
}

export interface ContactFilter {
  query: string;
  tags: string[];
  companyId: string;
  hasEmail: boolean;
}

export interface SavedFilter {
  id: string;
  name: string;
  filter: ContactFilter;
}

export interface SavedFilterInput {
  id: string;
  name: string;
  filter: ContactFilter;
}

export interface FilterPreview {
  total: number;
  sample: ContactSummary[];
}

/** A targeted contact; respondedAt "" when it has not responded. */
export interface CampaignContact {
  contactId: string;
  name: string;
  email: string;
  addedAt: string;
  respondedAt: string;
  response: string;
}

export interface CampaignContactPage {
  items: CampaignContact[];
  total: number;
  offset: number;
}

export interface CampaignDeal {
  id: string;
  title: string;
  status: string;
  stageName: string;
  amount: Money;
  closedAt: string;
}
