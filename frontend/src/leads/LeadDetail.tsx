import { Alert, Anchor, Badge, Box, Button, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../api/leadTypes';
import type { Owner } from '../api/sellingTypes';
import { useFormat } from '../lib/format';
import { hashForRecord } from '../shell/hashParams';
import { leadName, sourceLabel } from './leadModel';
import { ScoreBadge } from './ScoreBadge';

interface Props {
  lead: Lead;
  owners: Owner[];
  onEdit: () => void;
  onDelete: () => void;
  onConvert: () => void;
  deleting: boolean;
}

/** A lead's page: its data, its score with reasons, and what it was converted into. */
export function LeadDetail({ lead, owners, onEdit, onDelete, onConvert, deleting }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const converted = lead.status === 'converted';
  const owner = owners.find((o) => o.id === lead.ownerId)?.name ?? '';
  const rows: [string, string][] = [
    [t('leads.fields.email'), lead.email],
    [t('leads.fields.phone'), lead.phone],
    [t('leads.fields.companyName'), lead.companyName],
    [t('leads.fields.title'), lead.title],
    [t('leads.fields.source'), lead.source ? sourceLabel(lead.source, t) : ''],
    [t('leads.fields.owner'), owner],
    [t('leads.fields.industry'), lead.industry],
    [t('leads.fields.companySize'), lead.companySize],
    [t('leads.fields.country'), lead.country],
  ];
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" p="lg" data-testid="lead-detail">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Box style={{ minWidth: 0 }}>
            <Title order={2} size="h3" data-testid="lead-detail-name">
              {leadName(lead, t)}
            </Title>
            <Badge variant="light" mt={4} color={lead.status === 'converted' ? 'teal' : lead.status === 'unqualified' ? 'gray' : 'blue'} data-testid="lead-detail-status">
              {t(`leads.status.${lead.status}`)}
            </Badge>
          </Box>
          <ScoreBadge score={lead.score} reasons={lead.scoreReasons} size="lg" />
        </Group>
        {converted ? (
          <Alert color="teal" data-testid="lead-converted">
            <Text size="sm">{t('leads.converted.banner', { when: fmt.dateTime(lead.convertedAt) })}</Text>
            <Group gap="md" mt={6}>
              {lead.convertedContactId && (
                <Anchor href={hashForRecord('contacts', lead.convertedContactId)} size="sm" data-testid="lead-open-contact">
                  {t('leads.converted.openContact')}
                </Anchor>
              )}
              {lead.convertedCompanyId && (
                <Anchor href={hashForRecord('companies', lead.convertedCompanyId)} size="sm">
                  {t('leads.converted.openCompany')}
                </Anchor>
              )}
              {lead.convertedDealId && (
                <Anchor href={hashForRecord('deals', lead.convertedDealId)} size="sm">
                  {t('leads.converted.openDeal')}
                </Anchor>
              )}
            </Group>
          </Alert>
        ) : (
          <Group gap="xs">
            <Button leftSection={<IconArrowRight size={14} />} onClick={onConvert} data-testid="lead-convert">
              {t('leads.convert')}
            </Button>
            <Button variant="default" leftSection={<IconPencil size={14} />} onClick={onEdit} data-testid="lead-edit">
              {t('leads.edit')}
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={onDelete} loading={deleting} data-testid="lead-delete">
              {t('leads.delete')}
            </Button>
          </Group>
        )}
        <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px' }}>
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <Box key={k} style={{ display: 'contents' }}>
                <Text component="dt" size="sm" c="dimmed">
                  {k}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                  {v}
                </Text>
              </Box>
            ))}
        </Box>
        {lead.notes && (
          <Box>
            <Text size="sm" c="dimmed">
              {t('leads.fields.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {lead.notes}
            </Text>
          </Box>
        )}
      </Stack>
    </ScrollArea>
  );
}
