// The sync page's tab lives in the hash after the area ("#/sync/conflicts"), so the status bar
// can link straight to a tab and a reload keeps it.

export const SYNC_TABS = ['accounts', 'conflicts', 'outbox', 'settings'] as const;
export type SyncTab = (typeof SYNC_TABS)[number];

export function syncTabFromHash(hash: string): SyncTab {
  const m = /^#\/?sync\/([a-z]+)/.exec(hash);
  const tab = m?.[1] ?? '';
  return (SYNC_TABS as readonly string[]).includes(tab) ? (tab as SyncTab) : 'accounts';
}

export function hashForSyncTab(tab: SyncTab): string {
  return `#/sync/${tab}`;
}
