import { useMemo } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useZones } from '../api';
import { zoneOffset } from './zoneLabel';

/** The picker's value for a floating time (no zone). */
const FLOATING = '__floating__';

interface ZoneSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string;
  onChange: (zone: string) => void;
  /** Offer "Floating (no zone)", value ''. */
  allowFloating?: boolean;
}

/** A searchable IANA zone picker (names from CalendarService.Zones), with each zone's current UTC offset. */
export function ZoneSelect({ value, onChange, allowFloating, onFocus, ...rest }: ZoneSelectProps) {
  const { t } = useTranslation();
  const zones = useZones();
  const data = useMemo(() => {
    const now = new Date();
    const names = [...(zones.data ?? [])];
    // A zone known only by its TZID text, or one missing from the list, stays choosable.
    if (value && !names.includes(value)) names.unshift(value);
    const items = names.map((z) => {
      const off = zoneOffset(z, now);
      return { value: z, label: off ? `${z} (${off})` : z };
    });
    if (allowFloating) items.unshift({ value: FLOATING, label: t('calendar.zone.floating') });
    return items;
  }, [zones.data, value, allowFloating, t]);

  return (
    <Select
      searchable
      data={data}
      value={value === '' ? (allowFloating ? FLOATING : null) : value}
      onChange={(z) => {
        if (z === null) return;
        onChange(z === FLOATING ? '' : z);
      }}
      allowDeselect={false}
      limit={200}
      nothingFoundMessage={t('calendar.zone.noMatch')}
      maxDropdownHeight={280}
      // Typing replaces the zone shown instead of adding to it.
      onFocus={(e) => {
        e.currentTarget.select();
        onFocus?.(e);
      }}
      {...rest}
    />
  );
}
