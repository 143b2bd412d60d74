import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import { Avatar, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../api';
import { formatDay } from './format';
import { initials, isPastDue } from './boardModel';

interface CardBodyProps {
  deal: Deal;
  today: string;
}

/** What a card shows: title, company, amount (the backend's text), owner initials, expected close. */
export function DealCardBody({ deal, today }: CardBodyProps) {
  const { t, i18n } = useTranslation();
  const late = isPastDue(deal, today);
  return (
    <>
      <Text size="sm" fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }} data-testid="deal-card-title">
        {deal.title || t('deals.untitled')}
      </Text>
      {deal.companyName && (
        <Text size="xs" c="dimmed" truncate data-testid="deal-card-company">
          {deal.companyName}
        </Text>
      )}
      <Group justify="space-between" gap={6} mt={6} wrap="nowrap">
        <Text size="sm" fw={500} data-testid="deal-card-amount" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {deal.amount.text}
        </Text>
        <Group gap={6} wrap="nowrap">
          {deal.expectedClose && (
            <Text
              size="xs"
              c={late ? 'red' : 'dimmed'}
              fw={late ? 600 : undefined}
              data-testid="deal-card-close"
              data-late={late}
              title={late ? t('deals.card.late') : t('deals.card.expectedClose')}
            >
              {formatDay(deal.expectedClose, i18n.language)}
            </Text>
          )}
          {deal.ownerName && (
            <Tooltip label={deal.ownerName} withinPortal>
              <Avatar size={22} radius="xl" color="indigo" data-testid="deal-card-owner" aria-label={deal.ownerName}>
                {initials(deal.ownerName)}
              </Avatar>
            </Tooltip>
          )}
        </Group>
      </Group>
    </>
  );
}

interface DealCardProps extends CardBodyProps {
  onOpen: (d: Deal) => void;
  children?: ReactNode;
}

/** A draggable card on the board. Click or Enter opens it; Space picks it up for the keyboard. */
export function DealCard({ deal, today, onOpen }: DealCardProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: deal.id, data: { deal } });
  const style: CSSProperties = { cursor: 'grab', opacity: isDragging ? 0.35 : 1, touchAction: 'none' };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !isDragging) {
      e.preventDefault();
      onOpen(deal);
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      radius="sm"
      shadow="xs"
      style={style}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(deal)}
      aria-roledescription={t('deals.card.role')}
      aria-label={[deal.title, deal.companyName, deal.amount.text].filter(Boolean).join(', ')}
      data-testid="deal-card"
      data-deal-id={deal.id}
      data-title={deal.title}
      className="fb-deal-card"
    >
      <DealCardBody deal={deal} today={today} />
    </Paper>
  );
}
