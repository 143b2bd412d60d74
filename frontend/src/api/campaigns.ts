// Campaigns: wrappers over CampaignsService with normalisers (hooks in campaignHooks.ts).
import { invoke } from './backend';
import { raw } from './bindings';
import { contactSummary } from './normalize';
import type { Money } from './sellingTypes';
import type {
  Campaign,
  CampaignContact,
  CampaignContactPage,
  CampaignDeal,
  CampaignInput,
  CampaignStats,
  ContactFilter,
  FilterPreview,
  SavedFilter,
  SavedFilterInput,
} from './campaignTypes';

const S = 'CampaignsService';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const list = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);

export function money(v: unknown): Money {
  const o = obj(v);
  return { minor: num(o.minor), currency: str(o.currency), text: str(o.text), decimal: str(o.decimal) };
}

export function campaignStats(v: unknown): CampaignStats {
  const o = obj(v);
  return {
    targeted: num(o.targeted),
    responded: num(o.responded),
    responseRate: numOrNull(o.responseRate),
    deals: num(o.deals),
    won: num(o.won),
    revenue: money(o.revenue),
    cost: o.cost ? money(o.cost) : null,
    roi: numOrNull(o.roi),
    missingRates: strs(o.missingRates),
    homeCurrency: str(o.homeCurrency),
  };
}

export function campaign(v: unknown): Campaign {
  const o = obj(v);
  return {
    id: str(o.id),
    version: num(o.version),
    name: str(o.name),
    channel: str(o.channel) || 'other',
    cost: money(o.cost),
    startsOn: str(o.startsOn),
    endsOn: str(o.endsOn),
    filterId: str(o.filterId),
    ownerId: str(o.ownerId),
    notes: str(o.notes),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
    stats: campaignStats(o.stats),
  };
}

export function contactFilter(v: unknown): ContactFilter {
  const o = obj(v);
  return { query: str(o.query), tags: strs(o.tags), companyId: str(o.companyId), hasEmail: o.hasEmail === true };
}

function savedFilter(v: unknown): SavedFilter {
  const o = obj(v);
  return { id: str(o.id), name: str(o.name), filter: contactFilter(o.filter) };
}

function campaignContact(v: unknown): CampaignContact {
  const o = obj(v);
  return {
    contactId: str(o.contactId),
    name: str(o.name),
    email: str(o.email),
    addedAt: str(o.addedAt),
    respondedAt: str(o.respondedAt),
    response: str(o.response),
  };
}

function campaignDeal(v: unknown): CampaignDeal {
  const o = obj(v);
  return {
    id: str(o.id),
    title: str(o.title),
    status: str(o.status),
    stageName: str(o.stageName),
    amount: money(o.amount),
    closedAt: str(o.closedAt),
  };
}

export async function listCampaigns(): Promise<Campaign[]> {
  return list(await invoke<unknown>(S, 'List', () => raw.campaigns.list()), campaign);
}
export async function getCampaign(id: string): Promise<Campaign> {
  return campaign(await invoke<unknown>(S, 'Get', () => raw.campaigns.get(id)));
}
export async function createCampaign(input: CampaignInput): Promise<Campaign> {
  return campaign(await invoke<unknown>(S, 'Create', () => raw.campaigns.create(input)));
}
export async function updateCampaign(id: string, version: number, input: CampaignInput): Promise<Campaign> {
  return campaign(await invoke<unknown>(S, 'Update', () => raw.campaigns.update(id, version, input)));
}
export async function deleteCampaign(id: string): Promise<void> {
  await invoke<unknown>(S, 'Delete', () => raw.campaigns.delete(id));
}
export async function restoreCampaign(id: string): Promise<Campaign> {
  return campaign(await invoke<unknown>(S, 'Restore', () => raw.campaigns.restore(id)));
}
export async function listFilters(): Promise<SavedFilter[]> {
  return list(await invoke<unknown>(S, 'Filters', () => raw.campaigns.filters()), savedFilter);
}
export async function saveFilter(input: SavedFilterInput): Promise<SavedFilter> {
  return savedFilter(await invoke<unknown>(S, 'SaveFilter', () => raw.campaigns.saveFilter(input)));
}
export async function deleteFilter(id: string): Promise<void> {
  await invoke<unknown>(S, 'DeleteFilter', () => raw.campaigns.deleteFilter(id));
}
export async function previewFilter(f: ContactFilter, limit: number): Promise<FilterPreview> {
  const o = obj(await invoke<unknown>(S, 'PreviewFilter', () => raw.campaigns.previewFilter(f, limit)));
  return { total: num(o.total), sample: list(o.sample, contactSummary) };
}
export async function targetCampaign(id: string): Promise<number> {
  return num(await invoke<unknown>(S, 'Target', () => raw.campaigns.target(id)));
}
export async function campaignContacts(id: string, offset: number, limit: number): Promise<CampaignContactPage> {
  const o = obj(await invoke<unknown>(S, 'Contacts', () => raw.campaigns.contacts(id, offset, limit)));
  return { items: list(o.items, campaignContact), total: num(o.total), offset: num(o.offset) };
}
export async function recordResponse(campaignId: string, contactId: string, response: string, responded: boolean): Promise<void> {
  await invoke<unknown>(S, 'RecordResponse', () => raw.campaigns.recordResponse(campaignId, contactId, response, responded));
}
export async function attributeDeal(dealId: string, campaignId: string): Promise<void> {
  await invoke<unknown>(S, 'AttributeDeal', () => raw.campaigns.attributeDeal(dealId, campaignId));
}
export async function dealCampaign(dealId: string): Promise<string> {
  return str(await invoke<unknown>(S, 'DealCampaign', () => raw.campaigns.dealCampaign(dealId)));
}
export async function campaignDeals(id: string): Promise<CampaignDeal[]> {
  return list(await invoke<unknown>(S, 'Deals', () => raw.campaigns.deals(id)), campaignDeal);
}

/** A deal the "attribute a deal" picker offers. */
export interface DealChoice {
  id: string;
  title: string;
  status: string;
  amount: string;
}

/** Deals whose title or company matches query (the first 20 by last update), for the picker. */
export async function findDeals(query: string): Promise<DealChoice[]> {
  const page = obj(
    await invoke<unknown>('DealsService', 'Table', () =>
      raw.deals.table({ pipelineId: '', ownerId: '', status: '', query, sort: 'updated', desc: true, offset: 0, limit: 20 }),
    ),
  );
  return list(page.items, (v) => {
    const o = obj(v);
    return { id: str(o.id), title: str(o.title), status: str(o.status), amount: money(o.amount).text };
  });
}
