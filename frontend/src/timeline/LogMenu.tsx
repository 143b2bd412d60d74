import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, type ActivityKind } from '../api';
import { KIND_ICONS } from './kinds';

/** "Log ▾" → Call / E-mail / Meeting / Visit / Note: the second click opens the form. */
export function LogMenu({ onPick }: { onPick: (k: ActivityKind) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} rightSection={<IconChevronDown size={12} />} data-testid="log-button" title={t('timeline.logHint')}>
          {t('timeline.log')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {ACTIVITY_KINDS.map((k) => {
          const Icon = KIND_ICONS[k];
          return (
            <Menu.Item key={k} leftSection={<Icon size={14} />} onClick={() => onPick(k)} data-testid={`log-${k}`}>
              {t(`timeline.kinds.${k}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
