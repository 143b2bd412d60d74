import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './sellingNormalize';
import type { Board, BoardQuery, Deal, DealInput, DealPage, DealTableQuery, Pipeline, PipelineInput, StageVisit } from './sellingTypes';

const S = 'DealsService';

export async function listPipelines(): Promise<Pipeline[]> {
  return n.list(await invoke<unknown>(S, 'Pipelines', () => raw.deals.pipelines()), n.pipeline);
}

/** Stages are saved in array order; removing a stage with open deals fails with stage_not_empty. */
export async function savePipeline(input: PipelineInput): Promise<Pipeline> {
  return n.pipeline(await invoke<unknown>(S, 'SavePipeline', () => raw.deals.savePipeline(input)));
}

/** Fails with pipeline_not_empty while the pipeline has deals. */
export async function deletePipeline(id: string): Promise<void> {
  await invoke<unknown>(S, 'DeletePipeline', () => raw.deals.deletePipeline(id));
}

export async function dealBoard(q: BoardQuery): Promise<Board> {
  return n.board(await invoke<unknown>(S, 'Board', () => raw.deals.board(q)));
}

export async function dealTable(q: DealTableQuery): Promise<DealPage> {
  const query = { ...q, offset: Math.max(Math.trunc(q.offset), 0), limit: Math.min(Math.max(Math.trunc(q.limit), 1), 500) };
  return n.dealPage(await invoke<unknown>(S, 'Table', () => raw.deals.table(query)));
}

export async function getDeal(id: string): Promise<Deal> {
  return n.deal(await invoke<unknown>(S, 'Get', () => raw.deals.get(id)));
}

export async function dealHistory(id: string): Promise<StageVisit[]> {
  return n.list(await invoke<unknown>(S, 'History', () => raw.deals.history(id)), n.stageVisit);
}

/** Fails with deal_invalid, amount_invalid or currency_invalid (field names the input). */
export async function createDeal(input: DealInput): Promise<Deal> {
  return n.deal(await invoke<unknown>(S, 'Create', () => raw.deals.create(input)));
}

/** `version` must be the one the edit started from, else version_conflict. */
export async function updateDeal(id: string, version: number, input: DealInput): Promise<Deal> {
  return n.deal(await invoke<unknown>(S, 'Update', () => raw.deals.update(id, version, input)));
}

export async function deleteDeal(id: string): Promise<void> {
  await invoke<unknown>(S, 'Delete', () => raw.deals.delete(id));
}

/** Undoes Delete. */
export async function restoreDeal(id: string): Promise<void> {
  await invoke<unknown>(S, 'Restore', () => raw.deals.restore(id));
}

/** Moves an open deal to another stage of its pipeline (a drag on the board). */
export async function moveDeal(id: string, version: number, stageId: string): Promise<Deal> {
  return n.deal(await invoke<unknown>(S, 'Move', () => raw.deals.move(id, version, stageId)));
}

export async function winDeal(id: string, version: number, reason: string): Promise<Deal> {
  return n.deal(await invoke<unknown>(S, 'Win', () => raw.deals.win(id, version, reason)));
}

export async function loseDeal(id: string, version: number, reason: string): Promise<Deal> {
  return n.deal(await invoke<unknown>(S, 'Lose', () => raw.deals.lose(id, version, reason)));
}

export async function reopenDeal(id: string, version: number): Promise<Deal> {
  return n.deal(await invoke<unknown>(S, 'Reopen', () => raw.deals.reopen(id, version)));
}

export async function companyDeals(companyId: string): Promise<Deal[]> {
  return n.list(await invoke<unknown>(S, 'ForCompany', () => raw.deals.forCompany(companyId)), n.deal);
}

export async function contactDeals(contactId: string): Promise<Deal[]> {
  return n.list(await invoke<unknown>(S, 'ForContact', () => raw.deals.forContact(contactId)), n.deal);
}
