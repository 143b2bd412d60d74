import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import { SearchSpotlight } from './SearchSpotlight';
import { SearchButton } from './SearchButton';
import { searchBox } from './searchStore';
import * as search from '../api/search';
import type { SearchHit } from '../api/search';

vi.mock('../api/search', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/search')>()),
  searchAll: vi.fn(),
}));
const api = vi.mocked(search);

const ann: SearchHit = {
  kind: 'contact',
  id: 'c1',
  area: 'contacts',
  openId: 'c1',
  title: 'Ann Lee',
  subtitle: 'Buyer · Acme',
  snippet: '',
  extra: 'ann@example.com',
};
const annual: SearchHit = {
  kind: 'event',
  id: 'e1',
  area: 'calendar',
  openId: 'e1',
  title: 'Annual review',
  subtitle: 'Head office',
  snippet: '',
  extra: '2026-12-01T09:00:00.000Z',
};
const bob: SearchHit = {
  kind: 'contact',
  id: 'c2',
  area: 'contacts',
  openId: 'c2',
  title: 'Bob <img src=x onerror=alert(1)>',
  subtitle: '',
  snippet: 'Met <b>Ann</b> at the fair',
  extra: '',
};

function titles() {
  return screen.queryAllByTestId('search-hit').map((el) => within(el).getByTestId('search-hit-title').textContent);
}

beforeEach(() => {
  vi.clearAllMocks();
  window.location.hash = '#/contacts';
});
afterEach(() => {
  act(() => searchBox.close());
});

describe('SearchSpotlight', () => {
  it('opens with Ctrl+K, searches as you type, groups by kind and marks the typed words', async () => {
    api.searchAll.mockResolvedValue([ann, annual, bob]);
    const user = userEvent.setup();
    renderWithProviders(<SearchSpotlight />);
    expect(screen.queryByTestId('search-input')).not.toBeInTheDocument();

    await user.keyboard('{Control>}k{/Control}');
    const input = await screen.findByTestId('search-input');
    expect(screen.getByTestId('search-status')).toHaveTextContent('Type a name');
    await user.type(input, 'ann');
    await waitFor(() => expect(titles()).toEqual(['Ann Lee', 'Bob <img src=x onerror=alert(1)>', 'Annual review']));
    // Requests carry the text as typed, the last for the whole word (how many depends on the typing
    // speed against the 80 ms debounce, so it is not asserted).
    expect(api.searchAll.mock.calls.at(-1)).toEqual(['ann']);
    expect(api.searchAll.mock.calls.every(([text]) => 'ann'.startsWith(text))).toBe(true);

    // Groups in the order of their best hit, labelled by kind.
    const list = screen.getByTestId('search-results');
    expect(within(list).getByText('Contacts')).toBeInTheDocument();
    expect(within(list).getByText('Meetings')).toBeInTheDocument();
    // Record data is text: no element came from the title or the snippet's markup.
    expect(list.querySelector('img')).toBeNull();
    expect(list.querySelector('b')).toBeNull();
    const snippet = screen.getByTestId('search-hit-snippet');
    expect(snippet).toHaveTextContent('Met <b>Ann</b> at the fair');
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Ann']);
    expect([...list.querySelectorAll('[data-testid="search-hit-title"] mark')].map((m) => m.textContent)).toEqual(['Ann', 'Annual']);
  });

  it('moves with the arrow keys and opens the record with Enter', async () => {
    api.searchAll.mockResolvedValue([ann, annual]);
    const user = userEvent.setup();
    renderWithProviders(<SearchSpotlight />);
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByTestId('search-input'), 'ann');
    await waitFor(() => expect(titles()).toEqual(['Ann Lee', 'Annual review']));
    // The best hit is selected at once; ↓ moves to the meeting, ↑ back, ↓ again.
    await waitFor(() => expect(screen.getAllByTestId('search-hit')[0]).toHaveAttribute('data-selected'));
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowDown}');
    expect(screen.getAllByTestId('search-hit')[1]).toHaveAttribute('data-selected');
    await user.keyboard('{Enter}');
    expect(window.location.hash).toBe('#/calendar?event=e1&at=2026-12-01T09%3A00%3A00.000Z');
    await waitFor(() => expect(screen.queryByTestId('search-input')).not.toBeInTheDocument());
  });

  it('Enter on fresh results opens the best hit; Esc closes', async () => {
    api.searchAll.mockResolvedValue([ann]);
    const user = userEvent.setup();
    renderWithProviders(<SearchSpotlight />);
    await user.keyboard('{Meta>}k{/Meta}');
    await user.type(await screen.findByTestId('search-input'), 'ann');
    await waitFor(() => expect(titles()).toEqual(['Ann Lee']));
    await user.keyboard('{Enter}');
    expect(window.location.hash).toBe('#/contacts?id=c1');

    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByTestId('search-input')).toHaveValue('');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('search-input')).not.toBeInTheDocument());
  });

  it('drops an answer that arrives after the answer to newer text', async () => {
    let answerOld: (v: SearchHit[]) => void = () => {};
    api.searchAll.mockImplementation((text: string) =>
      text === 'an' ? new Promise<SearchHit[]>((r) => (answerOld = r)) : Promise.resolve([annual]),
    );
    const user = userEvent.setup();
    renderWithProviders(<SearchSpotlight />);
    await user.keyboard('{Control>}k{/Control}');
    const input = await screen.findByTestId('search-input');
    await user.type(input, 'an');
    await waitFor(() => expect(api.searchAll).toHaveBeenCalledWith('an'));
    await user.type(input, 'nu');
    await waitFor(() => expect(titles()).toEqual(['Annual review']));
    await act(async () => answerOld([ann, bob]));
    expect(titles()).toEqual(['Annual review']);
  });

  it('says when nothing is found, and the sidebar button opens the box', async () => {
    api.searchAll.mockResolvedValue([]);
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <SearchButton />
        <SearchSpotlight />
      </>,
    );
    expect(screen.getByTestId('search-open')).toHaveTextContent('Ctrl K');
    await user.click(screen.getByTestId('search-open'));
    await user.type(await screen.findByTestId('search-input'), 'zzz');
    expect(await screen.findByText('Nothing found for “zzz”.')).toBeInTheDocument();
  });
});
