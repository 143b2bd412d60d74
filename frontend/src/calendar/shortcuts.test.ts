// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { calendarShortcut } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const free = { modalOpen: false, editable: false };

describe('calendarShortcut', () => {
  it('maps the calendar keys', () => {
    expect(calendarShortcut(key('n', { ctrlKey: true }), free)).toEqual({ kind: 'new' });
    expect(calendarShortcut(key('N', { metaKey: true }), { ...free, editable: true })).toEqual({ kind: 'new' });
    expect(calendarShortcut(key('t'), free)).toEqual({ kind: 'today' });
    expect(calendarShortcut(key('ArrowLeft'), free)).toEqual({ kind: 'prev' });
    expect(calendarShortcut(key('ArrowRight'), free)).toEqual({ kind: 'next' });
    expect(['d', 'w', 'm', 'a'].map((k) => calendarShortcut(key(k), free))).toEqual([
      { kind: 'view', view: 'day' },
      { kind: 'view', view: 'week' },
      { kind: 'view', view: 'month' },
      { kind: 'view', view: 'agenda' },
    ]);
  });

  it('ignores keys while typing, with other modifiers, or under a dialog', () => {
    expect(calendarShortcut(key('t'), { ...free, editable: true })).toBeNull();
    expect(calendarShortcut(key('t', { shiftKey: true }), free)).toBeNull();
    expect(calendarShortcut(key('k', { ctrlKey: true }), free)).toBeNull();
    expect(calendarShortcut(key('n', { ctrlKey: true }), { ...free, modalOpen: true })).toBeNull();
    expect(calendarShortcut(key('x'), free)).toBeNull();
  });
});
