import { useCallback, useRef, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeleteContact, useRestoreContact, type Contact } from '../api';
import { notifyError, notifySuccess } from '../lib/notify';

/** How long the "Contact deleted — Undo" notification stays. */
export const UNDO_MS = 8000;

/**
 * Delete without a confirm dialog: the contact is tombstoned at once and a notification offers
 * Undo (which calls Restore). While that notification is open, undoLast() (Ctrl+Z) does the same.
 */
export function useDeleteWithUndo(onRestored: (c: Contact) => void) {
  const { t } = useTranslation();
  const del = useDeleteContact();
  const restore = useRestoreContact();
  const last = useRef<{ id: string; notificationId: string } | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const restoredRef = useRef(onRestored);
  restoredRef.current = onRestored;

  const undo = useCallback(
    async (id: string, notificationId: string) => {
      notifications.hide(notificationId);
      if (last.current?.id === id) {
        last.current = null;
        setCanUndo(false);
      }
      try {
        const c = await restore.mutateAsync(id);
        notifySuccess(t('notify.restored'));
        restoredRef.current(c);
      } catch (e) {
        notifyError(e, t);
      }
    },
    [restore, t],
  );

  const remove = useCallback(
    async (id: string): Promise<boolean> => {
      try {
        await del.mutateAsync(id);
      } catch (e) {
        notifyError(e, t);
        return false;
      }
      const notificationId = `contact-deleted-${id}-${Date.now()}`;
      if (last.current) notifications.hide(last.current.notificationId);
      last.current = { id, notificationId };
      setCanUndo(true);
      notifications.show({
        id: notificationId,
        autoClose: UNDO_MS,
        'data-testid': 'delete-notification',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{t('notify.deleted')}</Text>
            <Button size="compact-sm" variant="light" title={t('notify.undoTitle')} onClick={() => void undo(id, notificationId)}>
              {t('notify.undo')}
            </Button>
          </Group>
        ),
        onClose: () => {
          if (last.current?.notificationId === notificationId) {
            last.current = null;
            setCanUndo(false);
          }
        },
      });
      return true;
    },
    [del, t, undo],
  );

  const undoLast = useCallback(() => {
    const l = last.current;
    if (l) void undo(l.id, l.notificationId);
  }, [undo]);

  return { remove, undoLast, canUndo, deleting: del.isPending };
}
