// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { hasBinding, hasRuntime, invoke, resetBackendWait } from './backend';

// A call still waiting for the runtime when its page goes away (a test file that ends, a window
// that closes) must keep polling quietly and then fail as backend_unavailable, never throw a
// ReferenceError from a timer.
describe('backend without a window', () => {
  afterEach(() => resetBackendWait());

  it('reports no binding and no runtime', () => {
    expect(typeof window).toBe('undefined');
    expect(hasBinding('ContactsService', 'List')).toBe(false);
    expect(hasRuntime()).toBe(false);
  });

  it('fails a call as backend_unavailable', async () => {
    await expect(invoke('ContactsService', 'List', () => Promise.resolve([]))).rejects.toMatchObject({
      code: 'backend_unavailable',
    });
  });
});
