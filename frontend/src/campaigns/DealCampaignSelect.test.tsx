import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DealCampaignSelect } from './DealCampaignSelect';
import { renderWithProviders } from '../test/render';
import * as api from '../api/campaigns';
import type { Campaign } from '../api/campaignTypes';

vi.mock('../api/campaigns', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/campaigns')>()),
  listCampaigns: vi.fn(),
  dealCampaign: vi.fn(),
  attributeDeal: vi.fn(),
}));
const m = vi.mocked(api);

const named = (id: string, name: string) => ({ id, name }) as Campaign;

beforeEach(() => {
  vi.clearAllMocks();
  m.listCampaigns.mockResolvedValue([named('c1', 'Expo 2026'), named('c2', 'Spring newsletter')]);
  m.dealCampaign.mockResolvedValue('c1');
  m.attributeDeal.mockResolvedValue(undefined);
});

describe('DealCampaignSelect', () => {
  it("shows the deal's campaign and saves another one at once", async () => {
    renderWithProviders(<DealCampaignSelect dealId="d1" />);
    const input = screen.getByTestId('deal-campaign');
    await waitFor(() => expect(input).toHaveValue('Expo 2026'));
    expect(m.dealCampaign).toHaveBeenCalledWith('d1');
    fireEvent.click(input);
    fireEvent.click(await screen.findByText('Spring newsletter'));
    await waitFor(() => expect(m.attributeDeal).toHaveBeenCalledWith('d1', 'c2'));
  });

  it('is not shown for a deal not saved yet', () => {
    renderWithProviders(<DealCampaignSelect dealId="" />);
    expect(screen.queryByTestId('deal-campaign')).toBeNull();
    expect(m.dealCampaign).not.toHaveBeenCalled();
  });
});
