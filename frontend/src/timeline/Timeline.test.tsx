import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import * as api from '../api/activities';
import { ApiError, type Activity } from '../api';
import { Timeline } from './Timeline';

vi.mock('../api/activities', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/activities')>()),
  timelinePage: vi.fn(),
  logActivity: vi.fn(),
  deleteActivity: vi.fn(),
  restoreActivity: vi.fn(),
  logEmail: vi.fn(),
}));
const m = vi.mocked(api);

const entry = (id: string, patch: Partial<Activity> = {}): Activity => ({
  id, version: 1, kind: 'call', occurredAt: '2026-11-20T09:30:00Z', durationMinutes: 5, outcome: 'Connected',
  subject: `Subject ${id}`, body: '', contactId: 'c1', companyId: 'co1', leadId: '', dealId: '', ownerId: '',
  contactName: 'Ann', companyName: 'Acme', email: null, createdAt: '', updatedAt: '', ...patch,
});

beforeEach(() => {
  vi.clearAllMocks();
  m.timelinePage.mockImplementation(async (req) => {
    if (req.before === '') return { items: [entry('a2', { body: '<b>bold?</b>' }), entry('a1', { kind: 'email' })], next: 'cursor-1' };
    return { items: [entry('a0', { kind: 'visit' })], next: '' };
  });
});

describe('Timeline', () => {
  it('lists newest first as text, filters by kind and loads older pages by cursor', async () => {
    renderWithProviders(<Timeline scope={{ contactId: 'c1' }} />);
    await waitFor(() => expect(screen.getAllByTestId('activity')).toHaveLength(2));
    expect(m.timelinePage).toHaveBeenCalledWith(expect.objectContaining({ contactId: 'c1', companyId: '', kinds: [], before: '' }));
    expect(screen.getAllByTestId('activity-body')[0].textContent).toBe('<b>bold?</b>');
    fireEvent.click(screen.getByTestId('activity-more'));
    await waitFor(() => expect(screen.getAllByTestId('activity')).toHaveLength(3));
    expect(m.timelinePage).toHaveBeenLastCalledWith(expect.objectContaining({ before: 'cursor-1' }));
    expect(screen.queryByTestId('activity-more')).toBeNull();

    fireEvent.click(within(screen.getByTestId('kind-filter')).getByText('Visit'));
    await waitFor(() => expect(m.timelinePage).toHaveBeenLastCalledWith(expect.objectContaining({ kinds: ['visit'], before: '' })));
  });

  it('logs a call in two clicks, the form filled with now; Ctrl+Enter saves', async () => {
    const user = userEvent.setup();
    m.logActivity.mockImplementation(async (input) => entry('new', input));
    renderWithProviders(<Timeline scope={{ contactId: 'c1' }} />);
    await user.click(screen.getByTestId('log-button'));
    await user.click(await screen.findByTestId('log-call'));
    const subject = await screen.findByTestId('log-subject');
    expect((screen.getByTestId('log-when') as HTMLInputElement).value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    // Saving without text says what is missing and sends nothing.
    fireEvent.keyDown(subject, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByTestId('log-text-missing')).toBeInTheDocument();
    expect(m.logActivity).not.toHaveBeenCalled();
    await user.type(subject, 'Pricing question');
    fireEvent.keyDown(subject, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(m.logActivity).toHaveBeenCalledTimes(1));
    expect(m.logActivity.mock.calls[0][0]).toMatchObject({ kind: 'call', subject: 'Pricing question', contactId: 'c1', durationMinutes: 5 });
    await waitFor(() => expect(screen.queryByTestId('log-subject')).toBeNull());
  });

  it('opens the form with L', async () => {
    renderWithProviders(<Timeline scope={{ companyId: 'co1' }} />);
    await waitFor(() => expect(screen.getAllByTestId('activity')).toHaveLength(2));
    expect(screen.getAllByTestId('activity-contact')[0].textContent).toBe('Ann');
    expect(screen.queryByTestId('activity-company')).toBeNull(); // the page is the company's
    fireEvent.keyDown(document.body, { key: 'l' });
    expect(await screen.findByTestId('log-subject')).toBeInTheDocument();
  });

  it('deletes with undo', async () => {
    m.deleteActivity.mockResolvedValue();
    m.restoreActivity.mockResolvedValue(entry('a2'));
    renderWithProviders(<Timeline scope={{ contactId: 'c1' }} />);
    await waitFor(() => expect(screen.getAllByTestId('activity')).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId('activity-delete')[0]);
    await waitFor(() => expect(m.deleteActivity).toHaveBeenCalledWith('a2'));
    fireEvent.click(await screen.findByTestId('activity-undo'));
    await waitFor(() => expect(m.restoreActivity).toHaveBeenCalledWith('a2'));
  });

  it('logs a dropped .eml on the contact and refuses other files clearly', async () => {
    m.logEmail.mockResolvedValue({ activity: entry('e1', { kind: 'email', subject: 'Quote' }), alreadyLogged: false });
    renderWithProviders(<Timeline scope={{ contactId: 'c1' }} />);
    await waitFor(() => expect(screen.getAllByTestId('activity')).toHaveLength(2));
    const drag = (type: string, files: File[]) => {
      const ev = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(ev, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
      act(() => {
        document.body.dispatchEvent(ev);
      });
      return ev;
    };
    const eml = new File(['From: a@b.test\r\nSubject: Quote\r\n\r\nhi'], 'quote.eml', { type: 'message/rfc822' });
    drag('dragenter', [eml]);
    expect(await screen.findByTestId('eml-drop-overlay')).toBeInTheDocument();
    expect(drag('dragover', [eml]).defaultPrevented).toBe(true);
    drag('drop', [eml]);
    await waitFor(() => expect(m.logEmail).toHaveBeenCalledTimes(1));
    const [contactId, name, data] = m.logEmail.mock.calls[0];
    expect([contactId, name, atob(data)]).toEqual(['c1', 'quote.eml', 'From: a@b.test\r\nSubject: Quote\r\n\r\nhi']);
    expect(screen.queryByTestId('eml-drop-overlay')).toBeNull();
    expect(await screen.findByText('E-mail logged: Quote')).toBeInTheDocument();

    drag('drop', [new File(['x'], 'photo.jpg', { type: 'image/jpeg' })]);
    expect(await screen.findByText(/photo\.jpg is not an e-mail message/)).toBeInTheDocument();
    expect(m.logEmail).toHaveBeenCalledTimes(1);

    m.logEmail.mockRejectedValue(new ApiError('eml_invalid', 'not a message'));
    drag('drop', [new File(['garbage'], 'broken.eml')]);
    expect(await screen.findByText(/not an e-mail message Fieldbook can read/)).toBeInTheDocument();
  });

  it('does not take drops on a company page', async () => {
    renderWithProviders(<Timeline scope={{ companyId: 'co1' }} />);
    await waitFor(() => expect(screen.getAllByTestId('activity')).toHaveLength(2));
    const ev = new Event('dragover', { bubbles: true, cancelable: true });
    Object.defineProperty(ev, 'dataTransfer', { value: { types: ['Files'], files: [] } });
    document.body.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
  });
});
