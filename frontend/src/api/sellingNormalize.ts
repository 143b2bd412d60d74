import type {
  Board,
  ClosedTotal,
  Deal,
  DealPage,
  DealStatus,
  Money,
  Pipeline,
  Stage,
  StageColumn,
  StageVisit,
} from './sellingTypes';

// Go encodes nil slices as null and nil pointers as null; the UI relies on arrays and strings.
// A malformed item never throws: it becomes an empty value.

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const arr = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});

export function list<T>(v: unknown, f: (x: unknown) => T): T[] {
  return arr(v, f);
}

export function money(v: unknown): Money {
  const o = obj(v);
  return { minor: num(o.minor), currency: str(o.currency), text: str(o.text), decimal: str(o.decimal) };
}

/** A Money that may be absent (no exchange rate). */
export function optionalMoney(v: unknown): Money | null {
  return v !== null && typeof v === 'object' ? money(v) : null;
}

export function stage(v: unknown): Stage {
  const o = obj(v);
  return { id: str(o.id), pipelineId: str(o.pipelineId), name: str(o.name), position: num(o.position), probability: num(o.probability) };
}

export function pipeline(v: unknown): Pipeline {
  const o = obj(v);
  return { id: str(o.id), name: str(o.name), position: num(o.position), stages: arr(o.stages, stage) };
}

const STATUSES: readonly DealStatus[] = ['open', 'won', 'lost'];

export function deal(v: unknown): Deal {
  const o = obj(v);
  const status = STATUSES.find((s) => s === o.status) ?? 'open';
  return {
    id: str(o.id),
    version: num(o.version),
    title: str(o.title),
    pipelineId: str(o.pipelineId),
    stageId: str(o.stageId),
    stageName: str(o.stageName),
    status,
    amount: money(o.amount),
    amountHome: optionalMoney(o.amountHome),
    probability: num(o.probability),
    probabilityOverride: typeof o.probabilityOverride === 'number' ? o.probabilityOverride : null,
    weighted: optionalMoney(o.weighted),
    expectedClose: str(o.expectedClose),
    ownerId: str(o.ownerId),
    ownerName: str(o.ownerName),
    companyId: str(o.companyId),
    companyName: str(o.companyName),
    leadId: str(o.leadId),
    contactIds: arr(o.contactIds, str),
    contacts: arr(o.contacts, (c) => ({ id: str(obj(c).id), name: str(obj(c).name) })),
    closeReason: str(o.closeReason),
    notes: str(o.notes),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
    closedAt: str(o.closedAt),
  };
}

function closedTotal(v: unknown): ClosedTotal {
  const o = obj(v);
  return { count: num(o.count), total: money(o.total), missingRates: arr(o.missingRates, str) };
}

export function column(v: unknown): StageColumn {
  const o = obj(v);
  return {
    stage: stage(o.stage),
    deals: arr(o.deals, deal),
    count: num(o.count),
    total: money(o.total),
    weighted: money(o.weighted),
    missingRates: arr(o.missingRates, str),
  };
}

export function board(v: unknown): Board {
  const o = obj(v);
  return {
    pipeline: pipeline(o.pipeline),
    columns: arr(o.columns, column),
    won: closedTotal(o.won),
    lost: closedTotal(o.lost),
    homeCurrency: str(o.homeCurrency),
    closedFrom: str(o.closedFrom),
    closedTo: str(o.closedTo),
  };
}

export function dealPage(v: unknown): DealPage {
  const o = obj(v);
  return { items: arr(o.items, deal), total: num(o.total), offset: num(o.offset) };
}

export function stageVisit(v: unknown): StageVisit {
  const o = obj(v);
  return { stageId: str(o.stageId), stageName: str(o.stageName), status: str(o.status), enteredAt: str(o.enteredAt), leftAt: str(o.leftAt) };
}
