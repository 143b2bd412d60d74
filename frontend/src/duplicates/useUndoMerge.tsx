import { useCallback } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { toApiError, useUndoMerge } from '../api';
import { notifyError, notifySuccess } from '../lib/notify';

/** How long the "Contacts merged — Undo" notification stays. */
export const MERGE_UNDO_MS = 10_000;

/**
 * Undo of a merge, with the one refusal a user can act on: the merged contact was edited since,
 * so a notification offers to restore only the other contact (keeping the edit).
 */
export function useUndoMergeAction() {
  const { t } = useTranslation();
  const undo = useUndoMerge();

  const run = useCallback(
    async (mergeId: string, keepEdits = false) => {
      try {
        await undo.mutateAsync({ mergeId, keepEdits });
        notifySuccess(t('duplicates.unmerged'));
      } catch (e) {
        if (!keepEdits && toApiError(e).code === 'merge_changed') {
          const id = `merge-changed-${mergeId}`;
          notifications.show({
            id,
            color: 'yellow',
            autoClose: false,
            'data-testid': 'merge-changed-notification',
            message: (
              <Stack gap={6}>
                <Text size="sm">{t('duplicates.changedSince')}</Text>
                <Group>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => {
                      notifications.hide(id);
                      void run(mergeId, true);
                    }}
                  >
                    {t('duplicates.restoreOther')}
                  </Button>
                </Group>
              </Stack>
            ),
          });
          return;
        }
        notifyError(e, t);
      }
    },
    [undo, t],
  );

  /** Shows "Contacts merged" with an Undo button. */
  const notifyMerged = useCallback(
    (mergeId: string) => {
      const id = `merged-${mergeId}`;
      notifications.show({
        id,
        autoClose: MERGE_UNDO_MS,
        'data-testid': 'merge-notification',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{t('duplicates.merged')}</Text>
            <Button
              size="compact-sm"
              variant="light"
              title={t('duplicates.undoTitle')}
              data-testid="merge-undo"
              onClick={() => {
                notifications.hide(id);
                void run(mergeId);
              }}
            >
              {t('duplicates.undo')}
            </Button>
          </Group>
        ),
      });
    },
    [run, t],
  );

  return { undo: run, notifyMerged, undoing: undo.isPending };
}
