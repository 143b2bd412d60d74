import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CampaignDetail } from './CampaignDetail';
import { renderWithProviders } from '../test/render';
import * as api from '../api/campaigns';
import type { Campaign } from '../api/campaignTypes';

vi.mock('../api/campaigns', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/campaigns')>()),
  listFilters: vi.fn(),
  campaignContacts: vi.fn(),
  campaignDeals: vi.fn(),
  findDeals: vi.fn(),
  recordResponse: vi.fn(),
  targetCampaign: vi.fn(),
  attributeDeal: vi.fn(),
}));
const m = vi.mocked(api);

const money = (minor: number, currency: string, text: string) => ({ minor, currency, text, decimal: '' });

function campaign(patch: Partial<Campaign['stats']> = {}): Campaign {
  return {
    id: 'c1',
    version: 1,
    name: 'Expo <i>2026</i>',
    channel: 'event',
    cost: money(60000, 'EUR', '€600.00'),
    startsOn: '2026-03-01',
    endsOn: '2026-03-03',
    filterId: 'f1',
    ownerId: '',
    notes: '',
    createdAt: '',
    updatedAt: '',
    stats: {
      targeted: 2,
      responded: 1,
      responseRate: 5000,
      deals: 1,
      won: 1,
      revenue: money(180000, 'EUR', '€1,800.00'),
      cost: money(60000, 'EUR', '€600.00'),
      roi: 20000,
      missingRates: [],
      homeCurrency: 'EUR',
      ...patch,
    },
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  m.listFilters.mockResolvedValue([{ id: 'f1', name: 'Expo visitors', filter: { query: '', tags: ['expo'], companyId: '', hasEmail: false } }]);
  m.campaignContacts.mockResolvedValue({
    total: 2,
    offset: 0,
    items: [
      { contactId: 'a', name: 'Ann', email: 'ann@x.test', addedAt: '2026-03-20T12:00:00Z', respondedAt: '2026-03-20T12:00:00Z', response: 'demo' },
      { contactId: 'b', name: 'Bob', email: 'bob@x.test', addedAt: '2026-03-20T12:00:00Z', respondedAt: '', response: '' },
    ],
  });
  m.campaignDeals.mockResolvedValue([{ id: 'd1', title: 'Demo deal', status: 'won', stageName: 'Proposal', amount: money(200000, 'USD', '$2,000.00'), closedAt: '' }]);
  m.findDeals.mockResolvedValue([
    { id: 'd1', title: 'Demo deal', status: 'won', amount: '$2,000.00' },
    { id: 'd2', title: 'Other deal', status: 'open', amount: '€5.00' },
  ]);
  m.recordResponse.mockResolvedValue(undefined);
  m.targetCampaign.mockResolvedValue(3);
  m.attributeDeal.mockResolvedValue(undefined);
});

describe('CampaignDetail', () => {
  it('shows the stats the backend computed, with ratios from basis points and record text as text', async () => {
    renderWithProviders(<CampaignDetail campaign={campaign()} onEdit={() => {}} onDelete={() => {}} />);
    expect(screen.getByTestId('campaign-title')).toHaveTextContent('Expo <i>2026</i>');
    expect(screen.getByTestId('stat-targeted')).toHaveTextContent('2');
    expect(screen.getByTestId('stat-response-rate')).toHaveTextContent('50%');
    expect(screen.getByTestId('stat-revenue')).toHaveTextContent('€1,800.00');
    expect(screen.getByTestId('stat-roi')).toHaveTextContent('200%');
    expect(await screen.findByText('From the filter “Expo visitors”')).toBeInTheDocument();
  });

  it('says why an ROI is undefined: no cost, or a missing exchange rate', () => {
    const { unmount } = renderWithProviders(
      <CampaignDetail campaign={campaign({ roi: null, cost: money(0, 'EUR', '€0.00') })} onEdit={() => {}} onDelete={() => {}} />,
    );
    expect(screen.getByTestId('stat-roi')).toHaveTextContent('—');
    expect(screen.getByText('Undefined without a cost.')).toBeInTheDocument();
    unmount();
    renderWithProviders(<CampaignDetail campaign={campaign({ roi: null, missingRates: ['GBP'] })} onEdit={() => {}} onDelete={() => {}} />);
    expect(screen.getByText('No exchange rate for GBP.')).toBeInTheDocument();
  });

  it('marks a contact responded and takes a response back', async () => {
    renderWithProviders(<CampaignDetail campaign={campaign()} onEdit={() => {}} onDelete={() => {}} />);
    const rows = await screen.findAllByTestId('campaign-contact-row');
    expect(rows.map((r) => r.getAttribute('data-responded'))).toEqual(['true', 'false']);
    fireEvent.click(within(rows[1]).getByTestId('campaign-contact-respond'));
    await waitFor(() => expect(m.recordResponse).toHaveBeenCalledWith('c1', 'b', '', true));
    fireEvent.click(within(rows[0]).getByTestId('campaign-contact-respond'));
    await waitFor(() => expect(m.recordResponse).toHaveBeenCalledWith('c1', 'a', 'demo', false));
  });

  it('targets from the saved filter and reports how many were added', async () => {
    renderWithProviders(<CampaignDetail campaign={campaign()} onEdit={() => {}} onDelete={() => {}} />);
    fireEvent.click(screen.getByTestId('campaign-target'));
    await waitFor(() => expect(m.targetCampaign).toHaveBeenCalledWith('c1'));
    expect(await screen.findByText('3 new contacts targeted')).toBeInTheDocument();
  });

  it('cannot target without a saved filter', () => {
    renderWithProviders(<CampaignDetail campaign={{ ...campaign(), filterId: '' }} onEdit={() => {}} onDelete={() => {}} />);
    expect(screen.getByTestId('campaign-target')).toBeDisabled();
  });

  it('lists attributed deals, offers only the others, and detaches', async () => {
    renderWithProviders(<CampaignDetail campaign={campaign()} onEdit={() => {}} onDelete={() => {}} />);
    const row = await screen.findByTestId('campaign-deal-row');
    expect(row).toHaveTextContent('Demo deal');
    expect(row).toHaveTextContent('$2,000.00');
    fireEvent.click(screen.getByTestId('campaign-deal-picker'));
    await waitFor(() => expect(screen.getByText('Other deal · €5.00')).toBeInTheDocument());
    expect(screen.queryByText('Demo deal · $2,000.00')).toBeNull();
    fireEvent.click(screen.getByText('Other deal · €5.00'));
    await waitFor(() => expect(m.attributeDeal).toHaveBeenCalledWith('d2', 'c1'));
    fireEvent.click(within(row).getByLabelText('Detach from the campaign'));
    await waitFor(() => expect(m.attributeDeal).toHaveBeenCalledWith('d1', ''));
  });
});
