import { useCallback } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeleteActivity, useRestoreActivity, type Activity } from '../api';
import { notifyError, notifySuccess } from '../lib/notify';

/** Deletes at once and offers Undo (Restore) in the notification. */
export function useDeleteActivityWithUndo() {
  const { t } = useTranslation();
  const del = useDeleteActivity();
  const restore = useRestoreActivity();
  return useCallback(
    async (a: Activity) => {
      try {
        await del.mutateAsync(a.id);
      } catch (e) {
        notifyError(e, t);
        return;
      }
      const id = `activity-deleted-${a.id}-${Date.now()}`;
      notifications.show({
        id,
        autoClose: 8000,
        'data-testid': 'activity-deleted',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{t('timeline.deleted')}</Text>
            <Button
              size="compact-sm"
              variant="light"
              data-testid="activity-undo"
              onClick={() => {
                notifications.hide(id);
                restore.mutateAsync(a.id).then(
                  () => notifySuccess(t('timeline.restored')),
                  (e: unknown) => notifyError(e, t),
                );
              }}
            >
              {t('timeline.undo')}
            </Button>
          </Group>
        ),
      });
    },
    [del, restore, t],
  );
}
