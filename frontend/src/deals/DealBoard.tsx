import { useMemo, useState } from 'react';
import { Badge, Box, Group, Paper, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { IconAlertTriangle, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Board, Deal, StageColumn } from '../api';
import { DealCard, DealCardBody } from './DealCard';
import { LOST_ZONE, WON_ZONE, dropTarget, findDeal, type DropTarget } from './boardModel';
import { boardCoordinates } from './keyboard';
import { useFormat } from '../lib/format';
import { LostReasonModal } from './LostReasonModal';

/** Columns share the width (four fit beside the sidebar at 1280 px) and scroll sideways below the minimum. */
const COLUMN_MIN_WIDTH = 232;
const COLUMN_MAX_WIDTH = 340;

/** Pointer drags use the pointer's position; keyboard drags (no pointer) the card's rectangle. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

interface DealBoardProps {
  board: Board;
  today: string;
  onOpen: (d: Deal) => void;
  onDrop: (deal: Deal, target: DropTarget, reason?: string) => void;
}

/** The kanban: a column per open stage, cards that drag between them, Won/Lost zones while dragging. */
export function DealBoard({ board, today, onOpen, onDrop }: DealBoardProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<Deal | null>(null);
  const [losing, setLosing] = useState<Deal | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: boardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const start = (e: DragStartEvent) => setActive(findDeal(board, String(e.active.id))?.deal ?? null);
  const end = (e: DragEndEvent) => {
    setActive(null);
    const found = findDeal(board, String(e.active.id));
    const target = dropTarget(e.over?.id);
    if (!found || !target) return;
    if (target.kind === 'stage' && target.stageId === found.column.stage.id) return;
    if (target.kind === 'lost') {
      setLosing(found.deal);
      return;
    }
    onDrop(found.deal, target);
  };

  const announcements = useMemo(
    () => ({
      onDragStart: ({ active: a }: { active: { id: string | number } }) =>
        t('deals.board.a11y.picked', { title: findDeal(board, String(a.id))?.deal.title ?? '' }),
      onDragOver: ({ over }: { over: { id: string | number } | null }) => (over ? t('deals.board.a11y.over', { name: areaName(board, over.id, t) }) : t('deals.board.a11y.nowhere')),
      onDragEnd: ({ over }: { over: { id: string | number } | null }) => (over ? t('deals.board.a11y.dropped', { name: areaName(board, over.id, t) }) : t('deals.board.a11y.cancelled')),
      onDragCancel: () => t('deals.board.a11y.cancelled'),
    }),
    [board, t],
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={start}
      onDragEnd={end}
      onDragCancel={() => setActive(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('deals.board.a11y.instructions') } }}
    >
      <Box style={{ position: 'relative', height: '100%', minHeight: 0 }}>
        {/* Columns fill the height (the whole column is a drop target); each scrolls its own cards. */}
        <Box h="100%" style={{ overflowX: 'auto', overflowY: 'hidden' }}>
          <Group align="stretch" gap="sm" wrap="nowrap" p="md" h="100%" style={{ width: 'max-content' }} data-testid="deal-board">
            {board.columns.map((c) => (
              <Column key={c.stage.id} column={c} today={today} onOpen={onOpen} padBottom={active !== null} />
            ))}
          </Group>
        </Box>
        {active && (
          // Bottom left, clear of the notifications in the bottom right corner.
          <Group gap="sm" p="md" wrap="nowrap" style={{ position: 'absolute', left: 0, bottom: 0, zIndex: 5 }} data-testid="deal-drop-zones">
            <Zone id={WON_ZONE} color="teal" label={t('deals.board.dropWon')} icon={<IconTrophy size={18} />} testId="deal-drop-won" />
            <Zone id={LOST_ZONE} color="red" label={t('deals.board.dropLost')} icon={<IconThumbDown size={18} />} testId="deal-drop-lost" />
          </Group>
        )}
      </Box>
      <DragOverlay dropAnimation={null}>
        {active && (
          <Paper withBorder p="xs" radius="sm" shadow="md" w={COLUMN_MIN_WIDTH} style={{ cursor: 'grabbing' }}>
            <DealCardBody deal={active} today={today} />
          </Paper>
        )}
      </DragOverlay>
      <LostReasonModal
        deal={losing}
        onCancel={() => setLosing(null)}
        onConfirm={(d, reason) => {
          setLosing(null);
          onDrop(d, { kind: 'lost' }, reason);
        }}
      />
    </DndContext>
  );
}

function areaName(board: Board, id: string | number, t: (k: string) => string): string {
  if (id === WON_ZONE) return t('deals.status.won');
  if (id === LOST_ZONE) return t('deals.status.lost');
  return board.columns.find((c) => c.stage.id === id)?.stage.name ?? '';
}

function Zone({ id, color, label, icon, testId }: { id: string; color: string; label: string; icon: React.ReactNode; testId: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <Paper
      ref={setNodeRef}
      radius="md"
      p="md"
      withBorder
      bg={isOver ? `${color}.1` : `${color}.0`}
      w={250}
      style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: `var(--mantine-color-${color}-${isOver ? 6 : 4})`, height: 72, boxShadow: 'var(--mantine-shadow-md)' }}
      data-testid={testId}
      data-over={isOver}
    >
      <Group justify="center" gap={8} h="100%" c={`${color}.8`}>
        {icon}
        <Text fw={600}>{label}</Text>
      </Group>
    </Paper>
  );
}

/** One stage: its name and default probability, count, total and weighted total, then its cards. */
function Column({ column: c, today, onOpen, padBottom }: { column: StageColumn; today: string; onOpen: (d: Deal) => void; padBottom: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { setNodeRef, isOver } = useDroppable({ id: c.stage.id });
  const more = c.count - c.deals.length;
  return (
    <Paper
      ref={setNodeRef}
      radius="md"
      p="xs"
      bg={isOver ? 'blue.0' : 'gray.0'}
      miw={COLUMN_MIN_WIDTH}
      maw={COLUMN_MAX_WIDTH}
      style={{ flex: '1 1 0', display: 'flex', flexDirection: 'column', minHeight: 0, outline: isOver ? '2px solid var(--mantine-color-blue-4)' : undefined }}
      data-testid="deal-column"
      data-stage-id={c.stage.id}
      data-stage-name={c.stage.name}
      data-over={isOver}
      aria-label={c.stage.name}
    >
      <Box px={4} pb={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" gap={6} wrap="nowrap">
          <Text fw={600} size="sm" truncate>
            {c.stage.name}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('deals.board.percent', { value: c.stage.probability })}
            </Text>
            <Badge size="sm" variant="light" color="gray" data-testid="deal-column-count" data-count={c.count}>
              {fmt.number(c.count)}
            </Badge>
          </Group>
        </Group>
        <Group justify="space-between" gap={6} mt={4} wrap="nowrap" style={{ opacity: c.pending ? 0.45 : 1 }} data-pending={!!c.pending}>
          <Text size="sm" fw={600} data-testid="deal-column-total" title={t('deals.board.totalTitle')} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {c.total.text}
          </Text>
          <Text size="xs" c="dimmed" data-testid="deal-column-weighted" title={t('deals.board.weightedTitle')}>
            {t('deals.board.weighted', { amount: c.weighted.text })}
          </Text>
        </Group>
        {c.missingRates.length > 0 && (
          <Tooltip label={t('deals.board.noRateHelp')} withinPortal multiline w={240}>
            <Group gap={4} mt={4} c="orange.8" wrap="nowrap" data-testid="deal-column-missing-rates">
              <IconAlertTriangle size={14} />
              <Text size="xs">{t('deals.board.noRate', { currencies: c.missingRates.join(', ') })}</Text>
            </Group>
          </Tooltip>
        )}
      </Box>
      <ScrollArea style={{ flex: 1, minHeight: 0 }} type="auto" offsetScrollbars scrollbarSize={6}>
        <Stack gap={8} pt={8} pb={padBottom ? 100 : 4}>
          {c.deals.map((d) => (
            <DealCard key={d.id} deal={d} today={today} onOpen={onOpen} />
          ))}
          {c.count === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              {t('deals.board.emptyColumn')}
            </Text>
          )}
          {more > 0 && (
            <Text size="xs" c="dimmed" ta="center" data-testid="deal-column-more">
              {t('deals.board.more', { count: more })}
            </Text>
          )}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
