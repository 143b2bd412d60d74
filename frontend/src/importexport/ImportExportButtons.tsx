import { useEffect, useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconFileExport, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from './ExportDialog';
import { ImportWizard } from './ImportWizard';

/** True for Ctrl+I (Cmd+I on macOS), the import shortcut. */
export function isImportShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'i';
}

/** The Contacts toolbar's "Import…" and "Export…" buttons and their dialogs; Ctrl+I opens the import. */
export function ImportExportButtons({
  query,
  selectedId,
  selectedName,
}: {
  query: string;
  selectedId: string | null;
  selectedName?: string;
}) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || !isImportShortcut(e)) return;
      e.preventDefault();
      setImporting(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Group gap={4} wrap="nowrap" ml={-8}>
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<IconFileImport size={14} />}
        onClick={() => setImporting(true)}
        title={t('importexport.import.buttonTitle')}
        data-testid="import-open"
      >
        {t('importexport.import.button')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<IconFileExport size={14} />}
        onClick={() => setExporting(true)}
        title={t('importexport.export.buttonTitle')}
        data-testid="export-open"
      >
        {t('importexport.export.button')}
      </Button>
      <ImportWizard opened={importing} onClose={() => setImporting(false)} />
      <ExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        query={query}
        selectedId={selectedId}
        selectedName={selectedName}
      />
    </Group>
  );
}
