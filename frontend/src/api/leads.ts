// Leads: typed wrappers over LeadsService (hooks in leadHooks.ts).
import { invoke } from './backend';
import { raw } from './bindings';
import type {
  ConvertLeadRequest,
  ConvertLeadResult,
  Lead,
  LeadInput,
  LeadPage,
  ListLeadsRequest,
  ScoreReason,
  ScoringRule,
} from './leadTypes';
import type { Pipeline } from './dealTypes';

const L = 'LeadsService';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const list = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);

function reason(v: unknown): ScoreReason {
  const o = obj(v);
  return { ruleId: str(o.ruleId), label: str(o.label), points: num(o.points) };
}

/** A lead from the backend, with every field present (record data stays text). */
export function normalizeLead(v: unknown): Lead {
  const o = obj(v);
  return {
    id: str(o.id),
    version: num(o.version),
    name: str(o.name),
    email: str(o.email),
    phone: str(o.phone),
    companyName: str(o.companyName),
    title: str(o.title),
    source: str(o.source),
    status: str(o.status) || 'new',
    ownerId: str(o.ownerId),
    notes: str(o.notes),
    industry: str(o.industry),
    companySize: str(o.companySize),
    country: str(o.country),
    score: num(o.score),
    scoreReasons: list(o.scoreReasons, reason),
    convertedContactId: str(o.convertedContactId),
    convertedCompanyId: str(o.convertedCompanyId),
    convertedDealId: str(o.convertedDealId),
    convertedAt: str(o.convertedAt),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

export function normalizeRule(v: unknown): ScoringRule {
  const o = obj(v);
  return { id: str(o.id), label: str(o.label), kind: str(o.kind), field: str(o.field), op: str(o.op), value: str(o.value), points: num(o.points) };
}

export async function listLeads(req: ListLeadsRequest): Promise<LeadPage> {
  const p = obj(await invoke<unknown>(L, 'List', () => raw.leads.list(req)));
  return { items: list(p.items, normalizeLead), total: num(p.total), offset: num(p.offset) };
}
export async function getLead(id: string): Promise<Lead> {
  return normalizeLead(await invoke<unknown>(L, 'Get', () => raw.leads.get(id)));
}
export async function createLead(input: LeadInput): Promise<Lead> {
  return normalizeLead(await invoke<unknown>(L, 'Create', () => raw.leads.create(input)));
}
export async function updateLead(id: string, version: number, input: LeadInput): Promise<Lead> {
  return normalizeLead(await invoke<unknown>(L, 'Update', () => raw.leads.update(id, version, input)));
}
export async function deleteLead(id: string): Promise<void> {
  await invoke<unknown>(L, 'Delete', () => raw.leads.delete(id));
}
export async function restoreLead(id: string): Promise<Lead> {
  return normalizeLead(await invoke<unknown>(L, 'Restore', () => raw.leads.restore(id)));
}
export async function scoringRules(): Promise<ScoringRule[]> {
  return list(await invoke<unknown>(L, 'Rules', () => raw.leads.rules()), normalizeRule);
}
export async function saveScoringRules(rules: ScoringRule[]): Promise<ScoringRule[]> {
  return list(await invoke<unknown>(L, 'SaveRules', () => raw.leads.saveRules(rules)), normalizeRule);
}
export async function defaultScoringRules(): Promise<ScoringRule[]> {
  return list(await invoke<unknown>(L, 'DefaultRules', () => raw.leads.defaultRules()), normalizeRule);
}
export async function convertLead(id: string, version: number, req: ConvertLeadRequest): Promise<ConvertLeadResult> {
  const o = obj(await invoke<unknown>(L, 'Convert', () => raw.leads.convert(id, version, req)));
  return { contactId: str(o.contactId), companyId: str(o.companyId), dealId: str(o.dealId) };
}

/** The pipelines a conversion's deal can start in (DealsService.Pipelines, read here for the convert dialog). */
export async function conversionPipelines(): Promise<Pipeline[]> {
  return list(await invoke<unknown>('DealsService', 'Pipelines', () => raw.deals.pipelines()), (v) => {
    const o = obj(v);
    return {
      id: str(o.id),
      name: str(o.name),
      position: num(o.position),
      stages: list(o.stages, (x) => {
        const s = obj(x);
        return { id: str(s.id), pipelineId: str(s.pipelineId), name: str(s.name), position: num(s.position), probability: num(s.probability) };
      }),
    };
  });
}
