// Keyboard shortcuts of the contacts list and detail (the form's Ctrl+S / Escape live in
// ContactForm), as a pure function of the key event and the state,
// so the mapping is testable without rendering.

export type ShortcutAction =
  | 'focusSearch'
  | 'newContact'
  | 'undoDelete'
  | 'selectNext'
  | 'selectPrevious'
  | 'edit'
  | 'delete';

export interface ShortcutContext {
  /** The create/edit form is open. */
  formOpen: boolean;
  /** A contact is selected in the list. */
  hasSelection: boolean;
  /** A delete can still be undone (its notification is open). */
  canUndo: boolean;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  target: EventTarget | null;
}

/** True when the key goes to a text field (typing must not trigger single-key shortcuts). */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(type);
  }
  return false;
}

/** The search box lets ArrowUp/ArrowDown/Enter drive the list while keeping focus. */
export function isSearchBox(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.dataset.shortcutScope === 'contact-search';
}

/** The element gets Enter itself (buttons, links, menu items…). */
function ownsEnter(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.dataset.shortcutScope === 'contact-list') return false;
  return target.closest('button, a[href], [role="button"], [role="menuitem"], [role="option"], [role="tab"]') !== null;
}

export function matchShortcut(e: KeyLike, ctx: ShortcutContext): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const editable = isEditableTarget(e.target);
  const search = isSearchBox(e.target);

  if (mod && !e.altKey) {
    // Ctrl+K / ⌘K is the search box over everything (src/search); "/" focuses this list's search.
    if (key === 'n' && !e.shiftKey) return ctx.formOpen ? null : 'newContact';
    if (key === 'z' && !e.shiftKey && ctx.canUndo && !editable && !ctx.formOpen) return 'undoDelete';
    return null;
  }
  if (e.altKey || e.ctrlKey || e.metaKey) return null;

  // The open form handles its own keys (Ctrl+S saves, Escape cancels: see ContactForm).
  if (ctx.formOpen) return null;

  if (key === '/' && !editable) return 'focusSearch';
  if (key === 'ArrowDown' && (!editable || search)) return 'selectNext';
  if (key === 'ArrowUp' && (!editable || search)) return 'selectPrevious';
  if (!ctx.hasSelection) return null;
  if (key === 'Enter' && (search || (!editable && !ownsEnter(e.target)))) return 'edit';
  if (key === 'e' && !editable && !e.shiftKey) return 'edit';
  if (key === 'Delete' && !editable) return 'delete';
  return null;
}
