// Keyboard shortcuts of the calendar area, as a pure function of the key and the state.

export const VIEWS = ['day', 'week', 'month', 'agenda'] as const;
export type CalendarView = (typeof VIEWS)[number];

export type CalendarAction =
  | { kind: 'new' }
  | { kind: 'today' }
  | { kind: 'prev' }
  | { kind: 'next' }
  | { kind: 'view'; view: CalendarView };

export interface CalendarKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const VIEW_KEYS: Record<string, CalendarView> = { d: 'day', w: 'week', m: 'month', a: 'agenda' };

/**
 * Ctrl+N: new meeting; T: today; ←/→: previous/next; D, W, M, A: day, week, month, agenda.
 * Nothing while a dialog is open, and single keys only outside text fields.
 */
export function calendarShortcut(e: CalendarKey, ctx: { modalOpen: boolean; editable: boolean }): CalendarAction | null {
  if (ctx.modalOpen) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod) return !e.altKey && !e.shiftKey && key === 'n' ? { kind: 'new' } : null;
  if (e.altKey || e.shiftKey || ctx.editable) return null;
  if (key === 't') return { kind: 'today' };
  if (key === 'ArrowLeft') return { kind: 'prev' };
  if (key === 'ArrowRight') return { kind: 'next' };
  const view = VIEW_KEYS[key];
  return view ? { kind: 'view', view } : null;
}
