import { Box, Group, NavLink, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconNotebook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchButton } from '../search/SearchButton';
import { AREA_GROUPS, AREA_ICONS, hashForArea, READY_AREAS, type AreaId } from './areas';

export function Sidebar({ area, onSelect }: { area: AreaId; onSelect: (a: AreaId) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} h="100%">
      <Group gap="xs" px="md" py="sm" wrap="nowrap" data-testid="brand">
        <ThemeIcon size={28} radius="md" variant="filled" aria-hidden>
          <IconNotebook size={18} />
        </ThemeIcon>
        <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }}>
          {t('app.name')}
        </Text>
      </Group>
      <SearchButton />
      <ScrollArea style={{ flex: 1 }} type="scroll" component="nav" aria-label={t('nav.label')}>
        {AREA_GROUPS.map((g) => (
          <Box key={g.id} px="xs" pb="xs">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4}>
              {t(`nav.groups.${g.id}`)}
            </Text>
            {g.areas.map((a) => {
              const Icon = AREA_ICONS[a];
              const ready = READY_AREAS.has(a);
              return (
                <NavLink
                  key={a}
                  component="a"
                  href={hashForArea(a)}
                  data-testid={`nav-${a}`}
                  label={t(`areas.${a}.name`)}
                  leftSection={<Icon size={17} stroke={1.6} />}
                  active={a === area}
                  aria-current={a === area ? 'page' : undefined}
                  c={ready || a === area ? undefined : 'dimmed'}
                  onClick={(e) => {
                    e.preventDefault();
                    onSelect(a);
                  }}
                  styles={{ root: { borderRadius: 'var(--mantine-radius-sm)', paddingBlock: 6 } }}
                />
              );
            })}
          </Box>
        ))}
      </ScrollArea>
    </Stack>
  );
}
