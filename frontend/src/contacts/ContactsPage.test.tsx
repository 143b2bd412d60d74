import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactsPage } from './ContactsPage';
import { renderWithProviders } from '../test/render';
import { fullContact, page, summary } from '../test/fixtures';
import { ApiError } from '../api/errors';
import * as contacts from '../api/contacts';
import type { ContactSummary } from '../api/types';

vi.mock('../api/contacts', () => ({
  listContacts: vi.fn(),
  getContact: vi.fn(),
  createContact: vi.fn(),
  updateContact: vi.fn(),
  deleteContact: vi.fn(),
  restoreContact: vi.fn(),
  MAX_PAGE_SIZE: 500,
}));

const api = vi.mocked(contacts);

/** A fake backend holding `rows`; searching keeps the rows whose name contains the query. */
function backend(rows: ContactSummary[]) {
  api.listContacts.mockImplementation(async ({ query, offset, limit }) => {
    const hits = query ? rows.filter((r) => r.displayName.toLowerCase().includes(query.toLowerCase())) : rows;
    return { items: hits.slice(offset, offset + limit), total: hits.length, offset };
  });
  api.getContact.mockImplementation(async (id) => {
    const r = rows.find((x) => x.id === id);
    if (!r) throw new ApiError('not_found', 'no such contact');
    return fullContact({ id: r.id, displayName: r.displayName, company: r.company, givenName: r.displayName });
  });
}

function setup() {
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  const utils = renderWithProviders(<ContactsPage />);
  return { user, ...utils };
}

const XSS = '<img src=x onerror=alert(1)>';

beforeEach(() => {
  vi.clearAllMocks();
});

describe('ContactsPage list', () => {
  it('renders the first page of rows from the api, and the total', async () => {
    api.listContacts.mockImplementation(async ({ offset, limit }) => page(1204, offset, limit));
    setup();

    const rows = await screen.findAllByTestId('contact-row');
    expect(api.listContacts).toHaveBeenCalledWith({ query: '', offset: 0, limit: 100 });
    // Virtualised: only the rows in view (plus overscan) are in the DOM, not all 1,204.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveTextContent('Person 0');
    expect(rows[0]).toHaveTextContent('Company 0 · Buyer');
    expect(rows[0]).toHaveTextContent('person0@example.com');
    expect(rows[0]).toHaveAttribute('role', 'option');
    expect(rows[0]).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByTestId('contact-count')).toHaveTextContent('1,204 contacts');
    expect(screen.getByTestId('contact-list')).toHaveAttribute('role', 'listbox');
  });

  it('fetches the page of rows that scrolls into view, by offset', async () => {
    api.listContacts.mockImplementation(async ({ offset, limit }) => page(5000, offset, limit));
    setup();
    await screen.findAllByTestId('contact-row');
    const list = screen.getByTestId('contact-list');
    await act(async () => {
      list.scrollTop = 62 * 2500;
      list.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(api.listContacts).toHaveBeenCalledWith({ query: '', offset: 2500, limit: 100 }));
    await waitFor(() => expect(screen.getByText('Person 2505')).toBeInTheDocument());
  });

  it('searches as you type (debounced) and shows the result count', async () => {
    backend([summary(1, { displayName: 'Ada Lovelace' }), summary(2, { displayName: 'Grace Hopper' }), summary(3, { displayName: 'Adam Smith' })]);
    const { user } = setup();
    await screen.findAllByTestId('contact-row');

    const search = screen.getByRole('textbox', { name: 'Search contacts' });
    expect(search).toHaveAttribute('placeholder', 'Search contacts… (/)');
    // Three keystrokes in one synchronous run: no timer can fire between them, however busy
    // the machine, so the debounce must collapse them into one search.
    fireEvent.change(search, { target: { value: 'a' } });
    fireEvent.change(search, { target: { value: 'ad' } });
    fireEvent.change(search, { target: { value: 'ada' } });
    await waitFor(() => expect(api.listContacts).toHaveBeenCalledWith({ query: 'ada', offset: 0, limit: 100 }), { timeout: 5000 });
    expect(api.listContacts).not.toHaveBeenCalledWith(expect.objectContaining({ query: 'a' }));
    expect(api.listContacts).not.toHaveBeenCalledWith(expect.objectContaining({ query: 'ad' }));
    await waitFor(() => expect(screen.getAllByTestId('contact-row')).toHaveLength(2), { timeout: 5000 });
    expect(screen.getByTestId('contact-count')).toHaveTextContent('2 results');

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(await screen.findByTestId('contact-no-results', {}, { timeout: 5000 })).toHaveTextContent('No contacts match “zzz”');
  });

  it('shows the empty state when there are no contacts', async () => {
    backend([]);
    setup();
    const empty = await screen.findByTestId('contact-empty');
    expect(empty).toHaveTextContent('No contacts yet — create one or run fieldbook seed');
  });

  it('shows "backend not available" instead of crashing without a backend', async () => {
    api.listContacts.mockRejectedValue(ApiError.backendUnavailable('no window.go'));
    setup();
    const err = await screen.findByTestId('contact-list-error');
    expect(err).toHaveTextContent('Backend not available');
    expect(within(err).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('ContactsPage security', () => {
  it('renders a contact named like HTML as text: no element is created from it', async () => {
    backend([summary(1, { id: 'x1', displayName: XSS, company: '<b>bold</b>', email: '"><script>alert(1)</script>' })]);
    api.getContact.mockResolvedValue(
      fullContact({ id: 'x1', displayName: XSS, givenName: XSS, notes: '<script>alert(2)</script>\n<img src=y>', tags: ['<i>t</i>'] }),
    );
    const { user, container } = setup();

    const row = await screen.findByTestId('contact-row');
    expect(row).toHaveTextContent(XSS);
    expect(row.querySelector('.fb-row-name')?.textContent).toBe(XSS);
    await user.click(row);

    const detail = await screen.findByTestId('contact-detail');
    expect(within(detail).getByRole('heading', { level: 2 })).toHaveTextContent(XSS);
    expect(within(detail).getByTestId('contact-notes').textContent).toBe('<script>alert(2)</script>\n<img src=y>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('ContactsPage detail, delete and undo', () => {
  it('shows the selected contact with links, tags and dates', async () => {
    backend([summary(1, { id: 'c1', displayName: 'Ada Lovelace' })]);
    api.getContact.mockResolvedValue(fullContact());
    const { user } = setup();
    await user.click(await screen.findByTestId('contact-row'));
    const detail = await screen.findByTestId('contact-detail');
    expect(screen.getByTestId('contact-row')).toHaveAttribute('aria-selected', 'true');
    expect(within(detail).getByRole('heading', { level: 2, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(within(detail).getByRole('link', { name: 'ada@example.com' })).toHaveAttribute('href', 'mailto:ada@example.com');
    expect(within(detail).getByRole('link', { name: '020 7946 0000' })).toHaveAttribute('href', 'tel:+442079460000');
    expect(within(detail).getAllByTestId('tag').map((t) => t.textContent)).toEqual(['vip', 'london']);
    expect(within(detail).getByTestId('detail-dates')).toHaveTextContent(/Created .*2024/);
    expect(within(detail).getByRole('button', { name: 'Edit' })).toBeInTheDocument();
  });

  it('deletes without a confirm dialog and Undo restores', async () => {
    backend([summary(1, { id: 'c1', displayName: 'Ada Lovelace' }), summary(2, { id: 'c2', displayName: 'Grace Hopper' })]);
    api.deleteContact.mockResolvedValue(fullContact());
    api.restoreContact.mockResolvedValue(fullContact());
    const { user } = setup();
    await user.click((await screen.findAllByTestId('contact-row'))[0]);
    const detail = await screen.findByTestId('contact-detail');

    await user.click(within(detail).getByRole('button', { name: 'Delete' }));
    expect(api.deleteContact).toHaveBeenCalledWith('c1');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const note = await screen.findByText('Contact deleted');
    const undo = within(note.closest('[data-testid="delete-notification"]') as HTMLElement).getByRole('button', { name: 'Undo' });
    expect(undo).toHaveAttribute('title', 'Undo (Ctrl+Z)');

    await user.click(undo);
    await waitFor(() => expect(api.restoreContact).toHaveBeenCalledWith('c1'));
    await waitFor(() => expect(screen.queryByText('Contact deleted')).not.toBeInTheDocument());
  });

  it('moves with the arrow keys, deletes with the Delete key and undoes with Ctrl+Z', async () => {
    backend([summary(1, { id: 'c1', displayName: 'Ada' }), summary(2, { id: 'c2', displayName: 'Grace' })]);
    api.deleteContact.mockResolvedValue(fullContact({ id: 'c2' }));
    api.restoreContact.mockResolvedValue(fullContact({ id: 'c2' }));
    const { user } = setup();
    await screen.findAllByTestId('contact-row');

    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getAllByTestId('contact-row')[0]).toHaveAttribute('aria-selected', 'true'));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getAllByTestId('contact-row')[1]).toHaveAttribute('aria-selected', 'true'));
    await screen.findByTestId('contact-detail');

    await user.keyboard('{Delete}');
    await waitFor(() => expect(api.deleteContact).toHaveBeenCalledWith('c2'));
    await screen.findByText('Contact deleted');
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(api.restoreContact).toHaveBeenCalledWith('c2'));
  });

  it('opens the form with Ctrl+N and the editor with E, focusing search with /', async () => {
    backend([summary(1, { id: 'c1', displayName: 'Ada' })]);
    const { user } = setup();
    await screen.findAllByTestId('contact-row');

    await user.keyboard('/');
    expect(screen.getByRole('textbox', { name: 'Search contacts' })).toHaveFocus();

    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('heading', { name: 'New contact' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('contact-form')).not.toBeInTheDocument());

    await user.click(screen.getByTestId('contact-row'));
    await screen.findByTestId('contact-detail');
    await user.keyboard('e');
    expect(await screen.findByTestId('contact-form')).toBeInTheDocument();
    expect(screen.getByLabelText('First name')).toHaveValue('Ada');
  });
});
