import { useMemo, useState } from 'react';
import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconHeadset, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCompanyCases, useContactCases } from '../api/careHooks';
import type { Case } from '../api/careTypes';
import { CaseEditor } from './CaseEditor';
import { useFormat } from '../lib/format';
import { STATUS_COLORS, durationText } from './caseModel';

const SHOWN = 5;

type Props = { contactId: string; contactName: string; companyId?: undefined; companyName?: undefined } | { companyId: string; companyName: string; contactId?: undefined; contactName?: undefined };

/** A contact's or a company's support cases, newest first, with a New case button. */
export function CustomerCasesSection(props: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const forContact = useContactCases(props.contactId ?? '');
  const forCompany = useCompanyCases(props.companyId ?? '');
  const q = props.contactId !== undefined ? forContact : forCompany;
  const [editor, setEditor] = useState<{ editing: Case | null } | null>(null);
  const [all, setAll] = useState(false);
  const link = useMemo(
    () => ({ contactId: props.contactId, contactName: props.contactName, companyId: props.companyId, companyName: props.companyName }),
    [props.contactId, props.contactName, props.companyId, props.companyName],
  );
  if (q.isPending || q.isError) return null;
  const items = q.data.items;
  return (
    <Box data-testid="customer-cases">
      <Group justify="space-between" mb={6}>
        <Group gap={6}>
          <IconHeadset size={16} />
          <Text fw={600} size="sm">
            {t('cases.section.title')}
          </Text>
        </Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setEditor({ editing: null })} data-testid="customer-case-new">
          {t('cases.section.new')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.section.empty')}
        </Text>
      ) : (
        <Stack gap={4}>
          {(all ? items : items.slice(0, SHOWN)).map((c) => (
            <Group key={c.id} gap="xs" wrap="nowrap" style={{ cursor: 'pointer' }} onClick={() => setEditor({ editing: c })} data-testid="customer-case">
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {c.number}
              </Text>
              <Text size="sm" truncate style={{ flex: 1 }}>
                {c.subject}
              </Text>
              <Badge size="sm" color={STATUS_COLORS[c.status] ?? 'gray'}>
                {t(`cases.status.${c.status}`, { defaultValue: c.status })}
              </Badge>
              {c.resolutionMinutes >= 0 && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {durationText(c.resolutionMinutes, t, fmt.number)}
                </Text>
              )}
            </Group>
          ))}
          {!all && items.length > SHOWN && (
            <Button variant="subtle" size="compact-xs" onClick={() => setAll(true)}>
              {t('cases.more')}
            </Button>
          )}
        </Stack>
      )}
      <CaseEditor opened={editor !== null} editing={editor?.editing ?? null} link={link} onClose={() => setEditor(null)} />
    </Box>
  );
}
