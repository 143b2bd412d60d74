import { useState } from 'react';
import { Box, Group, Loader, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeline, type Activity, type ActivityKind } from '../api';
import { useOwners } from '../api/selling';
import { ActivityList } from './ActivityList';
import { KindFilter } from './KindFilter';
import { LogForm } from './LogForm';
import { useDeleteActivityWithUndo } from './useDeleteActivityWithUndo';

const EMPTY = {};

/** The timeline area: every recent activity, newest first, filtered by kind and owner. */
export function TimelinePage() {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<ActivityKind[]>([]);
  const [owner, setOwner] = useState<string>('');
  const [editing, setEditing] = useState<Activity | null>(null);
  const owners = useOwners();
  const timeline = useTimeline(EMPTY, kinds, owner);
  const remove = useDeleteActivityWithUndo();
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" p="lg" maw={860} data-testid="timeline-page">
        <Title order={2} size="h3">
          {t('timeline.areaTitle')}
        </Title>
        <Group justify="space-between" align="flex-end">
          <KindFilter value={kinds} onChange={setKinds} />
          <Select
            size="xs"
            w={220}
            label={t('timeline.owner')}
            placeholder={t('timeline.anyOwner')}
            clearable
            value={owner || null}
            onChange={(v) => setOwner(v ?? '')}
            data={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="owner-filter"
          />
        </Group>
        <Box>
          {timeline.isPending ? (
            <Loader size="sm" />
          ) : timeline.isError ? (
            <Text c="dimmed" data-testid="activity-error">
              {t('timeline.error')}
            </Text>
          ) : items.length === 0 ? (
            <Text c="dimmed" data-testid="activity-empty">
              {kinds.length || owner ? t('timeline.emptyFiltered') : t('timeline.emptyAll')}
            </Text>
          ) : (
            <ActivityList
              items={items}
              showNames
              hasMore={!!timeline.hasNextPage}
              loadingMore={timeline.isFetchingNextPage}
              onMore={() => {
                if (timeline.hasNextPage && !timeline.isFetchingNextPage) void timeline.fetchNextPage();
              }}
              onEdit={setEditing}
              onDelete={(a) => void remove(a)}
            />
          )}
        </Box>
        {editing && <LogForm opened target={{}} kind={editing.kind} editing={editing} onClose={() => setEditing(null)} />}
      </Stack>
    </ScrollArea>
  );
}
