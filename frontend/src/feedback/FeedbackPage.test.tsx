import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import * as care from '../api/care';
import type { Feedback, FeedbackSummary } from '../api/careTypes';
import { FeedbackPage } from './FeedbackPage';
import { FeedbackForm } from './FeedbackForm';

vi.mock('../api/care', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/care')>()),
  feedbackSummary: vi.fn(),
  listFeedback: vi.fn(),
  recordFeedback: vi.fn(),
  deleteFeedback: vi.fn(),
  restoreFeedback: vi.fn(),
}));
const api = vi.mocked(care);

const zero = { responses: 0, promoters: 0, passives: 0, detractors: 0, score: 0, num: 0, den: 1 };
const summary: FeedbackSummary = {
  from: '2026-01-01',
  to: '2026-11-23',
  count: 2,
  nps: { responses: 2, promoters: 1, passives: 0, detractors: 1, score: 0, num: 0, den: 1 },
  csat: { responses: 0, satisfied: 0, share: 0, mean: '' },
  months: [
    { month: '2026-10', nps: zero, csat: { responses: 0, satisfied: 0, share: 0, mean: '' } },
    { month: '2026-11', nps: { ...zero, responses: 2, promoters: 1, detractors: 1 }, csat: { responses: 0, satisfied: 0, share: 0, mean: '' } },
  ],
};

function answer(patch: Partial<Feedback>): Feedback {
  return {
    id: 'f1',
    version: 1,
    contactId: 'c1',
    contactName: 'Ann Bee',
    companyId: 'co1',
    companyName: 'Acme',
    kind: 'nps',
    score: 9,
    band: 'promoter',
    comment: '',
    receivedAt: '2026-11-20T10:00:00.000Z',
    ownerId: 'me',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...patch,
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  api.feedbackSummary.mockResolvedValue(summary);
  api.listFeedback.mockResolvedValue({
    items: [answer({}), answer({ id: 'f2', score: 3, band: 'detractor', comment: '<b>slow</b> support' })],
    total: 2,
    offset: 0,
  });
  api.deleteFeedback.mockResolvedValue();
  api.restoreFeedback.mockResolvedValue(answer({}));
});

describe('FeedbackPage', () => {
  it('shows the NPS of the period, the months and the answers, comments as text', async () => {
    renderWithProviders(<FeedbackPage />);
    expect(await screen.findByTestId('nps-score')).toHaveTextContent('0');
    expect(screen.getByTestId('feedback-summary')).toHaveTextContent('Promoters 1 · passives 0 · detractors 1');
    expect(screen.getByTestId('csat-share')).toHaveTextContent('—');
    expect(screen.getByTestId('feedback-months')).toBeInTheDocument();
    const rows = await screen.findAllByTestId('feedback-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('<b>slow</b> support');
    expect(rows[1].querySelector('b')).toBeNull();
    expect(api.feedbackSummary).toHaveBeenCalledWith(expect.objectContaining({ to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }));
  });

  it('deletes an answer with an undo that restores it', async () => {
    renderWithProviders(<FeedbackPage />);
    const rows = await screen.findAllByTestId('feedback-row');
    fireEvent.click(within(rows[1]).getByTestId('feedback-delete'));
    await waitFor(() => expect(api.deleteFeedback).toHaveBeenCalledWith('f2'));
    fireEvent.click(await screen.findByTestId('feedback-deleted-undo'));
    await waitFor(() => expect(api.restoreFeedback).toHaveBeenCalledWith('f2'));
  });

  it('opens the record form with N', async () => {
    renderWithProviders(<FeedbackPage />);
    await screen.findAllByTestId('feedback-row');
    fireEvent.keyDown(window, { key: 'n' });
    expect(await screen.findByTestId('feedback-form')).toBeInTheDocument();
  });
});

describe('FeedbackForm', () => {
  it('colours the scores by band, asks for a score, and records the answer for the contact', async () => {
    api.recordFeedback.mockResolvedValue(answer({}));
    const onClose = vi.fn();
    renderWithProviders(<FeedbackForm opened editing={null} contact={{ id: 'c1', name: 'Ann Bee' }} onClose={onClose} />);
    const control = await screen.findByTestId('score-control');
    expect(within(control).getAllByRole('radio')).toHaveLength(11);
    expect(screen.getByTestId('score-6')).toHaveAttribute('data-band', 'detractor');
    expect(screen.getByTestId('score-7')).toHaveAttribute('data-band', 'passive');
    expect(screen.getByTestId('score-9')).toHaveAttribute('data-band', 'promoter');
    fireEvent.click(screen.getByTestId('feedback-save'));
    expect(await screen.findByText('Pick a score.')).toBeInTheDocument();
    expect(api.recordFeedback).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('score-9'));
    expect(screen.getByTestId('score-9')).toHaveAttribute('aria-checked', 'true');
    fireEvent.change(screen.getByTestId('feedback-comment'), { target: { value: 'Great onboarding' } });
    fireEvent.click(screen.getByTestId('feedback-save'));
    await waitFor(() =>
      expect(api.recordFeedback).toHaveBeenCalledWith({ contactId: 'c1', kind: 'nps', score: 9, comment: 'Great onboarding', receivedAt: '', ownerId: '' }),
    );
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('offers 1–5 for CSAT and moves the choice with the arrow keys', async () => {
    renderWithProviders(<FeedbackForm opened editing={null} contact={{ id: 'c1', name: 'Ann' }} onClose={() => {}} />);
    fireEvent.click(await screen.findByText('Satisfaction (1–5)'));
    const control = screen.getByTestId('score-control');
    expect(within(control).getAllByRole('radio').map((r) => r.textContent)).toEqual(['1', '2', '3', '4', '5']);
    expect(screen.getByTestId('score-3')).toHaveAttribute('data-band', 'neutral');
    fireEvent.keyDown(control, { key: 'ArrowRight' });
    fireEvent.keyDown(control, { key: 'ArrowRight' });
    expect(screen.getByTestId('score-2')).toHaveAttribute('aria-checked', 'true');
  });

  it('needs a contact', async () => {
    renderWithProviders(<FeedbackForm opened editing={null} onClose={() => {}} />);
    fireEvent.click(await screen.findByTestId('score-10'));
    fireEvent.click(screen.getByTestId('feedback-save'));
    expect(await screen.findByText('Choose the contact who answered.')).toBeInTheDocument();
    expect(api.recordFeedback).not.toHaveBeenCalled();
  });
});
