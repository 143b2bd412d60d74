import { useState } from 'react';
import { Alert, Badge, Box, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDismissDuplicate, useDuplicates, useRecentMerges, type DuplicatePair, type DuplicateSide } from '../api';
import { useFormat } from '../lib/format';
import { errorText, notifyError, notifySuccess } from '../lib/notify';
import { MergeView } from './MergeView';
import { useUndoMergeAction } from './useUndoMerge';

/** The Duplicates view: suggested pairs, then the merge screen for one of them. Esc closes. */
export function DuplicatesModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  return (
    <Modal
      opened
      onClose={merging ? () => setMerging(null) : onClose}
      title={<Title order={4}>{merging ? t('duplicates.mergeTitle') : t('duplicates.title')}</Title>}
      size={merging ? 980 : 820}
      // Keys typed here are not the contact list's shortcuts (Delete, arrows, E…); Esc still closes.
      onKeyDown={(e) => {
        if (e.key !== 'Escape') e.stopPropagation();
      }}
    >
      {merging ? (
        <Box data-testid="merge-modal">
          <MergeView pair={merging} onDone={() => setMerging(null)} onCancel={() => setMerging(null)} />
        </Box>
      ) : (
        <Box data-testid="duplicates-modal">
          <PairList onMerge={setMerging} />
        </Box>
      )}
    </Modal>
  );
}

function PairList({ onMerge }: { onMerge: (p: DuplicatePair) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dups = useDuplicates(true, 'always');
  const dismiss = useDismissDuplicate();

  if (dups.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" aria-label={t('duplicates.loading')} />
      </Center>
    );
  }
  if (dups.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.title')}>
        {errorText(dups.error, t)}
      </Alert>
    );
  }
  const { pairs, total } = dups.data;
  return (
    <Stack gap="md">
      {pairs.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="duplicates-none">
          {t('duplicates.none')}
        </Text>
      ) : (
        <>
          {total > pairs.length && (
            <Text size="xs" c="dimmed">
              {t('duplicates.shown', { shown: fmt.number(pairs.length), total: fmt.number(total) })}
            </Text>
          )}
          <Stack gap="xs" data-testid="duplicate-pairs">
            {pairs.map((p) => (
              <Paper key={`${p.a.id}|${p.b.id}`} withBorder p="sm" data-testid="duplicate-pair">
                <Group align="flex-start" wrap="nowrap" gap="md">
                  <SideSummary side={p.a} />
                  <SideSummary side={p.b} />
                  <Stack gap={6} align="flex-end" style={{ flex: 'none' }}>
                    <Group gap={4} justify="flex-end">
                      {p.reasons.map((r) => (
                        <Badge key={r} size="sm" variant="light" color={r === 'name' ? 'grape' : 'blue'} data-testid={`reason-${r}`}>
                          {t(`duplicates.reason.${r}`)}
                        </Badge>
                      ))}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('duplicates.score', { percent: fmt.number(Math.round(p.score * 100)) })}
                    </Text>
                    <Group gap={6}>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="gray"
                        title={t('duplicates.notDuplicatesTitle')}
                        loading={dismiss.isPending && dismiss.variables?.a === p.a.id && dismiss.variables?.b === p.b.id}
                        onClick={() =>
                          dismiss.mutate(
                            { a: p.a.id, b: p.b.id },
                            { onSuccess: () => notifySuccess(t('duplicates.dismissed')), onError: (e) => notifyError(e, t) },
                          )
                        }
                        data-testid="duplicate-dismiss"
                      >
                        {t('duplicates.notDuplicates')}
                      </Button>
                      <Button size="compact-sm" onClick={() => onMerge(p)} data-testid="duplicate-merge">
                        {t('duplicates.merge')}
                      </Button>
                    </Group>
                  </Stack>
                </Group>
              </Paper>
            ))}
          </Stack>
        </>
      )}
      <RecentMerges />
    </Stack>
  );
}

function SideSummary({ side }: { side: DuplicateSide }) {
  return (
    <Box style={{ flex: 1, minWidth: 0 }}>
      <Text size="sm" fw={600} truncate>
        {side.displayName}
      </Text>
      {[side.company, side.email, side.phone].filter(Boolean).map((v, i) => (
        <Text key={i} size="xs" c="dimmed" truncate>
          {v}
        </Text>
      ))}
    </Box>
  );
}

function RecentMerges() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const recent = useRecentMerges();
  const { undo, undoing } = useUndoMergeAction();
  const items = recent.data ?? [];
  if (items.length === 0) return null;
  return (
    <Box>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
        {t('duplicates.recent')}
      </Text>
      <Stack gap={4} data-testid="recent-merges">
        {items.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="recent-merge">
            <Text size="sm" truncate style={{ flex: 1 }}>
              {t('duplicates.recentItem', { other: m.otherName, keep: m.keepName })}
              <Text span size="xs" c="dimmed">
                {' · '}
                {fmt.relative(m.createdAt)}
              </Text>
            </Text>
            {m.undone ? (
              <Badge size="sm" variant="outline" color="gray">
                {t('duplicates.undone')}
              </Badge>
            ) : (
              <Button
                size="compact-xs"
                variant="light"
                disabled={undoing}
                onClick={() => void undo(m.id)}
                data-testid="recent-merge-undo"
              >
                {t('duplicates.undo')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Box>
  );
}
