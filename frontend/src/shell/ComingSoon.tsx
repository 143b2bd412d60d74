import { Badge, Box, Center, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AREA_ICONS, type AreaId } from './areas';

/** An honest placeholder for an area that is not built yet: what it will hold, no sample data. */
export function ComingSoon({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  const Icon = AREA_ICONS[area];
  const points = t(`areas.${area}.points`, { returnObjects: true }) as unknown;
  const items = Array.isArray(points) ? (points as string[]) : [];

  return (
    <Center h="100%" p="xl" data-testid="coming-soon">
      <Paper withBorder radius="md" p="xl" maw={620} w="100%">
        <Stack gap="md">
          <Box>
            <ThemeIcon size={44} radius="md" variant="light" mb="sm" aria-hidden>
              <Icon size={26} stroke={1.5} />
            </ThemeIcon>
            <Title order={2} size="h3">
              {t(`areas.${area}.name`)}
            </Title>
            <Badge variant="light" color="gray" mt={6}>
              {t('comingSoon.badge')}
            </Badge>
          </Box>
          <Text>{t(`areas.${area}.description`)}</Text>
          {items.length > 0 && (
            <Box>
              <Text size="sm" fw={600} mb={4}>
                {t('comingSoon.willHold')}
              </Text>
              <List size="sm" spacing={4}>
                {items.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Box>
          )}
          <Text size="sm" c="dimmed">
            {t('comingSoon.note')}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
