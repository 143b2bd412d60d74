import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportWizard } from './ImportWizard';
import { renderWithProviders } from '../test/render';
import { ApiError } from '../api/errors';
import * as ie from '../api/importexport';
import type { ImportJob, ImportPreview } from '../api/importexport';
import { fullContact } from '../test/fixtures';

vi.mock('../api/importexport', async (orig) => ({
  ...(await orig<typeof import('../api/importexport')>()),
  previewImport: vi.fn(),
  startImport: vi.fn(),
  cancelImport: vi.fn(),
  importResult: vi.fn(),
  chooseImportFile: vi.fn(),
  onImportProgress: vi.fn(() => () => {}),
}));

const api = vi.mocked(ie);

const fields = (name: string, email: string) => {
  const { id: _i, version: _v, displayName: _d, createdAt: _c, updatedAt: _u, ...f } = fullContact({ givenName: name });
  return { ...f, emails: email ? [{ label: 'other', value: email }] : [], phones: [], company: '' };
};

const preview: ImportPreview = {
  format: 'csv',
  encoding: 'windows-1252',
  bom: false,
  delimiter: ';',
  source: 'outlook',
  language: 'de',
  columns: [
    { index: 0, header: 'Vorname', target: 'given_name', sample: 'Jürgen' },
    { index: 1, header: 'Abteilung', target: 'ignore', sample: 'Vertrieb' },
  ],
  records: [
    { record: 1, line: 2, displayName: 'Jürgen', fields: fields('Jürgen', 'j@example.de'), skip: '', problems: [] },
    { record: 2, line: 3, displayName: '', fields: fields('', ''), skip: 'empty', problems: [] },
  ],
  warnings: [],
  targets: ['ignore', 'given_name', 'department'],
  items: [],
  events: 0,
  tasks: 0,
};

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: 'job1',
  path: '/tmp/k.csv',
  state: 'running',
  progress: { jobId: 'job1', bytesRead: 0, bytesTotal: 100, records: 0, imported: 0, merged: 0, skipped: 0 },
  format: 'csv',
  records: 0,
  imported: 0,
  merged: 0,
  skipped: 0,
  mergedEntries: [],
  skippedEntries: [],
  warnings: [],
  warningCount: 0,
  error: '',
  ...over,
});

beforeEach(() => vi.clearAllMocks());

describe('ImportWizard', () => {
  it('walks from the file through mapping and preview to the result', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    api.previewImport.mockResolvedValue(preview);
    api.startImport.mockResolvedValue('job1');
    api.importResult
      .mockResolvedValueOnce(job({ progress: { ...job({}).progress, bytesRead: 50, records: 1, imported: 0 } }))
      .mockResolvedValue(
        job({
          state: 'done',
          records: 2,
          imported: 1,
          skipped: 1,
          skippedEntries: [{ record: 2, line: 3, name: '', reason: 'empty', detail: 'a contact needs a name', contactId: '' }],
        }),
      );
    renderWithProviders(<ImportWizard opened onClose={() => {}} />);

    await user.type(screen.getByTestId('import-path'), '/tmp/k.csv');
    await user.click(screen.getByTestId('import-next'));
    expect(await screen.findByTestId('import-detected-encoding')).toHaveTextContent('windows-1252');
    expect(screen.getByTestId('import-detected-delimiter')).toHaveTextContent('Semicolon');
    expect(screen.getByTestId('import-detected-profile')).toHaveTextContent('Outlook (de)');
    expect(screen.getAllByTestId('import-column-row')).toHaveLength(2);

    await user.click(screen.getByTestId('import-next'));
    const rows = await screen.findAllByTestId('import-preview-row');
    expect(rows[0]).toHaveTextContent('Jürgen');
    expect(rows[0]).toHaveTextContent('j@example.de');
    expect(rows[1]).toHaveTextContent('No name, company or e-mail');
    expect(api.previewImport).toHaveBeenLastCalledWith(
      expect.objectContaining({
        path: '/tmp/k.csv',
        onDuplicate: 'merge',
        columns: [
          { index: 0, target: 'given_name' },
          { index: 1, target: 'ignore' },
        ],
      }),
    );

    await user.click(screen.getByTestId('import-start'));
    const result = await screen.findByTestId('import-result', {}, { timeout: 3000 });
    expect(within(result).getByTestId('import-result-imported')).toHaveTextContent('1');
    expect(within(result).getByTestId('import-result-skipped')).toHaveTextContent('1');
    expect(within(result).getByTestId('import-entry-skipped')).toHaveTextContent('No name, company or e-mail');
  });

  it('shows a clear error for a file that cannot be opened', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    api.previewImport.mockRejectedValue(new ApiError('file_unreadable', 'cannot open /nope'));
    renderWithProviders(<ImportWizard opened onClose={() => {}} />);
    await user.type(screen.getByTestId('import-path'), '/nope');
    await user.click(screen.getByTestId('import-next'));
    await waitFor(() => expect(screen.getByTestId('import-error')).toHaveTextContent('could not be opened'));
  });

  it('previews an iCalendar file as meetings and tasks, without a columns step, and reports what was imported', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const ics: ImportPreview = {
      ...preview,
      format: 'ics',
      encoding: 'utf-8',
      delimiter: '',
      source: '',
      language: '',
      columns: [],
      records: [],
      targets: [],
      warnings: ['line 40: X-WR-TIMEZONE ignored'],
      events: 2,
      tasks: 1,
      items: [
        { kind: 'event', line: 5, title: 'Weekly sync', start: '2026-03-02T09:00:00', timeZone: 'Europe/Berlin', allDay: false, recurring: true, skip: '', problems: [] },
        { kind: 'event', line: 20, title: 'Offsite', start: '2026-03-10', timeZone: '', allDay: true, recurring: false, skip: '', problems: ['ATTACH dropped'] },
        { kind: 'task', line: 31, title: 'Send minutes', start: '2026-03-03', timeZone: '', allDay: true, recurring: false, skip: '', problems: [] },
        { kind: '', line: 44, title: '', start: '', timeZone: '', allDay: false, recurring: false, skip: 'unreadable', problems: ['line 44: BEGIN:VEVENT without END'] },
      ],
    };
    api.previewImport.mockResolvedValue(ics);
    api.startImport.mockResolvedValue('job2');
    api.importResult.mockResolvedValue(
      job({
        id: 'job2',
        path: '/tmp/team.ics',
        format: 'ics',
        state: 'done',
        records: 4,
        imported: 2,
        merged: 1,
        skipped: 1,
        mergedEntries: [{ record: 1, line: 5, name: 'Weekly sync', reason: 'uid', detail: 'updated meeting e1', contactId: '' }],
        skippedEntries: [{ record: 0, line: 44, name: '', reason: 'unreadable', detail: 'line 44: BEGIN:VEVENT without END', contactId: '' }],
      }),
    );
    const { queryClient } = renderWithProviders(<ImportWizard opened onClose={() => {}} />);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    await user.type(screen.getByTestId('import-path'), '/tmp/team.ics');
    await user.click(screen.getByTestId('import-next'));

    expect(await screen.findByTestId('import-calendar-summary')).toHaveTextContent('2 meetings, 1 task');
    expect(screen.getByText('Import meetings and tasks')).toBeInTheDocument();
    // No column mapping for an iCalendar file, and no Columns step.
    expect(screen.queryByTestId('import-columns')).not.toBeInTheDocument();
    expect(screen.queryByText('Columns')).not.toBeInTheDocument();
    expect(screen.getByText('line 40: X-WR-TIMEZONE ignored')).toBeInTheDocument();

    const rows = screen.getAllByTestId('import-calendar-item');
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['event', 'event', 'task', 'unknown']);
    expect(within(rows[0]).getByTestId('import-item-kind')).toHaveTextContent('Meeting');
    expect(within(rows[0]).getByTestId('import-item-title')).toHaveTextContent('Weekly sync');
    expect(within(rows[0]).getByTestId('import-item-recurring')).toHaveTextContent('Repeats');
    expect(within(rows[0]).getByTestId('import-item-start')).toHaveTextContent('Mar 2, 2026, 9:00 AM');
    expect(within(rows[0]).getByTestId('import-item-start')).toHaveTextContent('Europe/Berlin');
    expect(within(rows[0]).getByTestId('import-item-status')).toHaveTextContent('Will be imported');
    expect(within(rows[1]).getByTestId('import-item-start')).toHaveTextContent('Mar 10, 2026All day');
    expect(within(rows[1]).getByTestId('import-item-status')).toHaveTextContent('1 value left out');
    expect(within(rows[1]).getByTestId('import-item-problem')).toHaveTextContent('ATTACH dropped');
    expect(within(rows[2]).getByTestId('import-item-kind')).toHaveTextContent('Task');
    expect(within(rows[2]).getByTestId('import-item-start')).toHaveTextContent('Due Mar 3, 2026');
    expect(within(rows[3]).getByTestId('import-item-title')).toHaveTextContent('Line 44');
    expect(within(rows[3]).getByTestId('import-item-status')).toHaveTextContent('Could not be read');
    expect(within(rows[3]).getByTestId('import-item-problem')).toHaveTextContent('BEGIN:VEVENT without END');
    expect(api.previewImport).toHaveBeenCalledTimes(1);

    await user.click(screen.getByTestId('import-start'));
    expect(api.startImport).toHaveBeenCalledWith(expect.objectContaining({ path: '/tmp/team.ics', columns: [] }));
    const result = await screen.findByTestId('import-result', {}, { timeout: 3000 });
    expect(within(result).getByTestId('import-result-calendar')).toHaveTextContent(
      'Meetings and tasks: 2 imported, 1 updated, 1 skipped (4 read).',
    );
    expect(within(result).getByTestId('import-result-imported')).toHaveTextContent('2');
    expect(within(result).getByTestId('import-result-merged')).toHaveTextContent('1');
    expect(result).toHaveTextContent('updated');
    const merged = within(result).getByTestId('import-entry-merged');
    expect(merged).toHaveTextContent('Weekly sync');
    expect(merged).toHaveTextContent('Updated');
    expect(merged).toHaveTextContent('Same UID as a meeting or task already here');
    expect(within(result).getByTestId('import-entry-skipped')).toHaveTextContent('Could not be read');
    // The backend announces contacts only: the wizard refreshes meetings and tasks itself.
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['calendar'] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['tasks'] });
  });

  it('offers iCalendar as a format and leaves out the contacts-only duplicate choice for it', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    api.previewImport.mockResolvedValue({ ...preview, format: 'ics', items: [], events: 0, tasks: 0, columns: [], records: [] });
    renderWithProviders(<ImportWizard opened onClose={() => {}} />);
    expect(screen.getByTestId('import-duplicates')).toBeInTheDocument();
    await user.click(screen.getByText('iCalendar'));
    expect(screen.queryByTestId('import-duplicates')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('import-path'), '/tmp/empty.ics');
    await user.click(screen.getByTestId('import-next'));
    expect(api.previewImport).toHaveBeenCalledWith(expect.objectContaining({ format: 'ics' }));
    expect(await screen.findByTestId('import-calendar-empty')).toHaveTextContent('no meeting or task');
    expect(screen.getByTestId('import-start')).toBeDisabled();
  });
});
