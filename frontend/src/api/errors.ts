import type { ApiErrorPayload } from './types';

/** Error codes the Go side sends (docs/API.md) plus the ones the front end adds itself. */
export const KNOWN_ERROR_CODES = [
  'invalid_input',
  'contact_empty',
  'email_invalid',
  'phone_invalid',
  'url_invalid',
  'date_invalid',
  'not_found',
  'version_conflict',
  'internal',
  // duplicates (DuplicatesService):
  'merge_changed',
  'merge_undone',
  // sync (SyncService):
  'unauthorized',
  'server_unreachable',
  'no_address_books',
  'not_https',
  'not_carddav',
  'sync_running',
  // companies, custom fields, photos:
  'company_exists',
  'company_has_people',
  'custom_value_invalid',
  'custom_field_exists',
  'photo_invalid',
  // import and export (ImportExportService):
  'file_unreadable',
  'file_not_text',
  // calendar, tasks (CalendarService, TasksService):
  'calendar_not_empty',
  'event_invalid_time',
  'rrule_invalid',
  'zone_unknown',
  'task_invalid',
  // selling: money, owners, deals and pipelines (issue 6):
  'amount_invalid',
  'currency_invalid',
  'rate_missing',
  'owner_invalid',
  'deal_invalid',
  'stage_not_empty',
  'pipeline_not_empty',
  // activities (ActivitiesService):
  'eml_invalid',
  // leads (LeadsService):
  'lead_empty',
  'lead_converted',
  'scoring_rule_invalid',
  // campaigns (CampaignsService):
  'campaign_invalid',
  'filter_invalid',
  'campaign_no_filter',
  // front-end only:
  'backend_unavailable',
  'unknown',
] as const;

/**
 * The one error type the UI sees from src/api. `code` selects the translation `errors.<code>`;
 * `message` is English, for logs; `field` names the input (e.g. "emails.1") when there is one.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;

  constructor(code: string, message: string, field?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiError';
    this.code = code;
    if (field) this.field = field;
  }

  static backendUnavailable(detail: string): ApiError {
    return new ApiError('backend_unavailable', `backend not available: ${detail}`);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function payloadFrom(value: unknown): ApiErrorPayload | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (typeof o.code !== 'string' || o.code === '') return undefined;
  return {
    code: o.code,
    message: typeof o.message === 'string' ? o.message : o.code,
    field: typeof o.field === 'string' && o.field !== '' ? o.field : undefined,
  };
}

function payloadFromText(text: string): ApiErrorPayload | undefined {
  const s = text.trim();
  if (!s.startsWith('{')) return undefined;
  try {
    return payloadFrom(JSON.parse(s));
  } catch {
    return undefined;
  }
}

/**
 * Turns whatever a bound call rejected with into an ApiError.
 *
 * The Go ErrorFormatter sends the JSON text of `{code, message, field?}`, and Wails v2.16's
 * runtime rejects with `new Error(text)` (runtime/desktop/calls.js), so the payload arrives as an
 * Error whose message is that JSON. A bare object or string payload is accepted too.
 */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;

  const direct = payloadFrom(e);
  if (direct) return new ApiError(direct.code, direct.message, direct.field, { cause: e });

  if (typeof e === 'string') {
    const p = payloadFromText(e);
    if (p) return new ApiError(p.code, p.message, p.field, { cause: e });
    return new ApiError('unknown', e || 'unknown error', undefined, { cause: e });
  }

  if (e instanceof Error) {
    const p = payloadFromText(e.message);
    if (p) return new ApiError(p.code, p.message, p.field, { cause: e });
    return new ApiError('unknown', e.message || e.name, undefined, { cause: e });
  }

  return new ApiError('unknown', 'unknown error', undefined, { cause: e });
}

/** The i18n key for an error: `errors.<code>` when that key exists, else `errors.generic`. */
export function errorMessageKey(e: unknown, exists: (key: string) => boolean): string {
  const code = toApiError(e).code;
  const key = `errors.${code}`;
  return exists(key) ? key : 'errors.generic';
}
