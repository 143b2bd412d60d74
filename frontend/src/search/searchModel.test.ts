// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extraText, fold, groupHits, hashForHit, markWords, searchWords, shortcutLabel } from './searchModel';
import type { SearchHit } from '../api/search';

const hit = (patch: Partial<SearchHit>): SearchHit => ({
  kind: 'contact',
  id: 'c1',
  area: 'contacts',
  openId: '',
  title: '',
  subtitle: '',
  snippet: '',
  extra: '',
  ...patch,
});

describe('searchModel', () => {
  it('folds like the index: case and Latin accents, not Bengali vowel signs', () => {
    expect(fold('José MÜLLER')).toBe('jose muller');
    expect(searchWords('  "Jo*  NEAR( রহি ')).toEqual(['jo', 'near', 'রহি']);
    expect(fold('রহিম')).toBe('রহিম');
  });

  it('marks whole words that begin with a typed word, keeping markup as text', () => {
    expect(markWords('Met <b>Ann</b> at Annual fair', searchWords('ann'))).toEqual([
      { text: 'Met <b>', mark: false },
      { text: 'Ann', mark: true },
      { text: '</b> at ', mark: false },
      { text: 'Annual', mark: true },
      { text: ' fair', mark: false },
    ]);
    expect(markWords('José Müller', searchWords('mull'))).toEqual([
      { text: 'José ', mark: false },
      { text: 'Müller', mark: true },
    ]);
    expect(markWords('রহিম আহমেদ', searchWords('রহি'))).toEqual([
      { text: 'রহিম', mark: true },
      { text: ' আহমেদ', mark: false },
    ]);
    expect(markWords('plain', [])).toEqual([{ text: 'plain', mark: false }]);
    expect(markWords('', ['x'])).toEqual([]);
  });

  it('opens each kind in its area; a meeting on its day', () => {
    expect(hashForHit(hit({ id: 'c 1' }))).toBe('#/contacts?id=c+1');
    expect(hashForHit(hit({ kind: 'company', area: 'companies', id: 'co1' }))).toBe('#/companies?id=co1');
    expect(hashForHit(hit({ kind: 'task', area: 'tasks', id: 't1' }))).toBe('#/tasks?id=t1');
    expect(hashForHit(hit({ kind: 'event', area: 'calendar', id: 'e1', extra: '2026-12-01T09:00:00.000Z' }))).toBe(
      '#/calendar?event=e1&at=2026-12-01T09%3A00%3A00.000Z',
    );
    expect(hashForHit(hit({ kind: 'deal', area: 'deals', id: 'd1' }))).toBe('#/deals?id=d1');
    // An activity opens on the page of the record it belongs to.
    expect(hashForHit(hit({ kind: 'activity', area: 'contacts', id: 'a1', openId: 'c9' }))).toBe('#/contacts?id=c9');
    expect(hashForHit(hit({ area: 'nowhere' }))).toBeNull();
  });

  it('groups by kind in the order of each group’s best hit', () => {
    const hits = [
      hit({ kind: 'event', area: 'calendar', id: 'e1' }),
      hit({ id: 'c1' }),
      hit({ kind: 'event', area: 'calendar', id: 'e2' }),
      hit({ id: 'c2' }),
    ];
    const groups = groupHits(hits);
    expect(groups.map((g) => [g.kind, g.area, g.hits.map((h) => h.id)])).toEqual([
      ['event', 'calendar', ['e1', 'e2']],
      ['contact', 'contacts', ['c1', 'c2']],
    ]);
  });

  it('formats a meeting’s start and a task’s due date, and leaves other extras alone', () => {
    expect(extraText(hit({ kind: 'task', extra: '2026-11-30' }), 'en')).toBe('Nov 30, 2026');
    expect(extraText(hit({ kind: 'deal', extra: '2027-03-01' }), 'en')).toBe('Mar 1, 2027');
    expect(extraText(hit({ kind: 'event', extra: 'not a time' }), 'en')).toBe('not a time');
    expect(extraText(hit({ extra: 'ann@example.com' }), 'en')).toBe('ann@example.com');
    expect(extraText(hit({ kind: 'event', extra: '2026-12-01T09:00:00.000Z' }), 'en')).toMatch(/Dec 1, 2026/);
    expect(shortcutLabel('MacIntel')).toBe('⌘ K');
    expect(shortcutLabel('Linux x86_64')).toBe('Ctrl K');
  });
});
