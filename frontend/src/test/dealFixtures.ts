import type { Board, Deal, Money, Pipeline, StageColumn } from '../api/sellingTypes';

export function money(minor: number, currency: string, text: string, decimal = ''): Money {
  return { minor, currency, text, decimal };
}

export const pipeline: Pipeline = {
  id: 'p1',
  name: 'Sales',
  position: 0,
  stages: [
    { id: 's1', pipelineId: 'p1', name: 'Qualified', position: 0, probability: 10 },
    { id: 's2', pipelineId: 'p1', name: 'Proposal', position: 1, probability: 50 },
  ],
};

export function deal(patch: Partial<Deal> = {}): Deal {
  return {
    id: 'd1',
    version: 3,
    title: 'Fleet renewal',
    pipelineId: 'p1',
    stageId: 's1',
    stageName: 'Qualified',
    status: 'open',
    amount: money(1250000, 'EUR', '€12,500.00', '12500.00'),
    amountHome: money(1350000, 'USD', '$13,500.00', '13500.00'),
    probability: 10,
    probabilityOverride: null,
    weighted: money(135000, 'USD', '$1,350.00', '1350.00'),
    expectedClose: '2026-03-31',
    ownerId: 'o1',
    ownerName: 'Ada Lovelace',
    companyId: 'co1',
    companyName: 'Acme <b>Ltd</b>',
    leadId: '',
    contactIds: [],
    contacts: [],
    closeReason: '',
    notes: '',
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-02T10:00:00Z',
    closedAt: '',
    ...patch,
  };
}

function column(stage: Pipeline['stages'][number], deals: Deal[], total: Money, weighted: Money, missingRates: string[] = []): StageColumn {
  return { stage, deals, count: deals.length, total, weighted, missingRates };
}

/** Two stages: Qualified has d1 (EUR) and d2 (JPY, no rate); Proposal has d3. */
export function board(): Board {
  return {
    pipeline,
    columns: [
      column(
        pipeline.stages[0],
        [deal(), deal({ id: 'd2', title: 'Tokyo pilot', amount: money(500000, 'JPY', '¥500,000'), amountHome: null, weighted: null })],
        money(1350000, 'USD', '$13,500.00'),
        money(135000, 'USD', '$1,350.00'),
        ['JPY'],
      ),
      column(pipeline.stages[1], [deal({ id: 'd3', title: 'Warehouse', stageId: 's2', stageName: 'Proposal', probability: 50 })], money(200000, 'USD', '$2,000.00'), money(100000, 'USD', '$1,000.00')),
    ],
    won: { count: 1, total: money(500000, 'USD', '$5,000.00'), missingRates: [] },
    lost: { count: 0, total: money(0, 'USD', '$0.00'), missingRates: [] },
    homeCurrency: 'USD',
    closedFrom: '2026-03-01',
    closedTo: '2026-04-01',
  };
}
