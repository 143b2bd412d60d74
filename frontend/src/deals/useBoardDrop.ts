import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dealKeys, loseDeal, moveDeal, winDeal, type Board, type BoardQuery, type Deal } from '../api';
import { notifications } from '@mantine/notifications';
import { errorText } from '../lib/notify';
import { applyDrop, type DropTarget } from './boardModel';

export interface Drop {
  deal: Deal;
  target: DropTarget;
  /** Why it was lost (the Lost zone asks). */
  reason?: string;
}

/**
 * A card dropped on the board: the board changes at once (applyDrop), then the backend is
 * asked (Move, Win or Lose). When it refuses, the board goes back to what it was and a
 * notification says which deal did not move and why. Either way the boards refetch.
 */
export function useBoardDrop(query: BoardQuery) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const key = dealKeys.board(query);
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
    onSuccess: (d) => qc.setQueryData(dealKeys.deal(d.id), d),
    onSettled: () => qc.invalidateQueries({ queryKey: dealKeys.deals }),
  });
}
