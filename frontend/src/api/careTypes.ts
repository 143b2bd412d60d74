// Types of customer feedback (NPS/CSAT) and support cases; checked against the Go DTOs in
// contract.ts.

export type FeedbackKind = 'nps' | 'csat';
export type FeedbackBand = 'promoter' | 'passive' | 'detractor' | 'satisfied' | 'neutral' | 'unsatisfied';

export interface FeedbackInput {
  contactId: string;
  kind: string;
  score: number;
  comment: string;
  /** RFC 3339, a date YYYY-MM-DD, or '' for now. */
  receivedAt: string;
  /** '' = the local profile. */
  ownerId: string;
}

export interface Feedback {
  id: string;
  version: number;
  contactId: string;
  contactName: string;
  companyId: string;
  companyName: string;
  kind: string;
  score: number;
  band: string;
  comment: string;
  receivedAt: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackQuery {
  contactId: string;
  companyId: string;
  kind: string;
  /** Inclusive dates (YYYY-MM-DD) in the user's zone, '' for no bound. */
  from: string;
  to: string;
  offset: number;
  limit: number;
}

export interface FeedbackPage {
  items: Feedback[];
  total: number;
  offset: number;
}

/** Whole days, both inclusive, in the user's zone. */
export interface DateRange {
  from: string;
  to: string;
}

/** Net Promoter Score; `responses` 0 means there is no score. */
export interface NPS {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number;
  num: number;
  den: number;
}

export interface CSAT {
  responses: number;
  satisfied: number;
  /** Rounded percentage of 4–5 answers. */
  share: number;
  /** Mean answer to one decimal ("4.3"), '' without answers. */
  mean: string;
}

export interface FeedbackMonth {
  month: string;
  nps: NPS;
  csat: CSAT;
}

export interface FeedbackSummary {
  from: string;
  to: string;
  count: number;
  nps: NPS;
  csat: CSAT;
  months: FeedbackMonth[];
}

export type CasePriority = 'low' | 'normal' | 'high' | 'urgent';
export type CaseStatus = 'open' | 'pending' | 'resolved' | 'closed';
export const CASE_PRIORITIES: CasePriority[] = ['low', 'normal', 'high', 'urgent'];
export const CASE_STATUSES: CaseStatus[] = ['open', 'pending', 'resolved', 'closed'];

export interface CaseInput {
  subject: string;
  description: string;
  contactId: string;
  companyId: string;
  priority: string;
  status: string;
  ownerId: string;
  /** Read by Open only: RFC 3339, YYYY-MM-DD or '' for now. */
  openedAt: string;
}

export interface Case {
  id: string;
  number: string;
  version: number;
  subject: string;
  description: string;
  contactId: string;
  contactName: string;
  companyId: string;
  companyName: string;
  priority: string;
  status: string;
  ownerId: string;
  openedAt: string;
  /** '' while not resolved. */
  resolvedAt: string;
  /** Whole minutes from opening to resolution, -1 while not resolved. */
  resolutionMinutes: number;
  createdAt: string;
  updatedAt: string;
}

export type CaseSort = 'opened' | 'updated' | 'priority' | 'number' | 'subject';

export interface CaseQuery {
  statuses: string[];
  priorities: string[];
  ownerId: string;
  contactId: string;
  companyId: string;
  text: string;
  sort: string;
  desc: boolean;
  offset: number;
  limit: number;
}

export interface CasePage {
  items: Case[];
  total: number;
  offset: number;
}

export interface PriorityCount {
  priority: string;
  count: number;
}

export interface CaseStats {
  resolved: number;
  meanHours: number;
  medianHours: number;
  open: number;
  pending: number;
  /** One entry per priority, urgent first. */
  backlog: PriorityCount[];
}
