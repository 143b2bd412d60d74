import { AREA_ICONS, isArea, type AreaId } from '../shell/areas';
import { hashForRecord } from '../shell/hashParams';
import type { SearchHit } from '../api/search';
import type { Icon } from '@tabler/icons-react';

/** Words of text as the backend's index splits them (letters, digits, marks), folded. */
export function searchWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Lower case without Latin accents, as the index compares: "José" → "jose". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase();
}

/** One piece of a text to show: marked when it is a word that begins with a typed word. */
export interface Piece {
  text: string;
  mark: boolean;
}

/**
 * Splits text into pieces, marking each word that begins with one of words (folded). Only plain
 * strings come out: the caller renders them as text, inside <mark> elements where marked.
 */
export function markWords(text: string, words: string[]): Piece[] {
  if (words.length === 0 || text === '') return text === '' ? [] : [{ text, mark: false }];
  const out: Piece[] = [];
  const push = (t: string, mark: boolean) => {
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += t;
    else out.push({ text: t, mark });
  };
  for (const part of text.split(/([\p{L}\p{N}\p{M}]+)/u)) {
    if (part === '') continue;
    const f = fold(part);
    const isWord = /^[\p{L}\p{N}\p{M}]+$/u.test(part);
    push(part, isWord && words.some((w) => f.startsWith(w)));
  }
  return out;
}

/** The hash that opens a hit's record: its area with the id (a meeting also with its day). */
export function hashForHit(hit: SearchHit): string | null {
  if (!isArea(hit.area)) return null;
  if (hit.kind === 'event') {
    const p = new URLSearchParams({ event: hit.id });
    if (hit.extra) p.set('at', hit.extra);
    return `#/calendar?${p.toString()}`;
  }
  return hashForRecord(hit.area, hit.openId || hit.id);
}

/** A group of hits of one kind, in the order of its best hit. */
export interface HitGroup {
  kind: string;
  area: AreaId | null;
  hits: SearchHit[];
}

/** Groups ranked hits by kind; groups follow the rank of their best hit, hits keep their order. */
export function groupHits(hits: SearchHit[]): HitGroup[] {
  const groups: HitGroup[] = [];
  const byKind = new Map<string, HitGroup>();
  for (const h of hits) {
    let g = byKind.get(h.kind);
    if (!g) {
      g = { kind: h.kind, area: isArea(h.area) ? h.area : null, hits: [] };
      byKind.set(h.kind, g);
      groups.push(g);
    }
    g.hits.push(h);
  }
  return groups;
}

/** The icon of a kind: its area's icon. */
export function iconForArea(area: AreaId | null): Icon | null {
  return area ? AREA_ICONS[area] : null;
}

/** The extra fact, readable: a meeting's start and a task's due date in the UI language. */
export function extraText(hit: SearchHit, lang: string): string {
  if (!hit.extra) return '';
  try {
    if (hit.kind === 'event' || hit.kind === 'activity' || hit.kind === 'case') {
      const d = new Date(hit.extra);
      if (!Number.isNaN(d.getTime())) return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    }
    if ((hit.kind === 'task' || hit.kind === 'deal') && /^\d{4}-\d{2}-\d{2}/.test(hit.extra)) {
      const [y, m, d] = hit.extra.slice(0, 10).split('-').map(Number);
      return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
    }
  } catch {
    // An unknown language tag: show the text as it came.
  }
  return hit.extra;
}

/** "Ctrl K" or "⌘ K", for the shortcut hint. */
export function shortcutLabel(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘ K' : 'Ctrl K';
}
