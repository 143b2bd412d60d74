import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dealKeys, loseDeal, moveDeal, reopenDeal, winDeal, type Board, type BoardQuery, type Deal } from '../api';
import { errorText, notifyError } from '../lib/notify';
import { applyDrop, findDeal, type DropTarget } from './boardModel';

export interface Drop {
  deal: Deal;
  target: DropTarget;
  /** Why it was lost (the Lost zone asks). */
  reason?: string;
}

/** How long "Moved to … — Undo" stays. */
const UNDO_MS = 6000;

/**
 * A card dropped on the board: the board changes at once (applyDrop), then the backend is
 * asked (Move, Win or Lose). When it refuses, the board goes back to what it was and a
 * notification says which deal did not move and why. When it agrees, a notification offers
 * Undo (a move back, or Reopen for a won or lost deal). Either way the boards refetch.
 */
export function useBoardDrop(query: BoardQuery) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const key = dealKeys.board(query);
  // One "moved — Undo" notification at a time: a new drop replaces the last one.
  const lastNote = useRef<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: dealKeys.deals });

  const undo = async (after: Deal, fromStageId: string) => {
    try {
      if (after.status === 'open') await moveDeal(after.id, after.version, fromStageId);
      else {
        const reopened = await reopenDeal(after.id, after.version);
        if (reopened.stageId !== fromStageId) await moveDeal(reopened.id, reopened.version, fromStageId);
      }
    } catch (e) {
      notifyError(e, t);
    }
    await refresh();
  };

  return useMutation({
    mutationFn: ({ deal, target, reason }: Drop) =>
      target.kind === 'won'
        ? winDeal(deal.id, deal.version, reason ?? '')
        : target.kind === 'lost'
          ? loseDeal(deal.id, deal.version, reason ?? '')
          : moveDeal(deal.id, deal.version, target.stageId),
    onMutate: async ({ deal, target }: Drop) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<Board>(key);
      if (before) qc.setQueryData<Board>(key, applyDrop(before, deal.id, target));
      return { before };
    },
    onError: (e, { deal }, ctx) => {
      if (ctx?.before) qc.setQueryData<Board>(key, ctx.before);
      notifications.show({
        color: 'red',
        title: t('deals.board.moveFailed', { title: deal.title }),
        message: errorText(e, t),
        autoClose: 8000,
        'data-testid': 'deal-move-error',
      });
    },
    onSuccess: (after, { deal }, ctx) => {
      qc.setQueryData(dealKeys.deal(after.id), after);
      const fromStageId = (ctx?.before && findDeal(ctx.before, deal.id)?.column.stage.id) || deal.stageId;
      const id = `deal-moved-${after.id}-${after.version}`;
      if (lastNote.current) notifications.hide(lastNote.current);
      lastNote.current = id;
      const text =
        after.status === 'won'
          ? t('deals.board.markedWon', { title: after.title })
          : after.status === 'lost'
            ? t('deals.board.markedLost', { title: after.title })
            : t('deals.board.moved', { title: after.title, stage: after.stageName });
      notifications.show({
        id,
        autoClose: UNDO_MS,
        'data-testid': 'deal-moved-notification',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{text}</Text>
            <Button
              size="compact-sm"
              variant="light"
              data-testid="deal-move-undo"
              onClick={() => {
                notifications.hide(id);
                void undo(after, fromStageId);
              }}
            >
              {t('notify.undo')}
            </Button>
          </Group>
        ),
      });
    },
    onSettled: refresh,
  });
}
