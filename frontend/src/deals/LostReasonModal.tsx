import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../api';

interface Props {
  /** The deal being marked lost; null when closed. */
  deal: Deal | null;
  onCancel: () => void;
  onConfirm: (deal: Deal, reason: string) => void;
}

/** Asks why a deal was lost before it is marked lost. */
export function LostReasonModal({ deal, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [deal]);
  return (
    <Modal opened={deal !== null} onClose={onCancel} title={t('deals.lost.title', { title: deal?.title ?? '' })} size="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (deal) onConfirm(deal, reason.trim());
        }}
        onKeyDown={(e) => e.stopPropagation()}
        data-testid="deal-lost-form"
      >
        <Stack gap="sm">
          <Textarea
            label={t('deals.lost.reason')}
            placeholder={t('deals.lost.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
            data-testid="deal-lost-reason"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel} data-testid="deal-lost-cancel">
              {t('deals.editor.cancel')}
            </Button>
            <Button type="submit" color="red" data-testid="deal-lost-confirm">
              {t('deals.lost.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
