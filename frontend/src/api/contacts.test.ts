import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { raw } from './bindings';
import { resetBackendWait } from './backend';
import { createContact, listContacts, updateContact } from './contacts';
import { onEvent } from './events';
import { ApiError } from './errors';
import { emptyInput } from '../test/fixtures';

// ./bindings is replaced by a stub in src/test/setup.ts; these tests drive that stub.
type W = { go?: unknown; runtime?: unknown };

function bind(methods: Record<string, Record<string, unknown>>) {
  (window as unknown as W).go = { app: methods };
}

beforeEach(() => {
  resetBackendWait();
});

afterEach(() => {
  delete (window as unknown as W).go;
  delete (window as unknown as W).runtime;
  vi.useRealTimers();
});

describe('contact wrappers', () => {
  it('calls List with the request and fills in what Go leaves out (nil slices)', async () => {
    bind({ ContactsService: { List: () => {} } });
    const list = vi.fn().mockResolvedValue({
      items: [{ id: 'a', displayName: 'A', company: 'Co', title: '', email: 'a@x.org', phone: '', tags: null }],
      total: 1,
      offset: 0,
    });
    raw.contacts.list = list;
    const pageResult = await listContacts({ query: 'ada', offset: 0, limit: 100 });
    expect(list).toHaveBeenCalledWith({ query: 'ada', offset: 0, limit: 100 });
    expect(pageResult.items[0].tags).toEqual([]);
    expect(pageResult.total).toBe(1);
  });

  it('keeps the limit within what the backend accepts', async () => {
    bind({ ContactsService: { List: () => {} } });
    const list = vi.fn().mockResolvedValue({ items: null, total: 0, offset: 0 });
    raw.contacts.list = list;
    const p = await listContacts({ query: '', offset: -5, limit: 10_000 });
    expect(list).toHaveBeenCalledWith({ query: '', offset: 0, limit: 500 });
    expect(p.items).toEqual([]);
  });

  it('turns a rejected call into an ApiError with code and field', async () => {
    bind({ ContactsService: { Create: () => {} } });
    raw.contacts.create = vi
      .fn()
      .mockRejectedValue(new Error(JSON.stringify({ code: 'email_invalid', message: 'invalid', field: 'emails.0' })));
    const err = await createContact(emptyInput({ givenName: 'A', emails: [{ label: 'work', value: 'nope' }] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'email_invalid', field: 'emails.0' });
  });

  it('sends the version with an update', async () => {
    bind({ ContactsService: { Update: () => {} } });
    const update = vi.fn().mockResolvedValue({ id: 'x', version: 8 });
    raw.contacts.update = update;
    const input = emptyInput({ givenName: 'B' });
    const c = await updateContact('x', 7, input);
    expect(update).toHaveBeenCalledWith('x', 7, input);
    expect(c.version).toBe(8);
    expect(c.emails).toEqual([]);
  });

  it('reports backend_unavailable (not a TypeError) when there is no Wails backend', async () => {
    vi.useFakeTimers();
    const list = vi.fn();
    raw.contacts.list = list;
    const p = listContacts({ query: '', offset: 0, limit: 100 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2000);
    const err = await p;
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('backend_unavailable');
    expect(list).not.toHaveBeenCalled();
  });
});

describe('onEvent', () => {
  it('subscribes through the runtime and unsubscribes', () => {
    (window as unknown as W).runtime = { EventsOnMultiple: () => {} };
    const off = vi.fn();
    const eventsOn = vi.fn().mockReturnValue(off);
    raw.runtime.eventsOn = eventsOn;
    const cb = vi.fn();
    const unsubscribe = onEvent('contacts:changed', cb);
    expect(eventsOn).toHaveBeenCalledWith('contacts:changed', cb);
    unsubscribe();
    expect(off).toHaveBeenCalled();
  });

  it('does nothing (and does not throw) without a runtime', async () => {
    vi.useFakeTimers();
    const eventsOn = vi.fn();
    raw.runtime.eventsOn = eventsOn;
    const unsubscribe = onEvent('status:changed', () => {});
    await vi.advanceTimersByTimeAsync(2000);
    expect(eventsOn).not.toHaveBeenCalled();
    expect(() => unsubscribe()).not.toThrow();
  });
});

describe('structured errors through the Wails runtime', () => {
  it('keeps code and field: the Go formatter sends JSON text, which Wails wraps in new Error(text)', async () => {
    bind({ ContactsService: { Create: () => {} } });
    // What the v2.16 runtime does with the formatter's string: reject(new Error(message.error)).
    raw.contacts.create = () =>
      Promise.reject(new Error(JSON.stringify({ code: 'email_invalid', message: 'bad', field: 'emails.0' })));
    const err = await createContact(emptyInput({ givenName: 'A', emails: [{ label: 'work', value: 'x' }] })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'email_invalid', field: 'emails.0', message: 'bad' });
  });
});
