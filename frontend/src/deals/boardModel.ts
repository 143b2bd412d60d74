import type { Board, Deal, StageColumn } from '../api';

/** Where a card was dropped: another stage (its id), or the Won / Lost zones. */
export type DropTarget = { kind: 'stage'; stageId: string } | { kind: 'won' } | { kind: 'lost' };

/** Droppable ids of the two closing zones (stage ids are UUIDs, so they never clash). */
export const WON_ZONE = 'zone:won';
export const LOST_ZONE = 'zone:lost';

/** The drop target a droppable id names; null for none. */
export function dropTarget(overId: string | number | null | undefined): DropTarget | null {
  if (overId === null || overId === undefined || overId === '') return null;
  const id = String(overId);
  if (id === WON_ZONE) return { kind: 'won' };
  if (id === LOST_ZONE) return { kind: 'lost' };
  return { kind: 'stage', stageId: id };
}

/** The deal with id on the board, and the column it is in. */
export function findDeal(board: Board, id: string): { deal: Deal; column: StageColumn } | null {
  for (const column of board.columns) {
    const deal = column.deals.find((d) => d.id === id);
    if (deal) return { deal, column };
  }
  return null;
}

/**
 * The board as it looks right after a drop, before the backend answers: the card leaves its
 * column and (for a stage) heads the target column with that stage's name and default
 * probability; counts follow at once. Money totals are the backend's to compute, so the
 * columns touched (and Won/Lost) are marked pending until the board is fetched again.
 * A drop onto the card's own column, or of a deal not on the board, changes nothing.
 */
export function applyDrop(board: Board, dealId: string, target: DropTarget): Board {
  const found = findDeal(board, dealId);
  if (!found) return board;
  const { deal, column: from } = found;
  if (target.kind === 'stage' && target.stageId === from.stage.id) return board;
  const to = target.kind === 'stage' ? board.columns.find((c) => c.stage.id === target.stageId) : undefined;
  if (target.kind === 'stage' && !to) return board;

  const columns = board.columns.map((c) => {
    if (c === from) return { ...c, deals: c.deals.filter((d) => d.id !== dealId), count: Math.max(c.count - 1, 0), pending: true };
    if (c === to) {
      const moved: Deal = {
        ...deal,
        stageId: c.stage.id,
        stageName: c.stage.name,
        probability: deal.probabilityOverride ?? c.stage.probability,
      };
      return { ...c, deals: [moved, ...c.deals], count: c.count + 1, pending: true };
    }
    return c;
  });
  const next: Board = { ...board, columns };
  if (target.kind === 'won') next.won = { ...board.won, count: board.won.count + 1, pending: true };
  if (target.kind === 'lost') next.lost = { ...board.lost, count: board.lost.count + 1, pending: true };
  return next;
}

/** "Ada Lovelace" → "AL"; one name → its first two letters; '' → ''. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return [...words[0]].slice(0, 2).join('').toUpperCase();
  return ([...words[0]][0] + [...words[words.length - 1]][0]).toUpperCase();
}

/** Today's date as YYYY-MM-DD in the local zone. */
export function todayISO(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** An open deal whose expected close (YYYY-MM-DD) is before today. */
export function isPastDue(deal: Pick<Deal, 'expectedClose' | 'status'>, today: string): boolean {
  return deal.status === 'open' && /^\d{4}-\d{2}-\d{2}$/.test(deal.expectedClose) && deal.expectedClose < today;
}

/** Whole days from one instant to another (the end defaults to now); 0 when either is unreadable. */
export function daysBetween(fromISO: string, toISO: string, now: Date = new Date()): number {
  const a = Date.parse(fromISO);
  const b = toISO ? Date.parse(toISO) : now.getTime();
  if (Number.isNaN(a) || Number.isNaN(b)) return 0;
  return Math.max(Math.floor((b - a) / 86_400_000), 0);
}
