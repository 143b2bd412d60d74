import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import { ScoreBadge } from './ScoreBadge';

describe('ScoreBadge', () => {
  it('shows the score and, when clicked, each rule with its points as text', async () => {
    renderWithProviders(
      <ScoreBadge
        score={25}
        reasons={[
          { ruleId: 'a', label: 'Source: referral', points: 20 },
          { ruleId: 'b', label: '<img src=x onerror=alert(1)>', points: 10 },
          { ruleId: 'c', label: 'Far away', points: -5 },
        ]}
      />,
    );
    const badge = screen.getByTestId('lead-score');
    expect(badge).toHaveTextContent('25');
    fireEvent.click(badge);
    const pop = await screen.findByTestId('lead-score-reasons');
    const rows = within(pop).getAllByTestId('lead-score-reason');
    expect(rows.map((r) => r.textContent)).toEqual(['+20Source: referral', '+10<img src=x onerror=alert(1)>', '\u22125Far away']);
    expect(pop.querySelector('img')).toBeNull();
    expect(pop).toHaveTextContent('Total');
  });

  it('says so when no rule matched', async () => {
    renderWithProviders(<ScoreBadge score={0} reasons={[]} />);
    fireEvent.click(screen.getByTestId('lead-score'));
    expect(await screen.findByText('No rule matched this lead yet.')).toBeInTheDocument();
  });
});
