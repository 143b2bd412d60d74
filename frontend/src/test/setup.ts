import '@testing-library/jest-dom/vitest';
import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy*/waitFor wait up to 5 s: CI machines can be busy, and a wait only lasts as long as it
// must. What is asserted does not change.
configure({ asyncUtilTimeout: 5000 });

// Only for the jsdom environment (pure-logic tests run in node).
if (typeof window !== 'undefined') {
  // jsdom lacks a few browser APIs Mantine and the virtualiser use.
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as unknown as MediaQueryList;
  }

  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
  }

  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
    });
  }

  if (!Element.prototype.scrollTo) {
    Element.prototype.scrollTo = function scrollTo(this: Element, opts?: ScrollToOptions | number) {
      if (typeof opts === 'object' && opts?.top !== undefined) (this as HTMLElement).scrollTop = opts.top;
    } as Element['scrollTo'];
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};

  // The virtualiser measures its scroll element with clientHeight/clientWidth (0 in jsdom).
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 340 });
}

// The generated Wails bindings only exist inside the desktop build; tests never reach them.
vi.mock('../api/bindings', () => {
  const fail = () => Promise.reject(new Error('bindings are not available in tests'));
  return {
    raw: {
      contacts: { list: fail, get: fail, create: fail, update: fail, delete: fail, restore: fail },
      settings: { get: fail, setLanguage: fail },
      status: { status: fail },
      sync: {
        accounts: fail,
        discover: fail,
        addAccount: fail,
        removeAccount: fail,
        setAddressBook: fail,
        syncNow: fail,
        status: fail,
        setSyncSettings: fail,
        outbox: fail,
        conflicts: fail,
        resolveConflict: fail,
        addAccountWithCalendars: fail,
        serverCalendars: fail,
        addCalendars: fail,
        setCalendar: fail,
      },
      calendar: {
        calendars: fail,
        createCalendar: fail,
        updateCalendar: fail,
        deleteCalendar: fail,
        occurrences: fail,
        event: fail,
        createEvent: fail,
        updateEvent: fail,
        moveOccurrence: fail,
        deleteEvent: fail,
        restoreEvent: fail,
        contactTimeline: fail,
        zones: fail,
        userZone: fail,
        setUserZone: fail,
      },
      tasks: { tasks: fail, createTask: fail, updateTask: fail, completeTask: fail, deleteTask: fail, restoreTask: fail },
      reminders: { active: fail, snooze: fail, dismiss: fail },
      search: { search: fail },
      runtime: { eventsOn: () => () => {}, browserOpenURL: () => {} },
    },
  };
});

afterEach(() => {
  cleanup();
});
