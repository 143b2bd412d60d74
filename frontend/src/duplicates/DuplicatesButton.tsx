import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDuplicates } from '../api';
import { useFormat } from '../lib/format';
import { DuplicatesModal } from './DuplicatesModal';

/**
 * The Contacts toolbar's "Duplicates" button: an icon with the number of suggested pairs (the
 * toolbar is narrow; the name is its label and tooltip).
 */
export function DuplicatesButton() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const dups = useDuplicates();
  const total = dups.data?.total ?? 0;
  return (
    <>
      <Button
        variant="default"
        px={10}
        aria-label={t('duplicates.button')}
        title={`${t('duplicates.button')}: ${t('duplicates.buttonTitle')}`}
        onClick={() => setOpen(true)}
        data-testid="duplicates-button"
      >
        <IconCopy size={15} aria-hidden />
        {total > 0 && (
          <Text span size="sm" fw={600} ml={6} c="orange.8" data-testid="duplicates-count">
            {fmt.number(total)}
          </Text>
        )}
      </Button>
      {open && <DuplicatesModal onClose={() => setOpen(false)} />}
    </>
  );
}
