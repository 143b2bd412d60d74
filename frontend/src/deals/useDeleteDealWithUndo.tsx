import { useCallback } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeleteDeal, useRestoreDeal, type Deal } from '../api';
import { notifyError, notifySuccess } from '../lib/notify';

/** How long the "Deal deleted — Undo" notification stays. */
const UNDO_MS = 8000;

/** Deletes a deal and offers Undo (Restore) in a notification; resolves true when it was deleted. */
export function useDeleteDealWithUndo() {
  const { t } = useTranslation();
  const del = useDeleteDeal();
  const restore = useRestoreDeal();
  return useCallback(
    async (deal: Deal): Promise<boolean> => {
      try {
        await del.mutateAsync(deal.id);
      } catch (e) {
        notifyError(e, t);
        return false;
      }
      const id = `deal-deleted-${deal.id}-${Date.now()}`;
      notifications.show({
        id,
        autoClose: UNDO_MS,
        'data-testid': 'deal-delete-notification',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{t('deals.deleted', { title: deal.title })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              data-testid="deal-undo"
              onClick={() => {
                notifications.hide(id);
                restore.mutate(deal.id, { onSuccess: () => notifySuccess(t('deals.restored')), onError: (e) => notifyError(e, t) });
              }}
            >
              {t('notify.undo')}
            </Button>
          </Group>
        ),
      });
      return true;
    },
    [del, restore, t],
  );
}
