import type { Pipeline, PipelineInput } from '../api';

/** A stage row of the pipeline editor; `key` is stable across edits (the id, or a new one). */
export interface StageRow {
  key: string;
  id?: string;
  name: string;
  /** Default probability as typed ("25"). */
  probability: string;
}

export interface PipelineDraft {
  id?: string;
  name: string;
  stages: StageRow[];
}

let counter = 0;
/** A key for a stage row that has no id yet. */
export function newStageKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export function draftFromPipeline(p: Pipeline): PipelineDraft {
  return {
    id: p.id,
    name: p.name,
    stages: [...p.stages].sort((a, b) => a.position - b.position).map((s) => ({ key: s.id, id: s.id, name: s.name, probability: String(s.probability) })),
  };
}

/** Moves the row at `from` to `to` (array order is the board's order). */
export function moveRow<T>(rows: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= rows.length || to >= rows.length) return rows;
  const next = rows.slice();
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row);
  return next;
}

/** i18n keys of what is wrong with the draft; empty when it can be saved. */
export function draftProblems(d: PipelineDraft): string[] {
  const problems: string[] = [];
  if (!d.name.trim()) problems.push('selling.pipelines.errors.name');
  if (d.stages.length === 0) problems.push('selling.pipelines.errors.noStages');
  if (d.stages.some((s) => !s.name.trim())) problems.push('selling.pipelines.errors.stageName');
  if (d.stages.some((s) => !/^\d{1,3}$/.test(s.probability.trim()) || Number(s.probability) > 100)) problems.push('selling.pipelines.errors.probability');
  return problems;
}

export function inputFromDraft(d: PipelineDraft): PipelineInput {
  return {
    id: d.id ?? '',
    name: d.name.trim(),
    stages: d.stages.map((s) => ({ id: s.id ?? '', name: s.name.trim(), probability: Number(s.probability.trim()) })),
  };
}
