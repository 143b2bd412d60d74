import { Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, isActivityKind, type ActivityKind } from '../api';
import { KIND_ICONS } from './kinds';

/** Chips that keep only some kinds; none selected shows every kind. */
export function KindFilter({ value, onChange }: { value: ActivityKind[]; onChange: (v: ActivityKind[]) => void }) {
  const { t } = useTranslation();
  return (
    <Chip.Group multiple value={value} onChange={(v) => onChange(v.filter(isActivityKind))}>
      <Group gap={6} data-testid="kind-filter">
        {ACTIVITY_KINDS.map((k) => {
          const Icon = KIND_ICONS[k];
          return (
            <Chip key={k} value={k} size="xs" icon={<Icon size={12} />} data-testid={`kind-chip-${k}`}>
              {t(`timeline.kinds.${k}`)}
            </Chip>
          );
        })}
      </Group>
    </Chip.Group>
  );
}
