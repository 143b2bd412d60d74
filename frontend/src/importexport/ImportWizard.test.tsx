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
});
