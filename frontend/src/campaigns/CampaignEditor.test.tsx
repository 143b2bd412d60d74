import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CampaignEditor } from './CampaignEditor';
import { renderWithProviders } from '../test/render';
import * as api from '../api/campaigns';
import * as companies from '../api/companies';
import { ApiError } from '../api/errors';

vi.mock('../api/campaigns', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/campaigns')>()),
  listFilters: vi.fn(),
  previewFilter: vi.fn(),
  saveFilter: vi.fn(),
}));
// selling.ts keeps its hooks beside its calls, so the hooks themselves are replaced.
vi.mock('../api/selling', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/selling')>()),
  useHomeCurrency: () => ({ data: 'EUR' }),
  useMe: () => ({ data: { id: 'me', name: 'Mina', email: '', isMe: true } }),
  useOwners: () => ({ data: [{ id: 'me', name: 'Mina', email: '', isMe: true }] }),
  useCurrencies: () => ({ data: [{ code: 'EUR', symbol: '€', digits: 2 }, { code: 'JPY', symbol: '¥', digits: 0 }] }),
}));
vi.mock('../api/companies', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/companies')>()),
  listCompanies: vi.fn(),
}));
const m = vi.mocked(api);
const co = vi.mocked(companies);

beforeEach(() => {
  vi.clearAllMocks();
  m.listFilters.mockResolvedValue([]);
  m.previewFilter.mockResolvedValue({ total: 42, sample: [{ id: 'a', displayName: 'Ann <b>', company: '', title: '', email: 'a@x.test', phone: '', tags: [] }] });
  m.saveFilter.mockImplementation(async (input) => ({ id: 'f9', name: input.name, filter: input.filter }));
  co.listCompanies.mockResolvedValue({ items: [], total: 0, offset: 0 });
});

describe('CampaignEditor', () => {
  it('checks the name first and sends the cost as text in the home currency, owned by the user', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<CampaignEditor saving={false} onSave={onSave} onCancel={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('campaign-currency')).toHaveValue('EUR'));
    fireEvent.click(screen.getByTestId('campaign-save'));
    expect(await screen.findByText('A campaign needs a name.')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('campaign-name'), { target: { value: 'Spring mailing' } });
    expect(screen.queryByText('A campaign needs a name.')).toBeNull();
    fireEvent.change(screen.getByTestId('campaign-cost'), { target: { value: '1,250.50' } });
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        name: 'Spring mailing', channel: 'email', cost: '1,250.50', currency: 'EUR', startsOn: '', endsOn: '', filterId: '', ownerId: 'me', notes: '',
      }),
    );
  });

  it('shows a backend error on its field', async () => {
    const onSave = vi.fn().mockRejectedValue(new ApiError('amount_invalid', 'JPY has 0 decimals', 'cost'));
    renderWithProviders(<CampaignEditor saving={false} onSave={onSave} onCancel={() => {}} />);
    fireEvent.change(screen.getByTestId('campaign-name'), { target: { value: 'Yen ads' } });
    fireEvent.change(screen.getByTestId('campaign-cost'), { target: { value: '1.5' } });
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const cost = screen.getByTestId('campaign-cost');
    await waitFor(() => expect(cost).toHaveAttribute('aria-invalid', 'true'));
  });

  it('builds a new saved filter with a live count and picks it', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<CampaignEditor saving={false} onSave={onSave} onCancel={() => {}} />);
    fireEvent.click(screen.getByTestId('campaign-new-filter'));
    await waitFor(() => expect(screen.getByTestId('filter-preview-count')).toHaveTextContent('42 contacts match'));
    expect(screen.getByText('Ann <b> · a@x.test')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('filter-save'));
    expect(await screen.findByText('Give the filter a name.')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('filter-name'), { target: { value: 'Newsletter' } });
    fireEvent.click(screen.getByTestId('filter-has-email'));
    await waitFor(() => expect(m.previewFilter).toHaveBeenLastCalledWith({ query: '', tags: [], companyId: '', hasEmail: true }, 5));
    fireEvent.click(screen.getByTestId('filter-save'));
    await waitFor(() =>
      expect(m.saveFilter).toHaveBeenCalledWith({ id: '', name: 'Newsletter', filter: { query: '', tags: [], companyId: '', hasEmail: true } }),
    );
    fireEvent.change(screen.getByTestId('campaign-name'), { target: { value: 'News' } });
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ filterId: 'f9' })));
  });
});
