import { ApiError, toApiError } from './errors';

// The Wails runtime (injected by the desktop shell or its dev server as /wails/ipc.js and
// /wails/runtime.js) defines window.go.<package>.<Service>.<Method> for every bound method and
// window.runtime for events. Outside Wails (a plain browser, `vite preview`) neither exists: the
// generated binding would throw a TypeError, so every call checks first and fails with
// `backend_unavailable` instead.

type BoundMethod = (...args: unknown[]) => Promise<unknown>;

interface WailsWindow {
  go?: Record<string, Record<string, Record<string, BoundMethod | undefined> | undefined> | undefined>;
  runtime?: Record<string, unknown>;
}

const GO_PACKAGE = 'app';
/** How long a call waits for the runtime to appear before reporting the backend unavailable. */
export const BACKEND_WAIT_MS = 1500;
const POLL_MS = 25;

/** The page's window, or an empty one where there is none (node, or a torn-down test page). */
function wailsWindow(): WailsWindow {
  if (typeof window === 'undefined') return {};
  return window as unknown as WailsWindow;
}

export function hasBinding(service: string, method: string): boolean {
  return typeof wailsWindow().go?.[GO_PACKAGE]?.[service]?.[method] === 'function';
}

export function hasRuntime(): boolean {
  return typeof wailsWindow().runtime?.EventsOnMultiple === 'function';
}

let gaveUp = false;

/** Resolves when `check` holds; waits up to BACKEND_WAIT_MS the first time only. */
export function waitFor(check: () => boolean, timeoutMs = BACKEND_WAIT_MS): Promise<boolean> {
  if (check()) return Promise.resolve(true);
  if (gaveUp) return Promise.resolve(false);
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve(true);
      } else if (Date.now() - started >= timeoutMs) {
        clearInterval(timer);
        gaveUp = true;
        resolve(false);
      }
    }, POLL_MS);
  });
}

/** For tests: forget that the backend was found missing. */
export function resetBackendWait(): void {
  gaveUp = false;
}

/**
 * Calls one bound Go method through its generated wrapper, mapping every failure to ApiError.
 * `service`/`method` name the binding (window.go.app.<service>.<method>) so a missing backend is
 * reported as `backend_unavailable` rather than as a TypeError from inside the wrapper.
 */
export async function invoke<T>(service: string, method: string, call: () => Promise<unknown>): Promise<T> {
  const ready = await waitFor(() => hasBinding(service, method));
  if (!ready) throw ApiError.backendUnavailable(`${service}.${method} is not bound`);
  try {
    return (await call()) as T;
  } catch (e) {
    throw toApiError(e);
  }
}
