// Customer feedback (NPS/CSAT) and support cases: typed wrappers over the bound services (the
// hooks are in careHooks.ts, so tests can mock these calls).
import { invoke } from './backend';
import { raw } from './bindings';
import type {
  Case,
  CaseInput,
  CasePage,
  CaseQuery,
  CaseStats,
  CSAT,
  DateRange,
  Feedback,
  FeedbackInput,
  FeedbackPage,
  FeedbackQuery,
  FeedbackSummary,
  NPS,
} from './careTypes';

const F = 'FeedbackService';
const K = 'CasesService';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const list = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);

export function normalizeFeedback(v: unknown): Feedback {
  const o = obj(v);
  return {
    id: str(o.id),
    version: num(o.version),
    contactId: str(o.contactId),
    contactName: str(o.contactName),
    companyId: str(o.companyId),
    companyName: str(o.companyName),
    kind: str(o.kind),
    score: num(o.score),
    band: str(o.band),
    comment: str(o.comment),
    receivedAt: str(o.receivedAt),
    ownerId: str(o.ownerId),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

function feedbackPage(v: unknown): FeedbackPage {
  const o = obj(v);
  return { items: list(o.items, normalizeFeedback), total: num(o.total), offset: num(o.offset) };
}

function nps(v: unknown): NPS {
  const o = obj(v);
  return {
    responses: num(o.responses),
    promoters: num(o.promoters),
    passives: num(o.passives),
    detractors: num(o.detractors),
    score: num(o.score),
    num: num(o.num),
    den: num(o.den, 1),
  };
}

function csat(v: unknown): CSAT {
  const o = obj(v);
  return { responses: num(o.responses), satisfied: num(o.satisfied), share: num(o.share), mean: str(o.mean) };
}

export function normalizeSummary(v: unknown): FeedbackSummary {
  const o = obj(v);
  return {
    from: str(o.from),
    to: str(o.to),
    count: num(o.count),
    nps: nps(o.nps),
    csat: csat(o.csat),
    months: list(o.months, (m) => ({ month: str(obj(m).month), nps: nps(obj(m).nps), csat: csat(obj(m).csat) })),
  };
}

export function normalizeCase(v: unknown): Case {
  const o = obj(v);
  return {
    id: str(o.id),
    number: str(o.number),
    version: num(o.version),
    subject: str(o.subject),
    description: str(o.description),
    contactId: str(o.contactId),
    contactName: str(o.contactName),
    companyId: str(o.companyId),
    companyName: str(o.companyName),
    priority: str(o.priority),
    status: str(o.status),
    ownerId: str(o.ownerId),
    openedAt: str(o.openedAt),
    resolvedAt: str(o.resolvedAt),
    resolutionMinutes: num(o.resolutionMinutes, -1),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

function casePage(v: unknown): CasePage {
  const o = obj(v);
  return { items: list(o.items, normalizeCase), total: num(o.total), offset: num(o.offset) };
}

function caseStats(v: unknown): CaseStats {
  const o = obj(v);
  return {
    resolved: num(o.resolved),
    meanHours: num(o.meanHours),
    medianHours: num(o.medianHours),
    open: num(o.open),
    pending: num(o.pending),
    backlog: list(o.backlog, (p) => ({ priority: str(obj(p).priority), count: num(obj(p).count) })),
  };
}

export const recordFeedback = async (input: FeedbackInput) =>
  normalizeFeedback(await invoke<unknown>(F, 'Record', () => raw.feedback.record(input)));
export const updateFeedback = async (id: string, version: number, input: FeedbackInput) =>
  normalizeFeedback(await invoke<unknown>(F, 'Update', () => raw.feedback.update(id, version, input)));
export const deleteFeedback = async (id: string) => {
  await invoke<unknown>(F, 'Delete', () => raw.feedback.delete(id));
};
export const restoreFeedback = async (id: string) => normalizeFeedback(await invoke<unknown>(F, 'Restore', () => raw.feedback.restore(id)));
export const listFeedback = async (q: FeedbackQuery) => feedbackPage(await invoke<unknown>(F, 'List', () => raw.feedback.list(q)));
export const contactFeedback = async (id: string) => feedbackPage(await invoke<unknown>(F, 'ForContact', () => raw.feedback.forContact(id)));
export const companyFeedback = async (id: string) => feedbackPage(await invoke<unknown>(F, 'ForCompany', () => raw.feedback.forCompany(id)));
export const feedbackSummary = async (r: DateRange) => normalizeSummary(await invoke<unknown>(F, 'Summary', () => raw.feedback.summary(r)));

export const openCase = async (input: CaseInput) => normalizeCase(await invoke<unknown>(K, 'Open', () => raw.cases.open(input)));
export const updateCase = async (id: string, version: number, input: CaseInput) =>
  normalizeCase(await invoke<unknown>(K, 'Update', () => raw.cases.update(id, version, input)));
export const resolveCase = async (id: string, version: number) =>
  normalizeCase(await invoke<unknown>(K, 'Resolve', () => raw.cases.resolve(id, version)));
export const reopenCase = async (id: string, version: number) =>
  normalizeCase(await invoke<unknown>(K, 'Reopen', () => raw.cases.reopen(id, version)));
export const deleteCase = async (id: string) => {
  await invoke<unknown>(K, 'Delete', () => raw.cases.delete(id));
};
export const getCase = async (id: string) => normalizeCase(await invoke<unknown>(K, 'Get', () => raw.cases.get(id)));
export const restoreCase = async (id: string) => normalizeCase(await invoke<unknown>(K, 'Restore', () => raw.cases.restore(id)));
export const listCases = async (q: CaseQuery) => casePage(await invoke<unknown>(K, 'List', () => raw.cases.list(q)));
export const contactCases = async (id: string) => casePage(await invoke<unknown>(K, 'ForContact', () => raw.cases.forContact(id)));
export const companyCases = async (id: string) => casePage(await invoke<unknown>(K, 'ForCompany', () => raw.cases.forCompany(id)));
export const caseStatsFor = async (r: DateRange) => caseStats(await invoke<unknown>(K, 'Stats', () => raw.cases.stats(r)));

