import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { DealsPage } from './DealsPage';
import { useBoardDrop } from './useBoardDrop';
import { renderWithProviders } from '../test/render';
import { board, deal, pipeline } from '../test/dealFixtures';
import { createQueryClient } from '../api/hooks';
import { dealKeys } from '../api/dealHooks';
import { ApiError } from '../api/errors';
import * as dealsApi from '../api/deals';
import * as sellingApi from '../api/selling';
import type { Board, BoardQuery, Deal } from '../api/sellingTypes';
import { theme } from '../theme';
import i18n from '../i18n';

vi.mock('../api/deals', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/deals')>()),
  listPipelines: vi.fn(),
  dealBoard: vi.fn(),
  dealTable: vi.fn(),
  moveDeal: vi.fn(),
  winDeal: vi.fn(),
  loseDeal: vi.fn(),
  reopenDeal: vi.fn(),
  createDeal: vi.fn(),
}));
vi.mock('../api/selling', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/selling')>()),
  listOwners: vi.fn(),
  me: vi.fn(),
  homeCurrency: vi.fn(),
  currencies: vi.fn(),
}));
const api = vi.mocked(dealsApi);
const selling = vi.mocked(sellingApi);

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
  api.listPipelines.mockResolvedValue([pipeline]);
  api.dealBoard.mockImplementation(async () => board());
  selling.listOwners.mockResolvedValue([{ id: 'o1', name: 'Ada Lovelace', email: 'ada@example.com', isMe: true }]);
  selling.me.mockResolvedValue({ id: 'o1', name: 'Ada Lovelace', email: 'ada@example.com', isMe: true });
  selling.homeCurrency.mockResolvedValue('USD');
  selling.currencies.mockResolvedValue([
    { code: 'USD', symbol: '$', digits: 2 },
    { code: 'EUR', symbol: '€', digits: 2 },
  ]);
});

describe('DealsPage board', () => {
  it('shows each stage with count, the backend totals, and the missing-rate hint', async () => {
    renderWithProviders(<DealsPage />);
    const columns = await screen.findAllByTestId('deal-column');
    expect(columns).toHaveLength(2);
    expect(api.dealBoard).toHaveBeenCalledWith(expect.objectContaining({ pipelineId: 'p1', ownerId: '', query: '', limitPerStage: 50 }));
    const [qualified, proposal] = columns;
    expect(within(qualified).getByTestId('deal-column-count')).toHaveTextContent('2');
    expect(within(qualified).getByTestId('deal-column-total')).toHaveTextContent('$13,500.00');
    expect(within(qualified).getByTestId('deal-column-weighted')).toHaveTextContent('weighted $1,350.00');
    expect(within(qualified).getByTestId('deal-column-missing-rates')).toHaveTextContent('No rate for JPY');
    expect(within(proposal).queryByTestId('deal-column-missing-rates')).toBeNull();
    expect(within(proposal).getByTestId('deal-column-total')).toHaveTextContent('$2,000.00');
    expect(screen.getByTestId('deal-won-total')).toHaveTextContent('1 deal · $5,000.00');
    expect(screen.getByTestId('deal-lost-total')).toHaveTextContent('0 deals · $0.00');
  });

  it('writes counts and percentages with Bengali digits in Bengali', async () => {
    renderWithProviders(<DealsPage />);
    await screen.findAllByTestId('deal-column');
    await act(async () => {
      await i18n.changeLanguage('bn');
    });
    const [qualified] = screen.getAllByTestId('deal-column');
    expect(within(qualified).getByTestId('deal-column-count')).toHaveTextContent('২');
    expect(qualified).toHaveTextContent('১০%');
    expect(screen.getByTestId('deal-won-total')).toHaveTextContent('১টি ডিল · $5,000.00');
    await act(async () => {
      await i18n.changeLanguage('en');
    });
  });

  it('renders cards as text: title, company, amount, owner initials, a past close date flagged', async () => {
    renderWithProviders(<DealsPage />);
    const cards = await screen.findAllByTestId('deal-card');
    const first = cards[0];
    expect(within(first).getByTestId('deal-card-company')).toHaveTextContent('Acme <b>Ltd</b>');
    expect(within(first).getByTestId('deal-card-amount')).toHaveTextContent('€12,500.00');
    expect(within(first).getByTestId('deal-card-owner')).toHaveTextContent('AL');
    // The fixture's close (31 Mar 2026) is before the real today.
    expect(within(first).getByTestId('deal-card-close')).toHaveAttribute('data-late', 'true');
    expect(within(cards[1]).getByTestId('deal-card-amount')).toHaveTextContent('¥500,000');
  });

  it('opens a new deal with N and focuses the search with /', async () => {
    renderWithProviders(<DealsPage />);
    await screen.findAllByTestId('deal-card');
    fireEvent.keyDown(window, { key: '/' });
    expect(screen.getByTestId('deal-search')).toHaveFocus();
    fireEvent.keyDown(screen.getByTestId('deal-search'), { key: 'Escape' });
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(await screen.findByTestId('deal-editor')).toBeInTheDocument();
  });

  it('remembers the table view', async () => {
    api.dealTable.mockResolvedValue({ items: [deal({ amountHome: null })], total: 1, offset: 0 });
    const first = renderWithProviders(<DealsPage />);
    fireEvent.click(await screen.findByText('Table'));
    const row = await screen.findByTestId('deal-row');
    expect(within(row).getByTestId('deal-row-home')).toHaveTextContent('no rate');
    expect(api.dealTable).toHaveBeenCalledWith(expect.objectContaining({ status: 'open', sort: 'updated', desc: true, offset: 0, limit: 50 }));
    first.unmount();
    renderWithProviders(<DealsPage />);
    expect(await screen.findByTestId('deal-table')).toBeInTheDocument();
  });
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useBoardDrop', () => {
  const query: BoardQuery = { pipelineId: 'p1', ownerId: '', query: '', limitPerStage: 50, closedFrom: '', closedTo: '' };
  function setup() {
    const qc = createQueryClient();
    qc.setQueryData(dealKeys.board(query), board());
    notifications.clean();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={qc}>
        <MantineProvider theme={theme} env="test">
          <Notifications />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    );
    const hook = renderHook(() => useBoardDrop(query), { wrapper });
    const current = () => qc.getQueryData<Board>(dealKeys.board(query)) as Board;
    return { qc, hook, current };
  }
  const ids = (b: Board) => b.columns.map((c) => c.deals.map((d) => d.id));

  it('moves the card at once, before the backend answers, then asks Move with the version', async () => {
    const call = deferred<Deal>();
    api.moveDeal.mockReturnValue(call.promise);
    api.dealBoard.mockImplementation(() => new Promise(() => {}));
    const { hook, current } = setup();
    act(() => hook.result.current.mutate({ deal: deal(), target: { kind: 'stage', stageId: 's2' } }));
    await waitFor(() => expect(ids(current())).toEqual([['d2'], ['d1', 'd3']]));
    expect(api.moveDeal).toHaveBeenCalledWith('d1', 3, 's2');
    expect(current().columns[1].pending).toBe(true);
    await act(async () => call.resolve(deal({ stageId: 's2', version: 4 })));
  });

  it('puts the card back and says why when the backend refuses', async () => {
    const call = deferred<Deal>();
    api.moveDeal.mockReturnValue(call.promise);
    api.dealBoard.mockImplementation(() => new Promise(() => {}));
    const { hook, current } = setup();
    act(() => hook.result.current.mutate({ deal: deal(), target: { kind: 'stage', stageId: 's2' } }));
    await waitFor(() => expect(ids(current())).toEqual([['d2'], ['d1', 'd3']]));
    await act(async () => call.reject(new ApiError('version_conflict', 'changed elsewhere')));
    await waitFor(() => expect(ids(current())).toEqual([['d1', 'd2'], ['d3']]));
    expect(current().columns[0].pending).toBeUndefined();
    const note = await screen.findByTestId('deal-move-error');
    expect(note).toHaveTextContent('“Fleet renewal” could not be moved');
  });

  it('offers Undo after a move, which moves the deal back from its new version', async () => {
    api.moveDeal.mockResolvedValueOnce(deal({ stageId: 's2', stageName: 'Proposal', version: 4 }));
    api.moveDeal.mockResolvedValueOnce(deal({ version: 5 }));
    api.dealBoard.mockImplementation(async () => board());
    const { hook } = setup();
    await act(async () => hook.result.current.mutateAsync({ deal: deal(), target: { kind: 'stage', stageId: 's2' } }));
    const note = await screen.findByTestId('deal-moved-notification');
    expect(note).toHaveTextContent('“Fleet renewal” moved to Proposal');
    fireEvent.click(within(note).getByTestId('deal-move-undo'));
    await waitFor(() => expect(api.moveDeal).toHaveBeenLastCalledWith('d1', 4, 's1'));
  });

  it('undoes a won drop by reopening the deal', async () => {
    api.winDeal.mockResolvedValue(deal({ status: 'won', version: 4 }));
    api.reopenDeal.mockResolvedValue(deal({ version: 5 }));
    api.dealBoard.mockImplementation(async () => board());
    const { hook } = setup();
    await act(async () => hook.result.current.mutateAsync({ deal: deal(), target: { kind: 'won' } }));
    const note = await screen.findByTestId('deal-moved-notification');
    expect(note).toHaveTextContent('“Fleet renewal” won');
    fireEvent.click(within(note).getByTestId('deal-move-undo'));
    await waitFor(() => expect(api.reopenDeal).toHaveBeenCalledWith('d1', 4));
    // Reopened in the stage it was won from: no extra move.
    expect(api.moveDeal).not.toHaveBeenCalled();
  });

  it('sends a lost reason to Lose', async () => {
    api.loseDeal.mockResolvedValue(deal({ status: 'lost' }));
    api.dealBoard.mockImplementation(async () => board());
    const { hook } = setup();
    await act(async () => hook.result.current.mutateAsync({ deal: deal(), target: { kind: 'lost' }, reason: 'Price' }));
    expect(api.loseDeal).toHaveBeenCalledWith('d1', 3, 'Price');
    expect(api.moveDeal).not.toHaveBeenCalled();
  });
});
