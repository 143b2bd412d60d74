import { createSpotlight } from '@mantine/spotlight';

/** The search box's open/close state, shared by the box and the sidebar's search button. */
export const [searchStore, searchBox] = createSpotlight();

/**
 * Marks the first result as selected, as the box does itself after each keystroke: results that
 * arrive later are new elements, and without this Enter would open nothing until an arrow key.
 * (The box's own selectAction is not exported; this repeats what it does.)
 */
export function selectFirstResult(): void {
  const { listId } = searchStore.getState();
  const list = listId ? document.getElementById(listId) : null;
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  searchStore.updateState((s) => ({ ...s, selected: 0 }));
}
