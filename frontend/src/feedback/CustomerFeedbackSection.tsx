import { useMemo, useState } from 'react';
import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconMessageStar, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCompanyFeedback, useContactFeedback } from '../api/careHooks';
import type { Feedback } from '../api/careTypes';
import { useFormat } from '../lib/format';
import { FeedbackForm } from './FeedbackForm';
import { bandColor } from './feedbackModel';

const SHOWN = 5;

type Props = { contactId: string; contactName: string; companyId?: undefined } | { companyId: string; contactId?: undefined; contactName?: undefined };

/** The latest NPS and CSAT answers of a contact (with a Record button) or of a company's people. */
export function CustomerFeedbackSection(props: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const forContact = useContactFeedback(props.contactId ?? '');
  const forCompany = useCompanyFeedback(props.companyId ?? '');
  const q = props.contactId !== undefined ? forContact : forCompany;
  const [form, setForm] = useState<{ editing: Feedback | null } | null>(null);
  const contact = useMemo(
    () => (props.contactId !== undefined ? { id: props.contactId, name: props.contactName } : undefined),
    [props.contactId, props.contactName],
  );
  if (q.isPending || q.isError) return null;
  const items = q.data.items;
  const latest = (kind: string) => items.find((f) => f.kind === kind);
  return (
    <Box data-testid="customer-feedback">
      <Group justify="space-between" mb={6}>
        <Group gap={6}>
          <IconMessageStar size={16} />
          <Text fw={600} size="sm">
            {t('feedback.section.title')}
          </Text>
        </Group>
        {contact && (
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setForm({ editing: null })} data-testid="customer-feedback-record">
            {t('feedback.section.record')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('feedback.section.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          <Group gap="xs">
            {(['nps', 'csat'] as const).map((k) => {
              const f = latest(k);
              return f ? (
                <Badge key={k} size="lg" variant="light" color={bandColor(f.band)} data-testid={`customer-latest-${k}`}>
                  {t('feedback.section.latest', { kind: t(`feedback.kind.${k}`) })}: {fmt.number(f.score)}
                </Badge>
              ) : null;
            })}
          </Group>
          {items.slice(0, SHOWN).map((f) => (
            <Group key={f.id} gap="xs" wrap="nowrap" align="flex-start" style={{ cursor: 'pointer' }} onClick={() => setForm({ editing: f })} data-testid="customer-feedback-item">
              <Badge variant="light" color={bandColor(f.band)} miw={64}>
                {t(`feedback.kind.${f.kind === 'csat' ? 'csat' : 'nps'}`)} {fmt.number(f.score)}
              </Badge>
              <Box style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {fmt.dateTime(f.receivedAt)}
                  {props.companyId !== undefined && f.contactName ? ` · ${f.contactName}` : ''}
                </Text>
                {f.comment && (
                  <Text size="sm" lineClamp={3} className="fb-pre" style={{ overflowWrap: 'anywhere' }}>
                    {f.comment}
                  </Text>
                )}
              </Box>
            </Group>
          ))}
        </Stack>
      )}
      <FeedbackForm opened={form !== null} editing={form?.editing ?? null} contact={contact} onClose={() => setForm(null)} />
    </Box>
  );
}
