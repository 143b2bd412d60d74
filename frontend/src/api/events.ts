import { hasRuntime, waitFor } from './backend';
import { raw } from './bindings';
import type { BackendEvent } from './types';

/**
 * Subscribes to a backend event; returns the unsubscribe function. Outside Wails (no runtime) it
 * waits briefly for the runtime to appear and otherwise does nothing.
 */
export function onEvent(name: BackendEvent, cb: (...data: unknown[]) => void): () => void {
  let off: (() => void) | undefined;
  let cancelled = false;
  const subscribe = () => {
    off = raw.runtime.eventsOn(name, cb);
  };
  if (hasRuntime()) {
    subscribe();
  } else {
    void waitFor(hasRuntime).then((ok) => {
      if (ok && !cancelled) subscribe();
    });
  }
  return () => {
    cancelled = true;
    off?.();
    off = undefined;
  };
}

/** Opens mailto:/tel:/http(s): links with the system handler when running inside Wails. */
export function openExternal(url: string): boolean {
  if (!hasRuntime()) return false;
  raw.runtime.browserOpenURL(url);
  return true;
}
