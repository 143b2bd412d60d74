import { useCallback } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeleteEvent, useRestoreEvent, type EventDelete } from '../api';
import { notifyError, notifySuccess } from '../lib/notify';

/** How long the "Meeting deleted — Undo" notification stays. */
export const UNDO_MS = 8000;

/**
 * Deletes a meeting (or occurrences of it) at once, without a confirm dialog. A whole meeting is
 * tombstoned, so the notification offers Undo (RestoreEvent); removing occurrences changes the
 * series and is only reported.
 */
export function useDeleteEventWithUndo() {
  const { t } = useTranslation();
  const del = useDeleteEvent();
  const restore = useRestoreEvent();

  const undo = useCallback(
    async (id: string, notificationId: string) => {
      notifications.hide(notificationId);
      try {
        await restore.mutateAsync(id);
        notifySuccess(t('calendar.restored'));
      } catch (e) {
        notifyError(e, t);
      }
    },
    [restore, t],
  );

  const remove = useCallback(
    async (d: EventDelete): Promise<boolean> => {
      try {
        await del.mutateAsync(d);
      } catch (e) {
        notifyError(e, t);
        return false;
      }
      if (d.scope !== 'all') {
        notifySuccess(t(d.scope === 'this' ? 'calendar.deletedOccurrence' : 'calendar.deletedFollowing'));
        return true;
      }
      const notificationId = `event-deleted-${d.id}-${Date.now()}`;
      notifications.show({
        id: notificationId,
        autoClose: UNDO_MS,
        'data-testid': 'event-delete-notification',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{t('calendar.deleted')}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void undo(d.id, notificationId)} data-testid="event-undo">
              {t('notify.undo')}
            </Button>
          </Group>
        ),
      });
      return true;
    },
    [del, t, undo],
  );

  return { remove, deleting: del.isPending };
}
