import { Box, Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from './searchModel';
import { searchBox } from './searchStore';

/** The sidebar's search field look-alike: opens the search box and shows its shortcut. */
export function SearchButton() {
  const { t } = useTranslation();
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform;
  return (
    <Box px="sm" pb="xs">
      <UnstyledButton
        onClick={() => searchBox.open()}
        data-testid="search-open"
        aria-keyshortcuts="Control+K Meta+K"
        w="100%"
        px="sm"
        py={6}
        style={{
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 'var(--mantine-radius-sm)',
          background: 'var(--mantine-color-body)',
        }}
      >
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={15} stroke={1.6} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text size="sm" c="dimmed" style={{ flex: 1 }}>
            {t('search.open')}
          </Text>
          <Kbd size="xs">{shortcutLabel(platform)}</Kbd>
        </Group>
      </UnstyledButton>
    </Box>
  );
}
