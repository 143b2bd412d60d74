import { useEffect, useRef } from 'react';
import { ActionIcon, Anchor, Box, Button, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../api';
import { useFormat } from '../lib/format';
import { hashForRecord } from '../shell/hashParams';
import { KIND_COLORS, KIND_ICONS } from './kinds';

interface Props {
  items: Activity[];
  /** Show the contact and company beside each entry (company and global timelines). */
  showNames: boolean;
  /** Leave out the company name (on the company's own page). */
  hideCompany?: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  onEdit: (a: Activity) => void;
  onDelete: (a: Activity) => void;
}

/** Entries newest first; the next page loads when the end scrolls into view (or on "More"). */
export function ActivityList({ items, showNames, hideCompany = false, hasMore, loadingMore, onMore, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sentinel = useRef<HTMLDivElement>(null);
  const more = useRef(onMore);
  more.current = onMore;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) more.current();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, items.length]);

  return (
    <Stack gap={10} data-testid="activity-list">
      {items.map((a) => {
        const Icon = KIND_ICONS[a.kind];
        const meta = [
          fmt.dateTime(a.occurredAt),
          a.durationMinutes ? t('timeline.minutes', { count: a.durationMinutes }) : '',
          a.outcome,
        ].filter(Boolean);
        return (
          <Group key={a.id} align="flex-start" wrap="nowrap" gap="sm" data-testid="activity" data-kind={a.kind} data-activity-id={a.id}>
            <Tooltip label={t(`timeline.kinds.${a.kind}`)}>
              <ThemeIcon variant="light" color={KIND_COLORS[a.kind]} radius="xl" size={28} aria-label={t(`timeline.kinds.${a.kind}`)}>
                <Icon size={16} />
              </ThemeIcon>
            </Tooltip>
            <Box style={{ flex: 1, minWidth: 0 }}>
              <Text size="xs" c="dimmed" data-testid="activity-meta">
                {meta.join(' · ')}
              </Text>
              {a.subject && (
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="activity-subject">
                  {a.subject}
                </Text>
              )}
              {a.email && (a.email.from || a.email.to.length > 0) && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="activity-email">
                  {t('timeline.emailLine', { from: a.email.from, to: a.email.to.join(', ') })}
                </Text>
              )}
              {a.body && (
                <Text size="sm" className="fb-pre" lineClamp={4} style={{ overflowWrap: 'anywhere' }} data-testid="activity-body">
                  {a.body}
                </Text>
              )}
              {showNames && (a.contactName || (a.companyName && !hideCompany)) && (
                <Group gap={6} mt={2}>
                  {a.contactId && a.contactName && (
                    <Anchor size="xs" href={hashForRecord('contacts', a.contactId)} data-testid="activity-contact">
                      {a.contactName}
                    </Anchor>
                  )}
                  {a.companyId && a.companyName && !hideCompany && (
                    <Anchor size="xs" c="dimmed" href={hashForRecord('companies', a.companyId)} data-testid="activity-company">
                      {a.companyName}
                    </Anchor>
                  )}
                </Group>
              )}
            </Box>
            <Group gap={2} wrap="nowrap">
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('timeline.edit')} onClick={() => onEdit(a)} data-testid="activity-edit">
                <IconPencil size={14} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('timeline.delete')} onClick={() => onDelete(a)} data-testid="activity-delete">
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          </Group>
        );
      })}
      {hasMore && (
        <div ref={sentinel}>
          <Button variant="subtle" size="compact-sm" loading={loadingMore} onClick={onMore} data-testid="activity-more">
            {t('timeline.more')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
