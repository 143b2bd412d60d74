import { Group, Text } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconFile, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { entityLabelKey } from './records';

const ICONS = { contact: IconUser, event: IconCalendarEvent, task: IconChecklist } as const;

/** The kind of a record (icon and label): contact, meeting or task. */
export function EntityKind({ entity, testId }: { entity: string; testId: string }) {
  const { t } = useTranslation();
  const Icon = ICONS[entity as keyof typeof ICONS] ?? IconFile;
  const key = entityLabelKey(entity);
  return (
    <Group gap={4} wrap="nowrap" data-testid={testId} data-kind={entity} style={{ flex: 'none' }}>
      <Icon size={15} stroke={1.6} color="var(--mantine-color-dimmed)" aria-hidden />
      <Text span size="xs" c="dimmed" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {key ? t(key) : entity}
      </Text>
    </Group>
  );
}
