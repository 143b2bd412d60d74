import { useState } from 'react';
import { Badge, Button } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDuplicates } from '../api';
import { useFormat } from '../lib/format';
import { DuplicatesModal } from './DuplicatesModal';

/** The Contacts toolbar's "Duplicates" button, with the number of suggested pairs. */
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
        leftSection={<IconCopy size={14} />}
        rightSection={
          total > 0 ? (
            <Badge size="sm" circle={total < 10} data-testid="duplicates-count">
              {fmt.number(total)}
            </Badge>
          ) : null
        }
        title={t('duplicates.buttonTitle')}
        onClick={() => setOpen(true)}
        data-testid="duplicates-button"
      >
        {t('duplicates.button')}
      </Button>
      {open && <DuplicatesModal onClose={() => setOpen(false)} />}
    </>
  );
}
