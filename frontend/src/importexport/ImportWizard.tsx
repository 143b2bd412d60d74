import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Progress,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconFileImport, IconFolderOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import {
  calendarKeys,
  cancelImport,
  chooseImportFile,
  importResult,
  onImportProgress,
  previewImport,
  startImport,
  type DuplicateChoice,
  type ImportEntry,
  type ImportFormat,
  type ImportJob,
  type ImportPreview,
  type ImportProgress,
  type ImportRequest,
} from '../api';
import { useFormat } from '../lib/format';
import { useAction } from '../lib/useAction';
import { delimiterName, formatBytes, targetLabel } from './targets';
import { CalendarPreview, isCalendarFormat } from './CalendarImport';

/** How often the wizard asks for the job's state while it runs (events carry the live progress). */
const POLL_MS = 300;

const STEP_FILE = 0;
const STEP_COLUMNS = 1;
const STEP_PREVIEW = 2;
const STEP_IMPORT = 3;
const STEP_RESULT = 4;

export function ImportWizard({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  // While an import runs the wizard stays open: it is the only place that shows the result.
  const [running, setRunning] = useState(false);
  const [format, setFormat] = useState('');
  return (
    <Modal
      opened={opened}
      onClose={() => {
        if (!running) onClose();
      }}
      title={isCalendarFormat(format) ? t('importexport.ics.title') : t('importexport.import.title')}
      size="xl"
      centered
      closeOnClickOutside={false}
      closeOnEscape={!running}
      withCloseButton={!running}
      data-testid="import-wizard"
    >
      {opened && <Wizard onClose={onClose} onRunning={setRunning} onFormat={setFormat} />}
    </Modal>
  );
}

function Wizard(props: { onClose: () => void; onRunning: (running: boolean) => void; onFormat: (format: string) => void }) {
  const { onClose, onRunning, onFormat } = props;
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [step, setStep] = useState(STEP_FILE);
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<ImportFormat>('');
  const [onDuplicate, setOnDuplicate] = useState<DuplicateChoice>('merge');
  const [columns, setColumns] = useState<Record<number, string>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const { busy, error, run, attempt, fail } = useAction();
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);

  const request = (cols: Record<number, string>): ImportRequest => ({
    path: path.trim(),
    format,
    charset: '',
    delimiter: '',
    columns: Object.entries(cols).map(([index, target]) => ({ index: Number(index), target })),
    onDuplicate,
  });

  const loadPreview = (cols: Record<number, string>, next: number) =>
    run(async () => {
      const p = await previewImport(request(cols));
      setPreview(p);
      onFormat(p.format);
      // An iCalendar file has no columns to map: straight to its meetings and tasks.
      if (isCalendarFormat(p.format)) {
        setStep(STEP_PREVIEW);
        return;
      }
      if (next === STEP_COLUMNS) setColumns(Object.fromEntries(p.columns.map((c) => [c.index, c.target])));
      setStep(next);
    });

  const browse = () =>
    attempt(async () => {
      const chosen = await chooseImportFile();
      if (chosen) setPath(chosen);
    });

  const start = () =>
    run(async () => {
      const id = await startImport(request(preview?.format === 'csv' ? columns : {}));
      setJobId(id);
      setStep(STEP_IMPORT);
    });

  // Live progress from events; the job's state by polling, so a fast import that ends before
  // the job ID arrives is still seen.
  useEffect(() => {
    if (!jobId) return;
    const off = onImportProgress((p) => {
      if (p.jobId === jobId) setProgress(p);
    });
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        try {
          const j = await importResult(jobId);
          if (stopped) return;
          setProgress((old) => (old && old.records > j.progress.records ? old : j.progress));
          if (j.state !== 'running') {
            setJob(j);
            setStep(STEP_RESULT);
            // The backend announces contacts only: meetings and tasks are refreshed here.
            if (isCalendarFormat(j.format) && j.imported + j.merged > 0) {
              void qc.invalidateQueries({ queryKey: calendarKeys.calendar });
              void qc.invalidateQueries({ queryKey: calendarKeys.tasks });
            }
            return;
          }
        } catch (e) {
          fail(e);
          return;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    };
    void poll();
    return () => {
      stopped = true;
      off();
    };
  }, [jobId, t]);

  const running = step === STEP_IMPORT;
  const ics = isCalendarFormat(preview?.format ?? '');
  // An iCalendar import has no Columns step.
  const shown = ics ? [STEP_FILE, STEP_PREVIEW, STEP_IMPORT, STEP_RESULT] : [STEP_FILE, STEP_COLUMNS, STEP_PREVIEW, STEP_IMPORT, STEP_RESULT];
  useEffect(() => {
    onRunning(running);
    return () => onRunning(false);
  }, [running, onRunning]);

  return (
    <Stack gap="md">
      <Stepper active={shown.indexOf(step)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('importexport.import.steps.file')} allowStepSelect={!running && step < STEP_IMPORT} />
        {!ics && <Stepper.Step label={t('importexport.import.steps.columns')} allowStepSelect={!running && step < STEP_IMPORT} />}
        <Stepper.Step label={t('importexport.import.steps.preview')} allowStepSelect={false} />
        <Stepper.Step label={t('importexport.import.steps.import')} allowStepSelect={false} />
        <Stepper.Step label={t('importexport.import.steps.result')} allowStepSelect={false} />
      </Stepper>

      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="import-error">
          {error}
        </Alert>
      )}

      {step === STEP_FILE && (
        <Stack gap="sm">
          <Group align="end" gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('importexport.import.path')}
              description={t('importexport.import.pathHint')}
              placeholder="/home/me/contacts.csv"
              value={path}
              onChange={(e) => setPath(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && path.trim()) void loadPreview({}, STEP_COLUMNS);
              }}
              data-testid="import-path"
              data-autofocus
              spellCheck={false}
            />
            <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void browse()}>
              {t('importexport.browse')}
            </Button>
          </Group>
          <Group gap="xl" align="start">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('importexport.import.format')}
              </Text>
              <SegmentedControl
                value={format}
                onChange={(v) => setFormat(v as ImportFormat)}
                data={[
                  { value: '', label: t('importexport.import.formatAuto') },
                  { value: 'csv', label: 'CSV' },
                  { value: 'vcard', label: 'vCard' },
                  { value: 'ics', label: 'iCalendar' },
                ]}
                data-testid="import-format"
              />
            </Stack>
            {/* Meetings and tasks are matched by their UID: the duplicate choice is for contacts. */}
            {format !== 'ics' && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('importexport.import.duplicates')}
              </Text>
              <SegmentedControl
                value={onDuplicate}
                onChange={(v) => setOnDuplicate(v as DuplicateChoice)}
                data={[
                  { value: 'merge', label: t('importexport.import.dupMerge') },
                  { value: 'skip', label: t('importexport.import.dupSkip') },
                  { value: 'import', label: t('importexport.import.dupImport') },
                ]}
                data-testid="import-duplicates"
              />
            </Stack>
            )}
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('importexport.cancel')}
            </Button>
            <Button
              onClick={() => void loadPreview({}, STEP_COLUMNS)}
              loading={busy}
              disabled={!path.trim()}
              data-testid="import-next"
            >
              {t('importexport.next')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === STEP_COLUMNS && preview && (
        <Stack gap="sm">
          <Detected preview={preview} />
          {preview.format === 'csv' ? (
            <ScrollArea.Autosize mah={340} type="auto">
              <Table striped highlightOnHover stickyHeader data-testid="import-columns">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('importexport.import.column')}</Table.Th>
                    <Table.Th>{t('importexport.import.sample')}</Table.Th>
                    <Table.Th w={240}>{t('importexport.import.importAs')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.columns.map((c) => (
                    <Table.Tr key={c.index} data-testid="import-column-row">
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {c.header}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed" lineClamp={1} maw={260}>
                          {c.sample}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          size="xs"
                          aria-label={t('importexport.import.importAsFor', { column: c.header })}
                          value={columns[c.index] ?? 'ignore'}
                          onChange={(v) => setColumns((old) => ({ ...old, [c.index]: v ?? 'ignore' }))}
                          data={preview.targets.map((tg) => ({ value: tg, label: targetLabel(tg, t) }))}
                          allowDeselect={false}
                          searchable
                          comboboxProps={{ withinPortal: true }}
                          data-testid={`import-target-${c.index}`}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          ) : (
            <Text size="sm" c="dimmed">
              {t('importexport.import.vcardNoColumns')}
            </Text>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(STEP_FILE)}>
              {t('importexport.back')}
            </Button>
            <Button onClick={() => void loadPreview(columns, STEP_PREVIEW)} loading={busy} data-testid="import-next">
              {t('importexport.next')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === STEP_PREVIEW && preview && ics && (
        <Stack gap="sm">
          <CalendarPreview preview={preview} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(STEP_FILE)}>
              {t('importexport.back')}
            </Button>
            <Button
              leftSection={<IconFileImport size={16} />}
              onClick={() => void start()}
              loading={busy}
              disabled={preview.events + preview.tasks === 0}
              data-testid="import-start"
            >
              {t('importexport.import.start')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === STEP_PREVIEW && preview && !ics && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('importexport.import.previewIntro', { count: preview.records.length })}
          </Text>
          <ScrollArea.Autosize mah={360} type="auto">
            <Table striped stickyHeader data-testid="import-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={50}>#</Table.Th>
                  <Table.Th>{t('importexport.import.name')}</Table.Th>
                  <Table.Th>{t('importexport.import.email')}</Table.Th>
                  <Table.Th>{t('importexport.import.phone')}</Table.Th>
                  <Table.Th>{t('importexport.import.company')}</Table.Th>
                  <Table.Th>{t('importexport.import.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.records.map((r) => (
                  <Table.Tr key={r.record} data-testid="import-preview-row">
                    <Table.Td>{r.record}</Table.Td>
                    <Table.Td>{r.displayName}</Table.Td>
                    <Table.Td>{r.fields.emails[0]?.value ?? ''}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.fields.phones[0]?.value ?? ''}</Table.Td>
                    <Table.Td>{r.fields.company}</Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={500}
                        c={r.skip ? 'orange.8' : r.problems.length > 0 ? 'yellow.9' : 'teal.8'}
                        title={r.problems.join('\n') || undefined}
                      >
                        {r.skip
                          ? t(`importexport.reasons.${r.skip}`, { defaultValue: r.skip })
                          : r.problems.length > 0
                            ? t('importexport.import.withProblems', { count: r.problems.length })
                            : t('importexport.import.ok')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(preview.format === 'csv' ? STEP_COLUMNS : STEP_FILE)}>
              {t('importexport.back')}
            </Button>
            <Button
              leftSection={<IconFileImport size={16} />}
              onClick={() => void start()}
              loading={busy}
              data-testid="import-start"
            >
              {t('importexport.import.start')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === STEP_IMPORT && (
        <Stack gap="sm" data-testid="import-progress">
          <ProgressView progress={progress} calendar={ics} />
          <Group justify="flex-end">
            <Button
              color="red"
              variant="light"
              onClick={() => jobId && void cancelImport(jobId).catch(fail)}
              data-testid="import-cancel"
            >
              {t('importexport.import.cancelImport')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === STEP_RESULT && job && (
        <Stack gap="sm">
          <Result job={job} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="import-close">
              {t('importexport.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function Detected({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const profile = preview.source
    ? t(`importexport.sources.${preview.source}`, { defaultValue: preview.source }) +
      (preview.language ? ` (${preview.language})` : '')
    : '—';
  const items: [string, string, string][] = [
    [t('importexport.import.detectedFormat'), preview.format === 'csv' ? 'CSV' : 'vCard', 'format'],
    [t('importexport.import.encoding'), preview.encoding + (preview.bom ? ' + BOM' : ''), 'encoding'],
  ];
  if (preview.format === 'csv') {
    items.push([t('importexport.import.delimiter'), delimiterName(preview.delimiter, t), 'delimiter']);
    items.push([t('importexport.import.profile'), profile, 'profile']);
  }
  return (
    <Stack gap="xs">
      <SimpleGrid cols={items.length} spacing="xs">
        {items.map(([label, value, id]) => (
          <Stack key={id} gap={0} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={600} data-testid={`import-detected-${id}`}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {preview.warnings.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="xs">
          {preview.warnings.slice(0, 3).map((w, i) => (
            <Text key={i} size="xs">
              {w}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

function ProgressView({ progress, calendar }: { progress: ImportProgress | null; calendar: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const pct = progress && progress.bytesTotal > 0 ? Math.min(100, (progress.bytesRead * 100) / progress.bytesTotal) : 0;
  return (
    <Stack gap={6}>
      <Progress value={pct} size="lg" animated striped aria-label={t('importexport.import.progress')} />
      <Group justify="space-between">
        <Text size="sm" data-testid="import-progress-bytes">
          {progress
            ? t('importexport.import.bytes', {
                read: formatBytes(progress.bytesRead, i18n.language),
                total: formatBytes(progress.bytesTotal, i18n.language),
              })
            : t('importexport.import.starting')}
        </Text>
        <Text size="sm" c="dimmed" data-testid="import-progress-counts">
          {progress
            ? t(calendar ? 'importexport.ics.counts' : 'importexport.import.counts', {
                records: fmt.number(progress.records),
                imported: fmt.number(progress.imported),
                merged: fmt.number(progress.merged),
                skipped: fmt.number(progress.skipped),
              })
            : ''}
        </Text>
      </Group>
    </Stack>
  );
}

function Result({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ics = isCalendarFormat(job.format);
  const stats: [string, number, string, string][] = [
    ['imported', job.imported, t('importexport.result.imported'), 'teal'],
    ['merged', job.merged, ics ? t('importexport.ics.updated') : t('importexport.result.merged'), 'blue'],
    ['skipped', job.skipped, t('importexport.result.skipped'), 'orange'],
    ['warnings', job.warningCount, ics ? t('importexport.ics.warnings') : t('importexport.result.warnings'), 'yellow'],
  ];
  return (
    <Stack gap="sm" data-testid="import-result" data-format={job.format}>
      {job.state === 'cancelled' && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="import-cancelled">
          {ics ? t('importexport.ics.cancelled') : t('importexport.result.cancelled')}
        </Alert>
      )}
      {ics && (
        <Text size="sm" fw={500} data-testid="import-result-calendar">
          {t('importexport.ics.result', {
            records: fmt.number(job.records),
            imported: fmt.number(job.imported),
            merged: fmt.number(job.merged),
            skipped: fmt.number(job.skipped),
          })}
        </Text>
      )}
      {job.state === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          {t('importexport.result.failed', { error: job.error })}
        </Alert>
      )}
      <SimpleGrid cols={4} spacing="xs">
        {stats.map(([id, n, label, color]) => (
          <Stack key={id} gap={0} p="sm" align="center" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
            <Text size="xl" fw={700} c={n > 0 ? color : 'dimmed'} data-testid={`import-result-${id}`}>
              {fmt.number(n)}
            </Text>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {job.skippedEntries.length + job.mergedEntries.length + job.warnings.length > 0 && (
        <ScrollArea.Autosize mah={280} type="auto">
          <Table striped stickyHeader data-testid="import-result-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('importexport.result.record')}</Table.Th>
                <Table.Th>{t('importexport.import.name')}</Table.Th>
                <Table.Th w={110}>{t('importexport.result.outcome')}</Table.Th>
                <Table.Th>{t('importexport.result.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <EntryRows entries={job.skippedEntries} kind="skipped" ics={ics} />
              <EntryRows entries={job.mergedEntries} kind="merged" ics={ics} />
              <EntryRows entries={job.warnings} kind="warning" ics={ics} />
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function EntryRows({ entries, kind, ics }: { entries: ImportEntry[]; kind: 'skipped' | 'merged' | 'warning'; ics: boolean }) {
  const { t } = useTranslation();
  const color = kind === 'skipped' ? 'orange' : kind === 'merged' ? 'blue' : 'yellow';
  const reason = (e: ImportEntry) =>
    // Meetings and tasks: "uid" (updated) and "duplicate" (unchanged) read differently.
    ics && (e.reason === 'uid' || e.reason === 'duplicate')
      ? t(`importexport.ics.reasons.${e.reason}`)
      : kind === 'merged'
      ? t('importexport.result.mergedBy', { what: t(`importexport.matchedBy.${e.reason}`, { defaultValue: e.reason }) })
      : t(`importexport.reasons.${e.reason}`, { defaultValue: e.reason });
  return (
    <>
      {entries.map((e, i) => (
        <Table.Tr key={`${kind}-${i}`} data-testid={`import-entry-${kind}`}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            {e.record > 0 ? e.record : '—'}
            {e.line > 0 && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({t('importexport.result.line', { line: e.line })})
              </Text>
            )}
          </Table.Td>
          <Table.Td>{e.name}</Table.Td>
          <Table.Td>
            <Badge color={color} variant="light" tt="none">
              {ics && kind === 'merged' ? t('importexport.ics.updatedKind') : t(`importexport.result.kind.${kind}`)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{reason(e)}</Text>
            {e.detail && kind !== 'merged' && !(ics && e.reason === 'duplicate') && (
              <Text size="xs" c="dimmed" lineClamp={2} title={e.detail}>
                {e.detail}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
