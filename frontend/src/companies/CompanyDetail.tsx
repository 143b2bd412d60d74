import { useState } from 'react';
import { Alert, Anchor, Box, Button, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPencil, IconTrash, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { openExternal, useCompanyPeople, type Company } from '../api';
import { addressLines, webHref } from '../contacts/ContactDetail';
import { useFormat } from '../lib/format';
import { hashForRecord } from '../shell/hashParams';
import { hasDetails } from './companyModel';
import { CustomerFeedbackSection } from '../feedback/CustomerFeedbackSection';
import { CustomerCasesSection } from '../cases/CustomerCasesSection';

const PEOPLE_STEP = 100;

interface Props {
  company: Company;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}

function onWebClick(e: React.MouseEvent<HTMLAnchorElement>) {
  if (openExternal(e.currentTarget.href)) e.preventDefault();
}

/** A company's page: its details and its people. Every value is rendered as text. */
export function CompanyDetail({ company: c, onEdit, onDelete, deleting }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [limit, setLimit] = useState(PEOPLE_STEP);
  const people = useCompanyPeople(c.id, limit);
  const addr = addressLines(c.address);
  const site = webHref(c.website);
  const rows: [string, string, React.ReactNode][] = [];
  if (c.industry) rows.push(['industry', t('companies.fields.industry'), c.industry]);
  if (c.size) rows.push(['size', t('companies.fields.size'), c.size]);
  if (c.website)
    rows.push([
      'website',
      t('companies.fields.website'),
      site ? (
        <Anchor size="sm" href={site} target="_blank" rel="noopener noreferrer" onClick={onWebClick}>
          {c.website}
        </Anchor>
      ) : (
        c.website
      ),
    ]);
  if (c.phone) rows.push(['phone', t('companies.fields.phone'), c.phone]);
  if (addr.length) rows.push(['address', t('companies.fields.address'), addr.join('\n')]);
  if (c.notes) rows.push(['notes', t('companies.fields.notes'), c.notes]);

  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="lg" p="lg" maw={760} data-testid="company-detail">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Box style={{ minWidth: 0 }}>
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }} data-testid="company-title">
              {c.name}
            </Title>
            <Text c="dimmed" size="sm" mt={2}>
              {t('companies.people', { count: c.people, formatted: fmt.number(c.people) })}
            </Text>
          </Box>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" leftSection={<IconPencil size={14} />} onClick={onEdit} data-testid="company-edit">
              {t('detail.edit')}
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={onDelete}
              loading={deleting}
              title={c.people > 0 ? t('companies.deleteHasPeople') : t('companies.deleteTitle')}
              data-testid="company-delete"
            >
              {t('detail.delete')}
            </Button>
          </Group>
        </Group>

        {!hasDetails(c) ? (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="company-invite">
            <Text size="sm">{t('companies.invite')}</Text>
            <Button size="xs" mt="xs" onClick={onEdit} data-testid="company-fill">
              {t('companies.fillIn')}
            </Button>
          </Alert>
        ) : (
          <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(90px, max-content) 1fr', gap: '10px 20px', margin: 0 }}>
            {rows.map(([key, label, value]) => (
              <Box key={key} style={{ display: 'contents' }}>
                <Text component="dt" size="sm" c="dimmed" fw={500}>
                  {label}
                </Text>
                <Box component="dd" m={0} style={{ minWidth: 0 }} data-testid={`company-${key}-value`}>
                  {typeof value === 'string' ? (
                    <Text size="sm" className="fb-pre" style={{ overflowWrap: 'anywhere' }}>
                      {value}
                    </Text>
                  ) : (
                    value
                  )}
                </Box>
              </Box>
            ))}
          </dl>
        )}

        <Box>
          <Group gap={6} mb="xs">
            <IconUsers size={16} />
            <Text fw={600} size="sm">
              {t('companies.peopleTitle')}
            </Text>
          </Group>
          {people.data && people.data.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('companies.noPeople')}
            </Text>
          )}
          <Stack gap={2} data-testid="company-people">
            {people.data?.items.map((p) => (
              <Group key={p.id} gap="xs" wrap="nowrap" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Anchor size="sm" href={hashForRecord('contacts', p.id)} data-testid="company-person" style={{ overflowWrap: 'anywhere' }}>
                  {p.displayName || t('contacts.unnamed')}
                </Anchor>
                {(p.title || p.email) && (
                  <Text size="xs" c="dimmed" truncate>
                    {[p.title, p.email].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
          {people.data && people.data.total > people.data.items.length && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => setLimit((l) => Math.min(l + PEOPLE_STEP, 500))} disabled={limit >= 500}>
              {t('companies.morePeople', { count: people.data.total - people.data.items.length })}
            </Button>
          )}
        </Box>
        <CustomerFeedbackSection companyId={c.id} />
        <CustomerCasesSection companyId={c.id} companyName={c.name} />
      </Stack>
    </ScrollArea>
  );
}
