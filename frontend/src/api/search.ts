// The search box (Ctrl+K): one search over contacts, companies, meetings, tasks and every area
// that plugs a source into the backend's search (backend/search).
import { invoke } from './backend';
import { raw } from './bindings';

/** One result line, as SearchService.Search returns it. */
export interface SearchHit {
  /** "contact", "company", "event", "task", "lead", "deal", "activity", "case", … */
  kind: string;
  id: string;
  /** The area that opens the record (src/shell/areas.ts). */
  area: string;
  /** The id to open in area: the record's own, or the record whose page shows it (an activity's contact). */
  openId: string;
  title: string;
  subtitle: string;
  /** Plain text around the match outside the title; "" when only the title matched. */
  snippet: string;
  /**
   * A contact's or lead's e-mail, a company's web site, a meeting's start, an activity's time or a
   * case's opening (UTC instants), a task's due date, a deal's expected close.
   */
  extra: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function hit(v: unknown): SearchHit {
  const o = (v ?? {}) as Record<string, unknown>;
  return {
    kind: str(o.kind),
    id: str(o.id),
    area: str(o.area),
    openId: str(o.openId),
    title: str(o.title),
    subtitle: str(o.subtitle),
    snippet: str(o.snippet),
    extra: str(o.extra),
  };
}

/** How many hits the box asks for. */
export const SEARCH_LIMIT = 30;

export async function searchAll(text: string, limit = SEARCH_LIMIT): Promise<SearchHit[]> {
  const out = await invoke<unknown>('SearchService', 'Search', () => raw.search.search(text, limit));
  return Array.isArray(out) ? out.map(hit).filter((h) => h.id !== '' && h.kind !== '') : [];
}
