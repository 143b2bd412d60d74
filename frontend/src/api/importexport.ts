// Import wizard and export dialog: typed wrappers over ImportExportService.
import { invoke } from './backend';
import { raw } from './bindings';
import { onEvent } from './events';
import * as n from './normalize';
import type { ContactInput } from './types';

const S = 'ImportExportService';

export type ImportFormat = '' | 'csv' | 'vcard' | 'ics';
export type DuplicateChoice = 'merge' | 'skip' | 'import';
export type ExportFormat = 'csv' | 'vcard3' | 'vcard4';

export interface ColumnChoice {
  index: number;
  /** "given_name", "email:work", "ignore", … */
  target: string;
}

export interface ImportRequest {
  path: string;
  format: ImportFormat;
  /** Forces a CSV file's charset; "" detects it. */
  charset: string;
  /** ",", ";", "\t" or "" (detect). */
  delimiter: string;
  columns: ColumnChoice[];
  onDuplicate: DuplicateChoice;
}

export interface ImportColumn {
  index: number;
  header: string;
  target: string;
  sample: string;
}

export interface ImportPreviewRecord {
  record: number;
  line: number;
  displayName: string;
  fields: ContactInput;
  /** "", or why it would be skipped: "empty", "invalid", "unreadable". */
  skip: string;
  problems: string[];
}

/** One meeting or task of an iCalendar file in the preview. */
export interface ImportCalendarItem {
  /** "event" or "task" */
  kind: string;
  line: number;
  title: string;
  /** Local start (a task's due) in timeZone: a wall clock "2026-03-02T09:00:00", or a date when allDay. */
  start: string;
  timeZone: string;
  allDay: boolean;
  recurring: boolean;
  /** "", or why it would be skipped: "unreadable", "invalid". */
  skip: string;
  problems: string[];
}

export interface ImportPreview {
  /** "csv", "vcard" or "ics" */
  format: string;
  encoding: string;
  bom: boolean;
  delimiter: string;
  source: string;
  language: string;
  columns: ImportColumn[];
  records: ImportPreviewRecord[];
  warnings: string[];
  targets: string[];
  /** An iCalendar file (format "ics"): its first meetings and tasks, and how many of each it holds. */
  items: ImportCalendarItem[];
  events: number;
  tasks: number;
}

export interface ImportProgress {
  jobId: string;
  bytesRead: number;
  bytesTotal: number;
  records: number;
  imported: number;
  merged: number;
  skipped: number;
}

export interface ImportEntry {
  record: number;
  line: number;
  name: string;
  /** skipped: unreadable, empty, invalid, duplicate; merged: email, phone, name; warnings: value_dropped, problem. */
  reason: string;
  detail: string;
  contactId: string;
}

export type ImportState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ImportJob {
  id: string;
  path: string;
  state: ImportState;
  progress: ImportProgress;
  format: string;
  records: number;
  imported: number;
  merged: number;
  skipped: number;
  mergedEntries: ImportEntry[];
  skippedEntries: ImportEntry[];
  warnings: ImportEntry[];
  warningCount: number;
  error: string;
}

export interface ExportRequest {
  format: ExportFormat;
  /** Contacts to export; empty with an empty query means every contact. */
  ids: string[];
  query: string;
  /** The file, or the folder when onePerContact. */
  path: string;
  onePerContact: boolean;
}

export interface ExportResult {
  count: number;
  paths: string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};

function contactInput(v: unknown): ContactInput {
  const { id: _id, version: _v, displayName: _d, createdAt: _c, updatedAt: _u, ...input } = n.contact(v);
  return input;
}

export function importProgress(v: unknown): ImportProgress {
  const o = obj(v);
  return {
    jobId: str(o.jobId),
    bytesRead: num(o.bytesRead),
    bytesTotal: num(o.bytesTotal),
    records: num(o.records),
    imported: num(o.imported),
    merged: num(o.merged),
    skipped: num(o.skipped),
  };
}

function importEntry(v: unknown): ImportEntry {
  const o = obj(v);
  return {
    record: num(o.record),
    line: num(o.line),
    name: str(o.name),
    reason: str(o.reason),
    detail: str(o.detail),
    contactId: str(o.contactId),
  };
}

export function importJob(v: unknown): ImportJob {
  const o = obj(v);
  const state = str(o.state);
  return {
    id: str(o.id),
    path: str(o.path),
    state: (['running', 'done', 'cancelled', 'failed'].includes(state) ? state : 'failed') as ImportState,
    progress: importProgress(o.progress),
    format: str(o.format),
    records: num(o.records),
    imported: num(o.imported),
    merged: num(o.merged),
    skipped: num(o.skipped),
    mergedEntries: n.list(o.mergedEntries, importEntry),
    skippedEntries: n.list(o.skippedEntries, importEntry),
    warnings: n.list(o.warnings, importEntry),
    warningCount: num(o.warningCount),
    error: str(o.error),
  };
}

export function importPreview(v: unknown): ImportPreview {
  const o = obj(v);
  return {
    format: str(o.format),
    encoding: str(o.encoding),
    bom: o.bom === true,
    delimiter: str(o.delimiter),
    source: str(o.source),
    language: str(o.language),
    columns: n.list(o.columns, (c) => {
      const x = obj(c);
      return { index: num(x.index), header: str(x.header), target: str(x.target), sample: str(x.sample) };
    }),
    records: n.list(o.records, (r) => {
      const x = obj(r);
      return {
        record: num(x.record),
        line: num(x.line),
        displayName: str(x.displayName),
        fields: contactInput(x.fields),
        skip: str(x.skip),
        problems: n.list(x.problems, str),
      };
    }),
    warnings: n.list(o.warnings, str),
    targets: n.list(o.targets, str),
    items: n.list(o.items, importCalendarItem),
    events: num(o.events),
    tasks: num(o.tasks),
  };
}

export function importCalendarItem(v: unknown): ImportCalendarItem {
  const x = obj(v);
  return {
    kind: str(x.kind),
    line: num(x.line),
    title: str(x.title),
    start: str(x.start),
    timeZone: str(x.timeZone),
    allDay: x.allDay === true,
    recurring: x.recurring === true,
    skip: str(x.skip),
    problems: n.list(x.problems, str),
  };
}

/** Detected format, encoding, delimiter, mapping and the first records. Fails with file_unreadable. */
export async function previewImport(req: ImportRequest): Promise<ImportPreview> {
  return importPreview(await invoke<unknown>(S, 'PreviewImport', () => raw.importExport.previewImport(req)));
}

/** Starts the import in the background; progress and the end come as events. Returns the job ID. */
export async function startImport(req: ImportRequest): Promise<string> {
  return str(await invoke<unknown>(S, 'StartImport', () => raw.importExport.startImport(req)));
}

export async function cancelImport(id: string): Promise<void> {
  await invoke<unknown>(S, 'CancelImport', () => raw.importExport.cancelImport(id));
}

export async function importResult(id: string): Promise<ImportJob> {
  return importJob(await invoke<unknown>(S, 'ImportResult', () => raw.importExport.importResult(id)));
}

/** The native open dialog; "" when the user cancels. */
export async function chooseImportFile(): Promise<string> {
  return str(await invoke<unknown>(S, 'ChooseImportFile', () => raw.importExport.chooseImportFile()));
}

export async function chooseExportFile(format: ExportFormat): Promise<string> {
  return str(await invoke<unknown>(S, 'ChooseExportFile', () => raw.importExport.chooseExportFile(format)));
}

export async function chooseExportFolder(): Promise<string> {
  return str(await invoke<unknown>(S, 'ChooseExportFolder', () => raw.importExport.chooseExportFolder()));
}

export async function exportContacts(req: ExportRequest): Promise<ExportResult> {
  const o = obj(await invoke<unknown>(S, 'ExportContacts', () => raw.importExport.exportContacts(req)));
  return { count: num(o.count), paths: n.list(o.paths, str) };
}

/** import:progress events. */
export function onImportProgress(cb: (p: ImportProgress) => void): () => void {
  return onEvent('import:progress', (data) => cb(importProgress(data)));
}

/** import:done events (the finished job). */
export function onImportDone(cb: (job: ImportJob) => void): () => void {
  return onEvent('import:done', (data) => cb(importJob(data)));
}
