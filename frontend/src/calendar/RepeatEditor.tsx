import { Alert, Button, Chip, Code, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconRepeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DATE_INPUT_FORMAT, parseTypedDate } from '../lib/dates';
import { WEEKDAYS, nthOf, weekdayOf, type Ends, type Freq, type MonthlyBy, type RepeatContext, type RepeatForm, type Weekday } from './rrule';

interface RepeatEditorProps {
  value: RepeatForm;
  ctx: RepeatContext;
  /** The rule as received cannot be shown here: it is displayed as text and kept. */
  custom: boolean;
  rrule: string;
  error?: string;
  onChange: (v: RepeatForm) => void;
  /** Replace the rule that cannot be shown with a simple one. */
  onReplaceCustom: () => void;
}

const FREQS: Freq[] = ['none', 'daily', 'weekly', 'monthly', 'yearly'];

/** The "Repeat" section of the meeting editor. */
export function RepeatEditor({ value, ctx, custom, rrule, error, onChange, onReplaceCustom }: RepeatEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<RepeatForm>) => onChange({ ...value, ...patch });

  if (custom) {
    return (
      <Alert variant="light" color="gray" icon={<IconRepeat size={16} />} p="xs" data-testid="repeat-custom">
        <Stack gap={6}>
          <Text size="sm">{t('calendar.repeat.custom')}</Text>
          <Code block data-testid="repeat-rrule" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {rrule}
          </Code>
          <Group>
            <Button size="compact-sm" variant="default" onClick={onReplaceCustom} data-testid="repeat-replace">
              {t('calendar.repeat.replace')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  const weekday = weekdayOf(ctx.start) ?? 'MO';
  const unit = value.freq === 'none' ? 'daily' : value.freq;
  return (
    <Stack gap={8} data-testid="repeat-editor">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('calendar.repeat.label')}
          data={FREQS.map((f) => ({ value: f, label: t(`calendar.repeat.freq.${f}`) }))}
          value={value.freq}
          onChange={(f) => f && set({ freq: f as Freq })}
          allowDeselect={false}
          w={170}
          data-testid="repeat-freq"
        />
        {value.freq !== 'none' && (
          <>
            <NumberInput
              label={t('calendar.repeat.every')}
              min={1}
              max={999}
              w={90}
              value={value.interval}
              onChange={(n) => set({ interval: typeof n === 'number' ? n : 0 })}
              allowDecimal={false}
              data-testid="repeat-interval"
            />
            <Text size="sm" pb={8}>
              {t(`calendar.repeat.unit.${unit}`, { count: value.interval || 1 })}
            </Text>
          </>
        )}
        {value.freq === 'monthly' && (
          <Select
            label={t('calendar.repeat.monthlyOn')}
            data={[
              { value: 'day', label: t('calendar.repeat.monthlyDay', { day: Number(ctx.start.slice(8, 10)) || 1 }) },
              {
                value: 'weekday',
                label: t('calendar.repeat.monthlyWeekday', {
                  nth: t(`calendar.repeat.nth.${value.monthlyBy === 'weekday' ? value.nth : nthOf(ctx.start)}`),
                  day: t(`calendar.weekdays.long.${weekday}`),
                }),
              },
            ]}
            value={value.monthlyBy}
            onChange={(m) => m && set({ monthlyBy: m as MonthlyBy, nth: nthOf(ctx.start) })}
            allowDeselect={false}
            w={240}
            data-testid="repeat-monthly"
          />
        )}
      </Group>
      {value.freq === 'weekly' && (
        <Chip.Group multiple value={value.byDay} onChange={(days) => set({ byDay: WEEKDAYS.filter((d) => days.includes(d)) })}>
          <Group gap={4} data-testid="repeat-days">
            {WEEKDAYS.map((d: Weekday) => (
              <Chip key={d} value={d} size="xs" radius="sm" data-testid={`repeat-day-${d}`}>
                {t(`calendar.weekdays.short.${d}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      {value.freq !== 'none' && (
        <Group gap="xs" align="flex-end">
          <Select
            label={t('calendar.repeat.ends')}
            data={(['never', 'until', 'count'] as Ends[]).map((e) => ({ value: e, label: t(`calendar.repeat.end.${e}`) }))}
            value={value.ends}
            onChange={(e) => e && set({ ends: e as Ends })}
            allowDeselect={false}
            w={170}
            data-testid="repeat-ends"
          />
          {value.ends === 'until' && (
            <DateInput
              aria-label={t('calendar.repeat.until')}
              value={value.until || null}
              onChange={(d) => set({ until: d ?? '' })}
              valueFormat={DATE_INPUT_FORMAT}
              dateParser={parseTypedDate}
              minDate={ctx.start.slice(0, 10)}
              w={190}
              data-testid="repeat-until"
            />
          )}
          {value.ends === 'count' && (
            <Group gap={6} align="center" wrap="nowrap">
              <NumberInput
                aria-label={t('calendar.repeat.count')}
                min={1}
                max={999}
                w={90}
                value={value.count}
                onChange={(n) => set({ count: typeof n === 'number' ? n : 0 })}
                allowDecimal={false}
                data-testid="repeat-count"
              />
              <Text size="sm">{t('calendar.repeat.times', { count: value.count || 1 })}</Text>
            </Group>
          )}
        </Group>
      )}
      {error && (
        <Text size="xs" c="red" data-testid="repeat-error">
          {t(error)}
        </Text>
      )}
    </Stack>
  );
}
