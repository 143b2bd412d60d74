import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Center, Group, Kbd, Loader, SegmentedControl, Select, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue, useLocalStorage } from '@mantine/hooks';
import { IconLayoutKanban, IconPlus, IconSearch, IconTable, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getDeal, useDealBoard, useHomeCurrency, useMe, useOwners, usePipelines, type BoardQuery, type Deal } from '../api';
import { isEditableTarget } from '../contacts/shortcuts';
import { errorText, notifyError } from '../lib/notify';
import { clearHashParams, useHashParam } from '../shell/hashParams';
import { DealBoard } from './DealBoard';
import { DealEditor } from './DealEditor';
import { DealTable } from './DealTable';
import { todayISO } from './boardModel';
import { useBoardDrop } from './useBoardDrop';
import { useDeleteDealWithUndo } from './useDeleteDealWithUndo';

/** Cards fetched per stage column. */
export const CARDS_PER_STAGE = 50;

export type DealsView = 'board' | 'table';

/** The Deals area: pipeline board (kanban) or table, filters, and the deal editor. */
export function DealsPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const owners = useOwners();
  const me = useMe();
  const home = useHomeCurrency();
  const [view, setView] = useLocalStorage<DealsView>({ key: 'fieldbook.deals.view', defaultValue: 'board', getInitialValueInEffect: false });
  const [pipelineChoice, setPipelineChoice] = useLocalStorage<string>({ key: 'fieldbook.deals.pipeline', defaultValue: '', getInitialValueInEffect: false });
  const [ownerId, setOwnerId] = useState('');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const [editing, setEditing] = useState<Deal | null | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);
  const today = todayISO();

  const list = pipelines.data ?? [];
  const pipeline = list.find((p) => p.id === pipelineChoice) ?? list[0];
  const boardQuery: BoardQuery | null = pipeline ? { pipelineId: pipeline.id, ownerId, query, limitPerStage: CARDS_PER_STAGE, closedFrom: '', closedTo: '' } : null;
  const board = useDealBoard(view === 'board' ? boardQuery : null);
  const drop = useBoardDrop(boardQuery ?? { pipelineId: '', ownerId: '', query: '', limitPerStage: 0, closedFrom: '', closedTo: '' });
  const remove = useDeleteDealWithUndo();
  const defaults = useMemo(
    () => ({ pipeline, currency: home.data ?? board.data?.homeCurrency ?? '', ownerId: me.data?.id ?? '' }),
    [pipeline, home.data, board.data?.homeCurrency, me.data?.id],
  );

  // "#/deals?id=…" (from a company page) opens that deal.
  const linked = useHashParam('id');
  useEffect(() => {
    if (!linked) return;
    clearHashParams();
    getDeal(linked).then(setEditing, (e) => notifyError(e, t));
  }, [linked, t]);

  // Keys: N new deal, / search.
  const modal = useRef(false);
  modal.current = editing !== undefined;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || modal.current) return;
      // Not while typing, nor while focus is in a dialog (a closing one no longer has it).
      if (isEditableTarget(e.target) || (e.target instanceof Element && e.target.closest('[role="dialog"]'))) return;
      if (e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        setEditing(null);
      } else if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const ownerData = [
    { value: '', label: t('deals.filters.allOwners') },
    ...(owners.data ?? []).map((o) => ({ value: o.id, label: o.isMe ? t('deals.owner.me', { name: o.name }) : o.name })),
  ];

  return (
    <Box h="100%" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} data-testid="deals-page">
      <Group px="md" pt="md" pb="xs" gap="sm" justify="space-between" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Group gap="sm" wrap="wrap">
          <Title order={2} size="h3">
            {t('areas.deals.name')}
          </Title>
          <Select
            aria-label={t('deals.filters.pipeline')}
            data={list.map((p) => ({ value: p.id, label: p.name }))}
            value={pipeline?.id ?? null}
            onChange={(id) => id && setPipelineChoice(id)}
            allowDeselect={false}
            size="xs"
            w={170}
            data-testid="deal-pipeline-picker"
          />
          <Select
            aria-label={t('deals.filters.owner')}
            data={ownerData}
            value={ownerId}
            onChange={(id) => setOwnerId(id ?? '')}
            allowDeselect={false}
            size="xs"
            w={170}
            data-testid="deal-owner-filter"
          />
          <TextInput
            ref={searchRef}
            aria-label={t('deals.filters.search')}
            placeholder={t('deals.filters.searchPlaceholder')}
            leftSection={<IconSearch size={14} />}
            rightSection={<Kbd size="xs">/</Kbd>}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setSearch('');
                e.currentTarget.blur();
              }
            }}
            size="xs"
            w={220}
            data-testid="deal-search"
          />
        </Group>
        <Group gap="sm" wrap="nowrap">
          {view === 'board' && board.data && (
            <Group gap="md" wrap="nowrap" data-testid="deal-closed-totals">
              <Tooltip label={t('deals.board.wonTitle')} withinPortal>
                <Group gap={4} wrap="nowrap" c="teal.8" style={{ opacity: board.data.won.pending ? 0.45 : 1 }} data-testid="deal-won-total" data-count={board.data.won.count}>
                  <IconTrophy size={16} />
                  <Text size="sm" fw={600}>
                    {t('deals.board.closedTotal', { count: board.data.won.count, amount: board.data.won.total.text })}
                  </Text>
                </Group>
              </Tooltip>
              <Tooltip label={t('deals.board.lostTitle')} withinPortal>
                <Group gap={4} wrap="nowrap" c="red.8" style={{ opacity: board.data.lost.pending ? 0.45 : 1 }} data-testid="deal-lost-total" data-count={board.data.lost.count}>
                  <IconThumbDown size={16} />
                  <Text size="sm" fw={600}>
                    {t('deals.board.closedTotal', { count: board.data.lost.count, amount: board.data.lost.total.text })}
                  </Text>
                </Group>
              </Tooltip>
            </Group>
          )}
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v === 'table' ? 'table' : 'board')}
            data={[
              { value: 'board', label: <ViewLabel icon={<IconLayoutKanban size={14} />} text={t('deals.view.board')} /> },
              { value: 'table', label: <ViewLabel icon={<IconTable size={14} />} text={t('deals.view.table')} /> },
            ]}
            data-testid="deal-view"
          />
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing(null)} title={t('deals.newTitle')} data-testid="deal-new">
            {t('deals.new')}
          </Button>
        </Group>
      </Group>

      <Box style={{ flex: 1, minHeight: 0 }}>
        {pipelines.isError ? (
          <Alert color="red" m="md" data-testid="deals-error">
            {errorText(pipelines.error, t)}
          </Alert>
        ) : !pipeline ? (
          <Center h="100%">{pipelines.isPending ? <Loader size="sm" /> : <Text c="dimmed">{t('deals.noPipelines')}</Text>}</Center>
        ) : view === 'table' ? (
          <DealTable pipelineId={pipeline.id} ownerId={ownerId} query={query} today={today} onOpen={setEditing} />
        ) : board.isError ? (
          <Alert color="red" m="md" data-testid="deals-error">
            {errorText(board.error, t)}
          </Alert>
        ) : board.data ? (
          <DealBoard board={board.data} today={today} onOpen={setEditing} onDrop={(deal, target, reason) => drop.mutate({ deal, target, reason })} />
        ) : (
          <Center h="100%">
            <Loader size="sm" />
          </Center>
        )}
      </Box>

      <DealEditor
        deal={editing}
        defaults={defaults}
        onClose={() => setEditing(undefined)}
        onChanged={setEditing}
        onDelete={(d) =>
          void remove(d).then((ok) => {
            if (ok) setEditing(undefined);
          })
        }
      />
    </Box>
  );
}

function ViewLabel({ icon, text }: { icon: React.ReactNode; text: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      {icon}
      <span>{text}</span>
    </Group>
  );
}
