import { useEffect, useState } from 'react';
import { Box, Group, Loader, Portal, Text, Title } from '@mantine/core';
import { IconMailDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTimeline, type Activity, type ActivityKind } from '../api';
import { ActivityList } from './ActivityList';
import { KindFilter } from './KindFilter';
import { LogForm } from './LogForm';
import { LogMenu } from './LogMenu';
import type { LogTarget } from './logForm';
import { opensLogForm } from './shortcuts';
import { useDeleteActivityWithUndo } from './useDeleteActivityWithUndo';
import { useEmlDrop } from './useEmlDrop';

type Scope = { contactId: string } | { companyId: string } | { leadId: string } | { dealId: string };

/**
 * The activity timeline of a contact, a company (with its people's), a lead or a deal, newest first: filter by
 * kind, log in two clicks (or L), edit, delete with undo. On a contact, an .eml dropped on the
 * page is logged as an e-mail.
 */
export function Timeline({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<ActivityKind[]>([]);
  const [form, setForm] = useState<{ kind: ActivityKind; editing: Activity | null } | null>(null);
  const timeline = useTimeline(scope, kinds);
  const remove = useDeleteActivityWithUndo();
  const contactId = 'contactId' in scope ? scope.contactId : null;
  const dragging = useEmlDrop(contactId);
  const target: LogTarget = scope;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const dialogOpen = form !== null || document.querySelector('[role="dialog"]') !== null;
      if (!opensLogForm(e, dialogOpen)) return;
      e.preventDefault();
      setForm({ kind: 'call', editing: null });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [form]);

  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Box data-testid="activity-timeline">
      <Group justify="space-between" mb={6}>
        <Title order={3} size="sm" c="dimmed" fw={500}>
          {t('timeline.title')}
        </Title>
        <LogMenu onPick={(kind) => setForm({ kind, editing: null })} />
      </Group>
      <Box mb="xs">
        <KindFilter value={kinds} onChange={setKinds} />
      </Box>
      {timeline.isPending ? (
        <Loader size="xs" />
      ) : timeline.isError ? (
        <Text size="sm" c="dimmed" data-testid="activity-error">
          {t('timeline.error')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="activity-empty">
          {kinds.length ? t('timeline.emptyFiltered') : contactId ? t('timeline.emptyContact') : t('timeline.empty')}
        </Text>
      ) : (
        <ActivityList
          items={items}
          showNames={!contactId}
          hideCompany={'companyId' in scope}
          hasMore={!!timeline.hasNextPage}
          loadingMore={timeline.isFetchingNextPage}
          onMore={() => {
            if (timeline.hasNextPage && !timeline.isFetchingNextPage) void timeline.fetchNextPage();
          }}
          onEdit={(a) => setForm({ kind: a.kind, editing: a })}
          onDelete={(a) => void remove(a)}
        />
      )}
      {form && (
        <LogForm opened target={target} kind={form.kind} editing={form.editing} onClose={() => setForm(null)} />
      )}
      {dragging && (
        <Portal>
          <Box
            data-testid="eml-drop-overlay"
            style={{
              position: 'fixed',
              inset: 8,
              zIndex: 400,
              pointerEvents: 'none',
              border: '3px dashed var(--mantine-color-blue-5)',
              borderRadius: 12,
              background: 'rgba(34, 139, 230, 0.08)',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
            }}
          >
            <Group gap="xs" bg="white" p="md" style={{ borderRadius: 8 }}>
              <IconMailDown size={22} />
              <Text fw={500}>{t('timeline.drop.hint')}</Text>
            </Group>
          </Box>
        </Portal>
      )}
    </Box>
  );
}
