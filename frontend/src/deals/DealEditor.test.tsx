import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DealEditor } from './DealEditor';
import { renderWithProviders } from '../test/render';
import { deal, pipeline } from '../test/dealFixtures';
import { ApiError } from '../api/errors';
import * as dealsApi from '../api/deals';
import * as sellingApi from '../api/selling';

vi.mock('../api/deals', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/deals')>()),
  listPipelines: vi.fn(),
  createDeal: vi.fn(),
  updateDeal: vi.fn(),
  winDeal: vi.fn(),
  dealHistory: vi.fn(),
}));
vi.mock('../api/selling', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/selling')>()),
  listOwners: vi.fn(),
  currencies: vi.fn(),
}));
const api = vi.mocked(dealsApi);
const selling = vi.mocked(sellingApi);
const defaults = { pipeline, currency: 'USD', ownerId: 'o1' };

beforeEach(() => {
  vi.clearAllMocks();
  api.listPipelines.mockResolvedValue([pipeline]);
  api.dealHistory.mockResolvedValue([
    { stageId: 's1', stageName: 'Qualified', status: 'open', enteredAt: '2026-03-01T10:00:00Z', leftAt: '2026-03-05T11:00:00Z' },
    { stageId: 's2', stageName: 'Proposal', status: 'open', enteredAt: '2026-03-05T11:00:00Z', leftAt: '' },
  ]);
  selling.listOwners.mockResolvedValue([{ id: 'o1', name: 'Ada Lovelace', email: '', isMe: true }]);
  selling.currencies.mockResolvedValue([
    { code: 'USD', symbol: '$', digits: 2 },
    { code: 'JPY', symbol: '¥', digits: 0 },
  ]);
});

const open = (d: Parameters<typeof DealEditor>[0]['deal'], onChanged = vi.fn(), onClose = vi.fn()) =>
  renderWithProviders(<DealEditor deal={d} defaults={defaults} onClose={onClose} onDelete={vi.fn()} onChanged={onChanged} />);

describe('DealEditor', () => {
  it('says a title is needed and does not save without one', async () => {
    open(null);
    const form = await screen.findByTestId('deal-editor');
    fireEvent.submit(form);
    expect(await screen.findByText('A deal needs a title.')).toBeInTheDocument();
    expect(api.createDeal).not.toHaveBeenCalled();
  });

  it('shows a bad probability on its field', async () => {
    open(null);
    fireEvent.change(await screen.findByTestId('deal-title'), { target: { value: 'Pilot' } });
    fireEvent.change(screen.getByTestId('deal-probability'), { target: { value: '120' } });
    fireEvent.submit(screen.getByTestId('deal-editor'));
    expect(await screen.findByText(/A whole number from 0 to 100/)).toBeInTheDocument();
    expect(api.createDeal).not.toHaveBeenCalled();
  });

  it('puts the backend amount error under the amount, then saves the text the user typed', async () => {
    api.createDeal.mockRejectedValueOnce(new ApiError('amount_invalid', 'JPY has no decimals', 'amount'));
    const onClose = vi.fn();
    open(null, vi.fn(), onClose);
    fireEvent.change(await screen.findByTestId('deal-title'), { target: { value: 'Tokyo pilot' } });
    fireEvent.change(screen.getByTestId('deal-amount'), { target: { value: '500000.5' } });
    fireEvent.submit(screen.getByTestId('deal-editor'));
    const amount = screen.getByTestId('deal-amount');
    await waitFor(() => expect(amount).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText(/That amount cannot be read for its currency/)).toBeInTheDocument();
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(api.createDeal).toHaveBeenCalledWith(expect.objectContaining({ title: 'Tokyo pilot', amount: '500000.5', currency: 'USD', stageId: 's1', ownerId: 'o1', probability: null }));
    expect(onClose).not.toHaveBeenCalled();

    api.createDeal.mockResolvedValueOnce(deal());
    fireEvent.change(amount, { target: { value: '500000' } });
    await waitFor(() => expect(amount).not.toHaveAttribute('aria-invalid', 'true'));
    fireEvent.submit(screen.getByTestId('deal-editor'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('shows a version conflict above the form', async () => {
    api.updateDeal.mockRejectedValueOnce(new ApiError('version_conflict', 'changed'));
    open(deal());
    expect(await screen.findByTestId('deal-title')).toHaveValue('Fleet renewal');
    expect(screen.getByTestId('deal-amount')).toHaveValue('12500.00');
    fireEvent.submit(screen.getByTestId('deal-editor'));
    expect(await screen.findByTestId('form-error')).toBeInTheDocument();
    expect(api.updateDeal).toHaveBeenCalledWith('d1', 3, expect.objectContaining({ amount: '12500.00', currency: 'EUR' }));
  });

  it('lists the stage history with days spent, and wins the deal', async () => {
    api.winDeal.mockResolvedValue(deal({ status: 'won', version: 4 }));
    const onChanged = vi.fn();
    open(deal(), onChanged);
    const rows = await screen.findAllByTestId('deal-history-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByTestId('deal-history-days')).toHaveTextContent('4 days');
    expect(within(rows[1])).toBeTruthy();
    expect(rows[1]).toHaveTextContent('now');
    fireEvent.click(screen.getByTestId('deal-win'));
    await waitFor(() => expect(api.winDeal).toHaveBeenCalledWith('d1', 3, ''));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ status: 'won', version: 4 })));
  });
});
