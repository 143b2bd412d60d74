import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import { pipelineReport } from '../test/reportData';
import { ReportTable } from './ReportTable';

const stages = () => screen.getAllByTestId('report-row').map((r) => r.querySelector('td')?.textContent);

describe('ReportTable', () => {
  it('shows the backend texts, translated headings and the totals row; a heading click sorts', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const r = pipelineReport;
    renderWithProviders(<ReportTable caption="Pipeline" columns={r.columns} rows={r.rows} total={r.total} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Stage', 'Probability', 'Deals', 'Total', 'Weighted']);
    expect(screen.getAllByTestId('report-row')[1]).toHaveTextContent('Proposal50%1$10,000.00$5,000.00');
    expect(screen.getByTestId('report-total')).toHaveTextContent('Total3$10,900.00$5,090.00');
    expect(stages()).toEqual(['Qualified', 'Proposal']);
    await user.click(screen.getByTestId('sort-count'));
    expect(screen.getAllByRole('columnheader')[2]).toHaveAttribute('aria-sort', 'ascending');
    expect(stages()).toEqual(['Proposal', 'Qualified']);
    await user.click(screen.getByTestId('sort-count'));
    expect(screen.getAllByRole('columnheader')[2]).toHaveAttribute('aria-sort', 'descending');
    expect(stages()).toEqual(['Qualified', 'Proposal']);
    await user.click(screen.getByTestId('sort-total'));
    expect(stages()).toEqual(['Qualified', 'Proposal']);
    expect(screen.getByTestId('report-total')).toBeInTheDocument();
  });

  it('says so when there are no rows', () => {
    renderWithProviders(<ReportTable caption="x" columns={pipelineReport.columns} rows={[]} total={null} />);
    expect(screen.getByTestId('report-empty')).toHaveTextContent('No data for these filters.');
  });
});
