import { describe, expect, it } from 'vitest';
import { matchShortcut, type KeyLike, type ShortcutContext } from './shortcuts';

const ctx = (p: Partial<ShortcutContext> = {}): ShortcutContext => ({
  formOpen: false,
  hasSelection: true,
  canUndo: false,
  ...p,
});

function key(k: string, p: Partial<KeyLike> = {}): KeyLike {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: document.body, ...p };
}

const input = () => document.createElement('input');
const search = () => {
  const el = document.createElement('input');
  el.dataset.shortcutScope = 'contact-search';
  return el;
};

describe('matchShortcut', () => {
  it('focuses search with "/" outside text fields, leaving Ctrl+K to the search box', () => {
    expect(matchShortcut(key('k', { ctrlKey: true, target: input() }), ctx())).toBeNull();
    expect(matchShortcut(key('/'), ctx())).toBe('focusSearch');
    expect(matchShortcut(key('/', { target: input() }), ctx())).toBeNull();
  });

  it('creates with Ctrl+N unless the form is open', () => {
    expect(matchShortcut(key('n', { ctrlKey: true }), ctx())).toBe('newContact');
    expect(matchShortcut(key('N', { metaKey: true }), ctx())).toBe('newContact');
    expect(matchShortcut(key('n', { ctrlKey: true }), ctx({ formOpen: true }))).toBeNull();
  });

  it('moves with the arrows, also from the search box, but not from other fields', () => {
    expect(matchShortcut(key('ArrowDown'), ctx())).toBe('selectNext');
    expect(matchShortcut(key('ArrowUp', { target: search() }), ctx())).toBe('selectPrevious');
    expect(matchShortcut(key('ArrowDown', { target: input() }), ctx())).toBeNull();
  });

  it('edits with Enter or E and deletes with Delete when something is selected', () => {
    expect(matchShortcut(key('Enter'), ctx())).toBe('edit');
    expect(matchShortcut(key('e'), ctx())).toBe('edit');
    expect(matchShortcut(key('Delete'), ctx())).toBe('delete');
    expect(matchShortcut(key('Delete'), ctx({ hasSelection: false }))).toBeNull();
    expect(matchShortcut(key('e', { target: input() }), ctx())).toBeNull();
    expect(matchShortcut(key('Delete', { target: input() }), ctx())).toBeNull();
  });

  it('leaves Enter to a focused button', () => {
    const button = document.createElement('button');
    expect(matchShortcut(key('Enter', { target: button }), ctx())).toBeNull();
  });

  it('undoes a delete with Ctrl+Z only while it can be undone, and not inside text fields', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), ctx({ canUndo: true }))).toBe('undoDelete');
    expect(matchShortcut(key('z', { ctrlKey: true }), ctx())).toBeNull();
    expect(matchShortcut(key('z', { ctrlKey: true, target: input() }), ctx({ canUndo: true }))).toBeNull();
  });

  it('leaves every other key to the open form', () => {
    for (const k of ['ArrowDown', 'Enter', 'e', 'Delete', '/']) expect(matchShortcut(key(k), ctx({ formOpen: true }))).toBeNull();
  });
});
