import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Box, Button, Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeleteFeedback, useFeedbackList, useFeedbackSummary, useRestoreFeedback } from '../api/careHooks';
import type { DateRange, Feedback, FeedbackSummary } from '../api/careTypes';
import { useFormat } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { hashForRecord } from '../shell/hashParams';
import { FeedbackForm } from './FeedbackForm';
import { RANGE_PRESETS, bandColor, decimalText, isValidRange, npsColor, npsText, presetRange, type RangePreset } from './feedbackModel';
import { showUndo } from './undo';
import { useNewShortcut } from './useNewShortcut';

const PAGE = 200;

/** The summary cards: NPS, CSAT and the number of answers of the period, then the months. */
export function FeedbackSummaryView({ summary }: { summary: FeedbackSummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const none = t('feedback.summary.none');
  const monthLabel = (m: string) => {
    const [y, mo] = m.split('-').map(Number);
    return new Intl.DateTimeFormat(fmt.lng, { month: 'short', year: '2-digit' }).format(new Date(y, mo - 1, 1));
  };
  const { nps, csat } = summary;
  return (
    <Stack gap="sm" data-testid="feedback-summary">
      <SimpleGrid cols={3} spacing="sm">
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed" title={t('feedback.summary.npsHint')}>
            {t('feedback.summary.nps')}
          </Text>
          <Text fz={34} fw={700} c={npsColor(nps) === 'gray' ? 'dimmed' : `${npsColor(nps)}.7`} data-testid="nps-score" data-score={nps.score}>
            {npsText(nps, none, fmt.number)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('feedback.summary.answers', { count: nps.responses, formatted: fmt.number(nps.responses) })}
            {nps.responses > 0 &&
              ` · ${t('feedback.summary.split', { promoters: fmt.number(nps.promoters), passives: fmt.number(nps.passives), detractors: fmt.number(nps.detractors) })}`}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed" title={t('feedback.summary.csatHint')}>
            {t('feedback.summary.csat')}
          </Text>
          <Text fz={34} fw={700} data-testid="csat-share">
            {csat.responses > 0 ? `${fmt.number(csat.share)} %` : none}
          </Text>
          <Text size="xs" c="dimmed">
            {t('feedback.summary.answers', { count: csat.responses, formatted: fmt.number(csat.responses) })}
            {csat.mean && ` · ${t('feedback.summary.mean', { mean: decimalText(csat.mean, fmt.lng) })}`}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {t('feedback.summary.total')}
          </Text>
          <Text fz={34} fw={700} data-testid="feedback-count">
            {fmt.number(summary.count)}
          </Text>
        </Paper>
      </SimpleGrid>
      {summary.months.length > 1 && (
        <ScrollArea type="auto">
          <Table withTableBorder withColumnBorders fz="xs" data-testid="feedback-months" miw={summary.months.length * 64}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('feedback.summary.month')}</Table.Th>
                {summary.months.map((m) => (
                  <Table.Th key={m.month} ta="center">
                    {monthLabel(m.month)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('feedback.summary.nps')}</Table.Td>
                {summary.months.map((m) => (
                  <Table.Td key={m.month} ta="center" c={npsColor(m.nps) === 'gray' ? 'dimmed' : `${npsColor(m.nps)}.8`}>
                    {npsText(m.nps, none, fmt.number)}
                  </Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('feedback.summary.csat')}</Table.Td>
                {summary.months.map((m) => (
                  <Table.Td key={m.month} ta="center" c={m.csat.responses ? undefined : 'dimmed'}>
                    {m.csat.responses ? `${fmt.number(m.csat.share)} %` : none}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}

/** Customer feedback: NPS and CSAT of a period, by month, and the answers; N records one. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [preset, setPreset] = useState<RangePreset>('m12');
  const [custom, setCustom] = useState<DateRange>(() => presetRange('d30', new Date()));
  const range = useMemo(() => (preset === 'custom' ? custom : presetRange(preset, new Date())), [preset, custom]);
  const valid = isValidRange(range);
  const summary = useFeedbackSummary(range);
  const list = useFeedbackList({ contactId: '', companyId: '', kind: '', from: range.from, to: range.to, offset: 0, limit: PAGE });
  const del = useDeleteFeedback();
  const restore = useRestoreFeedback();
  const [form, setForm] = useState<{ editing: Feedback | null } | null>(null);
  useNewShortcut(() => setForm({ editing: null }), form === null);

  const remove = async (f: Feedback) => {
    try {
      await del.mutateAsync(f.id);
    } catch (e) {
      notifyError(e, t);
      return;
    }
    showUndo(t('feedback.deleted'), t('notify.undo'), () =>
      restore.mutate(f.id, { onSuccess: () => notifySuccess(t('feedback.restored')), onError: (e) => notifyError(e, t) }),
    'feedback-deleted');
  };

  const items = list.data?.items ?? [];
  return (
    <ScrollArea h="100%">
      <Stack gap="md" p="lg" data-testid="feedback-page">
        <Group justify="space-between" align="flex-end">
          <Title order={2}>{t('feedback.title')}</Title>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('feedback.range.label')}
              data={RANGE_PRESETS.map((p) => ({ value: p, label: t(`feedback.range.${p}`) }))}
              value={preset}
              onChange={(v) => v && setPreset(v as RangePreset)}
              allowDeselect={false}
              w={170}
              data-testid="feedback-range"
            />
            {preset === 'custom' && (
              <>
                <TextInput type="date" label={t('feedback.range.from')} value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })} data-testid="feedback-from" />
                <TextInput type="date" label={t('feedback.range.to')} value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })} data-testid="feedback-to" />
              </>
            )}
            <Tooltip label={t('feedback.recordTitle')}>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ editing: null })} data-testid="feedback-new">
                {t('feedback.record')}
              </Button>
            </Tooltip>
          </Group>
        </Group>

        {summary.isError && valid && (
          <Alert color="red" data-testid="feedback-summary-error">
            {t('feedback.summary.error')}
          </Alert>
        )}
        {summary.data && <FeedbackSummaryView summary={summary.data} />}

        {list.data && items.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="feedback-empty">
            {t('feedback.list.empty')}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing="xs" data-testid="feedback-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('feedback.list.date')}</Table.Th>
                <Table.Th>{t('feedback.list.contact')}</Table.Th>
                <Table.Th>{t('feedback.list.company')}</Table.Th>
                <Table.Th>{t('feedback.list.kind')}</Table.Th>
                <Table.Th>{t('feedback.list.score')}</Table.Th>
                <Table.Th>{t('feedback.list.comment')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr
                  key={f.id}
                  data-testid="feedback-row"
                  style={{ cursor: 'pointer' }}
                  onClick={() => setForm({ editing: f })}
                  title={t('feedback.list.edit')}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(f.receivedAt)}</Table.Td>
                  <Table.Td>
                    <Anchor size="sm" href={hashForRecord('contacts', f.contactId)} onClick={(e) => e.stopPropagation()}>
                      {f.contactName || t('contacts.unnamed')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {f.companyId && (
                      <Anchor size="sm" href={hashForRecord('companies', f.companyId)} onClick={(e) => e.stopPropagation()}>
                        {f.companyName}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`feedback.kind.${f.kind === 'csat' ? 'csat' : 'nps'}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={bandColor(f.band)} variant="light" title={t(`feedback.band.${f.band}`, { defaultValue: '' })} data-testid="feedback-score">
                      {fmt.number(f.score)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {f.comment}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('feedback.list.delete')}
                      onClick={(e) => {
                        e.stopPropagation();
                        void remove(f);
                      }}
                      data-testid="feedback-delete"
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.data && list.data.total > items.length && (
          <Box>
            <Text size="sm" c="dimmed">
              {t('feedback.list.more', { count: list.data.total - items.length, formatted: fmt.number(list.data.total - items.length) })}
            </Text>
          </Box>
        )}
      </Stack>
      <FeedbackForm opened={form !== null} editing={form?.editing ?? null} onClose={() => setForm(null)} />
    </ScrollArea>
  );
}
