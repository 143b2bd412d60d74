import { invoke } from './backend';
import { raw } from './bindings';
import {
  isActivityKind,
  type Activity,
  type ActivityInput,
  type EmailMeta,
  type LoggedEmail,
  type TimelinePage,
  type TimelineRequest,
} from './activityTypes';

const S = 'ActivitiesService';

// Go sends nil slices as null and may omit values; a malformed item never throws.
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

export function toEmailMeta(v: unknown): EmailMeta | null {
  if (v == null || typeof v !== 'object') return null;
  const o = obj(v);
  return { from: str(o.from), to: strs(o.to), cc: strs(o.cc), messageId: str(o.messageId), date: str(o.date) };
}

export function toActivity(v: unknown): Activity {
  const o = obj(v);
  return {
    id: str(o.id),
    version: num(o.version),
    kind: isActivityKind(o.kind) ? o.kind : 'note',
    occurredAt: str(o.occurredAt),
    durationMinutes: num(o.durationMinutes),
    outcome: str(o.outcome),
    subject: str(o.subject),
    body: str(o.body),
    contactId: str(o.contactId),
    companyId: str(o.companyId),
    leadId: str(o.leadId),
    dealId: str(o.dealId),
    ownerId: str(o.ownerId),
    contactName: str(o.contactName),
    companyName: str(o.companyName),
    email: toEmailMeta(o.email),
    createdAt: str(o.createdAt),
    updatedAt: str(o.updatedAt),
  };
}

export function toTimelinePage(v: unknown): TimelinePage {
  const o = obj(v);
  return { items: Array.isArray(o.items) ? o.items.map(toActivity) : [], next: str(o.next) };
}

/** Fails with invalid_input (no subject or text, no record, bad duration) or not_found. */
export async function logActivity(input: ActivityInput): Promise<Activity> {
  return toActivity(await invoke<unknown>(S, 'Log', () => raw.activities.log(input)));
}

/** `version` must be the one the edit started from, else version_conflict. */
export async function updateActivity(id: string, version: number, input: ActivityInput): Promise<Activity> {
  return toActivity(await invoke<unknown>(S, 'Update', () => raw.activities.update(id, version, input)));
}

export async function deleteActivity(id: string): Promise<void> {
  await invoke<unknown>(S, 'Delete', () => raw.activities.delete(id));
}

export async function restoreActivity(id: string): Promise<Activity> {
  return toActivity(await invoke<unknown>(S, 'Restore', () => raw.activities.restore(id)));
}

export async function timelinePage(req: TimelineRequest): Promise<TimelinePage> {
  return toTimelinePage(await invoke<unknown>(S, 'Timeline', () => raw.activities.timeline(req)));
}

/** Logs an .eml file (bytes in base64) on a contact; eml_invalid for anything else. */
export async function logEmail(contactId: string, fileName: string, dataBase64: string): Promise<LoggedEmail> {
  const o = obj(await invoke<unknown>(S, 'LogEmail', () => raw.activities.logEmail(contactId, fileName, dataBase64)));
  return { activity: toActivity(o.activity), alreadyLogged: o.alreadyLogged === true };
}

