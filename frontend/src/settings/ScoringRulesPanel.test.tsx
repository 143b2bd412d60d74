import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import * as leadsApi from '../api/leads';
import { ApiError } from '../api/errors';
import type { ScoringRule } from '../api/leadTypes';
import { ruleIndex, ScoringRulesPanel, withKind } from './ScoringRulesPanel';

vi.mock('../api/leads', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/leads')>()),
  scoringRules: vi.fn(),
  saveScoringRules: vi.fn(),
  defaultScoringRules: vi.fn(),
}));
const api = vi.mocked(leadsApi);

const rules: ScoringRule[] = [
  { id: 'source-web', label: 'Source: web', kind: 'source', field: 'source', op: 'equals', value: 'web', points: 10 },
  { id: 'fit-title', label: 'Senior title', kind: 'field', field: 'title', op: 'contains', value: 'head, vp', points: 10 },
];

beforeEach(() => {
  vi.clearAllMocks();
  api.scoringRules.mockResolvedValue(rules);
});

describe('ScoringRulesPanel', () => {
  it('helpers: a kind change keeps the rule valid; a backend field names its row', () => {
    expect(withKind(rules[1], 'engagement')).toEqual({ ...rules[1], kind: 'engagement', field: 'call', op: 'count_at_least', value: '1' });
    expect(withKind(rules[1], 'source')).toMatchObject({ kind: 'source', field: 'source', op: 'equals' });
    expect(ruleIndex('rules[12].value')).toBe(12);
    expect(ruleIndex('rules')).toBe(-1);
  });

  it('edits points and saves all rules at once', async () => {
    api.saveScoringRules.mockImplementation(async (r) => r);
    renderWithProviders(<ScoringRulesPanel />);
    const rows = await screen.findAllByTestId('scoring-rule');
    expect(rows).toHaveLength(2);
    fireEvent.change(within(rows[0]).getByLabelText('Points'), { target: { value: '25' } });
    fireEvent.click(screen.getByTestId('scoring-add'));
    expect(screen.getAllByTestId('scoring-rule')).toHaveLength(3);
    fireEvent.click(screen.getByTestId('scoring-save'));
    await waitFor(() => expect(api.saveScoringRules).toHaveBeenCalled());
    const sent = api.saveScoringRules.mock.calls[0][0];
    expect(sent.map((r) => r.points)).toEqual([25, 10, 5]);
    expect(sent[2]).toMatchObject({ id: '', kind: 'field', op: 'contains' });
  });

  it('shows a refused rule on its own row', async () => {
    api.saveScoringRules.mockRejectedValue(new ApiError('scoring_rule_invalid', 'bad', 'rules[1].value'));
    renderWithProviders(<ScoringRulesPanel />);
    await screen.findAllByTestId('scoring-rule');
    fireEvent.click(screen.getByTestId('scoring-save'));
    const rows = screen.getAllByTestId('scoring-rule');
    expect(await within(rows[1]).findByText(/A scoring rule is incomplete or wrong/)).toBeInTheDocument();
    expect(within(rows[0]).queryByText(/A scoring rule is incomplete/)).toBeNull();
  });
});
