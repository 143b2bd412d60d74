import { useCallback } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeleteOrder, useMarkOrderDue, useMarkOrderPaid, useRestoreOrder } from '../api/orderHooks';
import type { Order } from '../api/orderTypes';
import { notifyError, notifySuccess } from '../lib/notify';

/** How long an "… — Undo" notification stays. */
const UNDO_MS = 8000;

/** Delete and mark paid, each undoable from its notification (restore / mark due again). */
export function useOrderActions() {
  const { t } = useTranslation();
  const del = useDeleteOrder();
  const restore = useRestoreOrder();
  const paid = useMarkOrderPaid();
  const due = useMarkOrderDue();

  const undoable = useCallback(
    (key: string, message: string, undo: () => void) => {
      const id = `${key}-${Date.now()}`;
      notifications.show({
        id,
        autoClose: UNDO_MS,
        'data-testid': 'order-undo-notification',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{message}</Text>
            <Button
              size="compact-sm"
              variant="light"
              data-testid="order-undo"
              onClick={() => {
                notifications.hide(id);
                undo();
              }}
            >
              {t('notify.undo')}
            </Button>
          </Group>
        ),
      });
    },
    [t],
  );

  const remove = useCallback(
    async (o: Order): Promise<boolean> => {
      try {
        await del.mutateAsync({ id: o.id, version: o.version });
      } catch (e) {
        notifyError(e, t);
        return false;
      }
      undoable(`order-deleted-${o.id}`, t('orders.deleted', { number: o.number }), () =>
        restore.mutate(o.id, { onSuccess: () => notifySuccess(t('orders.restored')), onError: (e) => notifyError(e, t) }),
      );
      return true;
    },
    [del, restore, t, undoable],
  );

  const markPaid = useCallback(
    async (o: Order) => {
      try {
        const p = await paid.mutateAsync({ id: o.id, version: o.version, paidAt: '' });
        undoable(`order-paid-${o.id}`, t('orders.markedPaid', { number: o.number }), () =>
          due.mutate({ id: p.id, version: p.version }, { onError: (e) => notifyError(e, t) }),
        );
      } catch (e) {
        notifyError(e, t);
      }
    },
    [paid, due, t, undoable],
  );

  return { remove, markPaid, busy: del.isPending || paid.isPending };
}
