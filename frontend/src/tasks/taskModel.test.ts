// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dueText, emptyTaskForm, inputFromTaskForm, priorityLevel, priorityValue, quickDueDefault, quickTaskInput, taskFormFromTask, taskShortcut } from './taskModel';
import { task } from '../test/calendarFixtures';

describe('priority', () => {
  it('maps iCalendar priorities to levels and back, keeping a value of the same level', () => {
    expect([0, 1, 4, 5, 6, 9, 10].map(priorityLevel)).toEqual(['none', 'high', 'high', 'medium', 'low', 'low', 'none']);
    expect(priorityValue('high')).toBe(1);
    expect(priorityValue('high', 3)).toBe(3);
    expect(priorityValue('low', 3)).toBe(9);
    expect(priorityValue('medium', 0)).toBe(5);
    expect(priorityValue('none', 7)).toBe(0);
  });
});

describe('task form', () => {
  it('round-trips a timed task and keeps what the editor does not show', () => {
    const t = task({ rrule: 'FREQ=WEEKLY', categories: ['x'], dealId: 'd1', reminders: [{ minutesBefore: 30 }, { minutesBefore: 5 }], start: '2026-03-01' });
    const input = inputFromTaskForm(taskFormFromTask(t, 'UTC'), 'UTC', [5]);
    expect(input).toEqual({
      calendarId: 'cal1',
      title: 'Call Ada back',
      notes: '',
      due: '2026-03-02T15:00:00',
      start: '2026-03-01',
      timeZone: 'Europe/Berlin',
      priority: 1,
      status: 'needs-action',
      percentComplete: 0,
      rrule: 'FREQ=WEEKLY',
      reminders: [{ minutesBefore: 30 }, { minutesBefore: 5 }],
      categories: ['x'],
      contactId: 'c1',
      companyId: '',
      dealId: 'd1',
    });
  });

  it('sends a date due without a zone, and no reminder without a due date', () => {
    const v = { ...emptyTaskForm('cal1', 'Asia/Dhaka'), title: ' Pay ', dueDate: '2026-03-05', reminder: 15 };
    expect(inputFromTaskForm(v, 'Asia/Dhaka')).toMatchObject({ title: 'Pay', due: '2026-03-05', timeZone: '', reminders: [{ minutesBefore: 15 }] });
    expect(inputFromTaskForm({ ...v, dueDate: '' }, 'Asia/Dhaka')).toMatchObject({ due: '', reminders: [] });
    expect(inputFromTaskForm({ ...v, dueTime: '09:30' }, 'Asia/Dhaka')).toMatchObject({ due: '2026-03-05T09:30:00', timeZone: 'Asia/Dhaka' });
  });

  it('quick-adds a title with an optional date, due today in the Today list', () => {
    expect(quickTaskInput('Call', '2026-03-05', 'cal1', 'UTC')).toMatchObject({ title: 'Call', due: '2026-03-05', calendarId: 'cal1', status: 'needs-action' });
    const now = new Date('2026-03-05T23:30:00Z');
    expect(quickDueDefault('today', 'Asia/Dhaka', now)).toBe('2026-03-06');
    expect(quickDueDefault('all', 'Asia/Dhaka', now)).toBe('');
  });
});

describe('dueText', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  it('says today, tomorrow or yesterday, in the user zone', () => {
    expect(dueText(task(), 'Europe/Berlin', 'en', now)).toEqual({ day: 'today', date: '', time: '15:00' });
    // 14:00 UTC is already 3 March in Auckland.
    expect(dueText(task(), 'Pacific/Auckland', 'en', now)).toEqual({ day: 'tomorrow', date: '', time: '03:00' });
    expect(dueText(task({ due: '2026-03-01', dueAt: '', allDay: true }), 'UTC', 'en', now)).toEqual({ day: 'yesterday', date: '', time: '' });
  });
  it('gives a date further away, with the year only when it differs', () => {
    expect(dueText(task({ due: '2026-03-20', allDay: true }), 'UTC', 'en', now)?.date).toBe('Fri, Mar 20');
    expect(dueText(task({ due: '2027-01-04', allDay: true }), 'UTC', 'en', now)?.date).toBe('Mon, Jan 4, 2027');
    expect(dueText(task({ due: '' }), 'UTC', 'en', now)).toBeNull();
  });
});

describe('taskShortcut', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  const ctx = { modalOpen: false, editable: false, ownsKey: false, hasSelection: true };
  it('maps N, Enter, Space, arrows and Delete', () => {
    expect(taskShortcut(key('n'), ctx)).toBe('new');
    expect(taskShortcut(key('n', { ctrlKey: true }), { ...ctx, editable: true })).toBe('new');
    expect(taskShortcut(key('Enter'), ctx)).toBe('open');
    expect(taskShortcut(key(' '), ctx)).toBe('complete');
    expect(taskShortcut(key('ArrowDown'), ctx)).toBe('next');
    expect(taskShortcut(key('ArrowUp'), ctx)).toBe('previous');
    expect(taskShortcut(key('Delete'), ctx)).toBe('delete');
  });
  it('leaves keys to text fields, buttons and dialogs', () => {
    expect(taskShortcut(key('n'), { ...ctx, editable: true })).toBeNull();
    expect(taskShortcut(key(' '), { ...ctx, ownsKey: true })).toBeNull();
    expect(taskShortcut(key(' '), { ...ctx, hasSelection: false })).toBeNull();
    expect(taskShortcut(key('Enter'), { ...ctx, modalOpen: true })).toBeNull();
    expect(taskShortcut(key('n', { altKey: true }), ctx)).toBeNull();
  });
});
