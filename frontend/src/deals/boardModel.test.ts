// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { board, deal } from '../test/dealFixtures';
import { LOST_ZONE, WON_ZONE, applyDrop, daysBetween, dropTarget, findDeal, initials, isPastDue, todayISO } from './boardModel';

describe('applyDrop', () => {
  it('moves a card to the head of another stage with that stage and its probability', () => {
    const before = board();
    const after = applyDrop(before, 'd1', { kind: 'stage', stageId: 's2' });
    const [q, p] = after.columns;
    expect(q.deals.map((d) => d.id)).toEqual(['d2']);
    expect(q.count).toBe(1);
    expect(p.deals.map((d) => d.id)).toEqual(['d1', 'd3']);
    expect(p.count).toBe(2);
    expect(p.deals[0]).toMatchObject({ stageId: 's2', stageName: 'Proposal', probability: 50 });
    // Totals are the backend's: unchanged text, marked pending.
    expect(q.total.text).toBe('$13,500.00');
    expect([q.pending, p.pending]).toEqual([true, true]);
    // The board it came from is untouched (the rollback restores it).
    expect(before.columns[0].deals.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(before.columns[0].pending).toBeUndefined();
  });

  it('keeps a probability override when moving', () => {
    const b = board();
    b.columns[0].deals[0] = deal({ probabilityOverride: 80, probability: 80 });
    expect(findDeal(applyDrop(b, 'd1', { kind: 'stage', stageId: 's2' }), 'd1')?.deal.probability).toBe(80);
  });

  it('takes a won or lost card off the board and counts it', () => {
    const won = applyDrop(board(), 'd3', { kind: 'won' });
    expect(won.columns[1].deals).toEqual([]);
    expect(won.columns[1].count).toBe(0);
    expect(won.won).toMatchObject({ count: 2, pending: true });
    expect(won.lost.pending).toBeUndefined();
    const lost = applyDrop(board(), 'd2', { kind: 'lost' });
    expect(lost.lost).toMatchObject({ count: 1, pending: true });
    expect(lost.columns[0].deals.map((d) => d.id)).toEqual(['d1']);
  });

  it('changes nothing for a drop on its own stage, an unknown stage or an unknown deal', () => {
    const b = board();
    expect(applyDrop(b, 'd1', { kind: 'stage', stageId: 's1' })).toBe(b);
    expect(applyDrop(b, 'd1', { kind: 'stage', stageId: 'nope' })).toBe(b);
    expect(applyDrop(b, 'zz', { kind: 'won' })).toBe(b);
  });
});

describe('board helpers', () => {
  it('reads drop targets', () => {
    expect(dropTarget(WON_ZONE)).toEqual({ kind: 'won' });
    expect(dropTarget(LOST_ZONE)).toEqual({ kind: 'lost' });
    expect(dropTarget('s2')).toEqual({ kind: 'stage', stageId: 's2' });
    expect(dropTarget(null)).toBeNull();
    expect(dropTarget('')).toBeNull();
  });

  it('makes initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  grace  brewster murray hopper ')).toBe('GH');
    expect(initials('Zoë')).toBe('ZO');
    expect(initials('রহিম উদ্দিন')).toBe('রউ');
    expect(initials('')).toBe('');
  });

  it('flags an open deal whose expected close has passed', () => {
    expect(isPastDue({ expectedClose: '2026-03-01', status: 'open' }, '2026-03-02')).toBe(true);
    expect(isPastDue({ expectedClose: '2026-03-02', status: 'open' }, '2026-03-02')).toBe(false);
    expect(isPastDue({ expectedClose: '2026-03-01', status: 'won' }, '2026-03-02')).toBe(false);
    expect(isPastDue({ expectedClose: '', status: 'open' }, '2026-03-02')).toBe(false);
  });

  it('counts whole days in a stage', () => {
    expect(daysBetween('2026-03-01T10:00:00Z', '2026-03-04T09:00:00Z')).toBe(2);
    expect(daysBetween('2026-03-01T10:00:00Z', '', new Date('2026-03-11T10:00:00Z'))).toBe(10);
    expect(daysBetween('garbage', '2026-03-04T09:00:00Z')).toBe(0);
  });

  it('writes today as YYYY-MM-DD', () => {
    expect(todayISO(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
