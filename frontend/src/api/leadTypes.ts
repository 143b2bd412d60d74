// Leads, their scores and the scoring rules (LeadsService); checked against the Go DTOs in contract.ts.

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'unqualified' | 'converted';

/** Statuses a user can give a lead ("converted" only comes from a conversion). */
export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'qualified', 'unqualified'];

/** Sources the UI offers (translated); a source may be any other text too. */
export const LEAD_SOURCES = ['referral', 'web', 'trade_show', 'cold_list', 'partner', 'other'] as const;

export interface LeadInput {
  name: string;
  email: string;
  phone: string;
  companyName: string;
  title: string;
  source: string;
  status: string;
  ownerId: string;
  notes: string;
  industry: string;
  companySize: string;
  country: string;
}

export interface ScoreReason {
  ruleId: string;
  label: string;
  points: number;
}

export interface Lead extends LeadInput {
  id: string;
  version: number;
  score: number;
  scoreReasons: ScoreReason[];
  convertedContactId: string;
  convertedCompanyId: string;
  convertedDealId: string;
  convertedAt: string;
  createdAt: string;
  updatedAt: string;
}

export type LeadSort = 'score' | 'name' | 'newest';

export interface ListLeadsRequest {
  query: string;
  status: string;
  source: string;
  ownerId: string;
  sort: string;
  offset: number;
  limit: number;
}

export interface LeadPage {
  items: Lead[];
  total: number;
  offset: number;
}

export type RuleKind = 'source' | 'field' | 'engagement';
export type RuleOp = 'equals' | 'contains' | 'is_set' | 'count_at_least' | 'each';

export interface ScoringRule {
  id: string;
  label: string;
  kind: string;
  field: string;
  op: string;
  value: string;
  points: number;
}

/** Lead fields a field rule can look at. */
export const RULE_FIELDS = ['name', 'email', 'phone', 'company_name', 'title', 'source', 'industry', 'company_size', 'country'] as const;
/** Activity kinds an engagement rule can count. */
export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'visit', 'note'] as const;
/** The operators each kind of rule allows. */
export const RULE_OPS: Record<RuleKind, RuleOp[]> = {
  source: ['equals'],
  field: ['equals', 'contains', 'is_set'],
  engagement: ['count_at_least', 'each'],
};

export interface ConvertLeadRequest {
  companyId: string;
  createCompany: boolean;
  createDeal: boolean;
  dealTitle: string;
  pipelineId: string;
  stageId: string;
  /** Typed text; the backend parses it (never a float here). */
  amount: string;
  currency: string;
  ownerId: string;
}

export interface ConvertLeadResult {
  contactId: string;
  companyId: string;
  dealId: string;
}
