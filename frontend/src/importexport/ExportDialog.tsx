import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFileExport, IconFolderOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { chooseExportFile, chooseExportFolder, exportContacts, type ExportFormat } from '../api';
import { useFormat } from '../lib/format';
import { notifySuccess } from '../lib/notify';
import { useAction } from '../lib/useAction';

type Scope = 'all' | 'search' | 'selected';

export interface ExportDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The current search text ("" when none). */
  query: string;
  /** The selected contact, if any. */
  selectedId: string | null;
  selectedName?: string;
}

export function ExportDialog(props: ExportDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('importexport.export.title')} size="md" centered>
      {props.opened && <ExportForm {...props} />}
    </Modal>
  );
}

function ExportForm({ onClose, query, selectedId, selectedName }: ExportDialogProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [format, setFormat] = useState<ExportFormat>('vcard3');
  const [scope, setScope] = useState<Scope>(selectedId ? 'selected' : query ? 'search' : 'all');
  const [each, setEach] = useState(false);
  const [path, setPath] = useState('');
  const { busy, error, run: runAction, attempt } = useAction();

  const browse = () =>
    attempt(async () => {
      const chosen = each ? await chooseExportFolder() : await chooseExportFile(format);
      if (chosen) setPath(chosen);
    });

  const run = () =>
    runAction(async () => {
      const res = await exportContacts({
        format,
        ids: scope === 'selected' && selectedId ? [selectedId] : [],
        query: scope === 'search' ? query : '',
        path: path.trim(),
        onePerContact: each,
      });
      notifySuccess(t('importexport.export.done', { count: res.count, formatted: fmt.number(res.count) }));
      onClose();
    });

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="export-error">
          {error}
        </Alert>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('importexport.export.format')}
        </Text>
        <SegmentedControl
          value={format}
          onChange={(v) => setFormat(v as ExportFormat)}
          data={[
            { value: 'vcard3', label: 'vCard 3.0' },
            { value: 'vcard4', label: 'vCard 4.0' },
            { value: 'csv', label: t('importexport.export.csv') },
          ]}
          data-testid="export-format"
        />
      </Stack>
      <Radio.Group label={t('importexport.export.which')} value={scope} onChange={(v) => setScope(v as Scope)}>
        <Stack gap={6} mt={6}>
          <Radio value="all" label={t('importexport.export.all')} data-testid="export-scope-all" />
          <Radio
            value="search"
            disabled={!query}
            label={query ? t('importexport.export.search', { query }) : t('importexport.export.searchNone')}
          />
          <Radio
            value="selected"
            disabled={!selectedId}
            label={
              selectedId
                ? t('importexport.export.selected', { name: selectedName ?? '' })
                : t('importexport.export.selectedNone')
            }
          />
        </Stack>
      </Radio.Group>
      <Checkbox
        checked={each}
        onChange={(e) => {
          setEach(e.currentTarget.checked);
          setPath('');
        }}
        label={t('importexport.export.each')}
        data-testid="export-each"
      />
      <Group align="end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={each ? t('importexport.export.folder') : t('importexport.export.file')}
          value={path}
          onChange={(e) => setPath(e.currentTarget.value)}
          placeholder={each ? '/home/me/contacts' : `/home/me/contacts.${format === 'csv' ? 'csv' : 'vcf'}`}
          data-testid="export-path"
          spellCheck={false}
        />
        <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void browse()}>
          {t('importexport.browse')}
        </Button>
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('importexport.cancel')}
        </Button>
        <Button
          leftSection={<IconFileExport size={16} />}
          onClick={() => void run()}
          loading={busy}
          disabled={!path.trim()}
          data-testid="export-run"
        >
          {t('importexport.export.run')}
        </Button>
      </Group>
    </Stack>
  );
}
