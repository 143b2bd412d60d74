import { Group, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { datesLocale } from '../lib/dates';
import { presetRange, RANGE_PRESETS, type RangePreset } from './dateRange';
import type { ReportState } from './reportState';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterBarProps {
  state: ReportState;
  /** Which filters the report takes ("range", "owner", "pipeline", "period"). */
  accepts: readonly string[];
  /** Today in the user's zone, YYYY-MM-DD: what the presets are computed from. */
  today: string;
  owners: FilterOption[];
  pipelines: FilterOption[];
  onChange: (patch: Partial<ReportState>) => void;
}

const PERIODS = ['day', 'week', 'month', 'quarter'] as const;

/**
 * The filters of one report: a date range (a preset, or picked by hand, which makes it custom),
 * the owner, the pipeline and the revenue period, each only where the report takes it.
 */
export function FilterBar({ state, accepts, today, owners, pipelines, onChange }: FilterBarProps) {
  const { t, i18n } = useTranslation();
  const range = state.preset === 'custom' ? { from: state.from, to: state.to } : presetRange(state.preset, today);
  return (
    <DatesProvider settings={{ locale: datesLocale(i18n.language), firstDayOfWeek: 1 }}>
      <Group gap="sm" align="flex-end" wrap="wrap" data-testid="report-filters">
        {accepts.includes('range') && (
          <>
            <Select
              size="xs"
              w={170}
              label={t('reports.filters.range')}
              allowDeselect={false}
              value={state.preset}
              onChange={(v) => {
                const p = (v ?? 'last12Months') as RangePreset;
                if (p === 'custom') onChange({ preset: 'custom', from: range?.from ?? '', to: range?.to ?? '' });
                else onChange({ preset: p, from: '', to: '' });
              }}
              data={RANGE_PRESETS.map((p) => ({ value: p, label: t(`reports.presets.${p}`) }))}
              data-testid="report-preset"
            />
            <DatePickerInput
              type="range"
              size="xs"
              w={240}
              label={t('reports.filters.dates')}
              valueFormat="D MMM YYYY"
              allowSingleDateInRange
              value={[range?.from || null, range?.to || null]}
              onChange={([from, to]) => {
                // Only a complete range applies; the picker keeps a half-picked one itself.
                if (from && to) onChange({ preset: 'custom', from, to });
              }}
              data-testid="report-dates"
            />
          </>
        )}
        {accepts.includes('owner') && (
          <Select
            size="xs"
            w={190}
            label={t('reports.filters.owner')}
            placeholder={t('reports.filters.anyOwner')}
            clearable
            value={state.ownerId || null}
            onChange={(v) => onChange({ ownerId: v ?? '' })}
            data={owners}
            data-testid="report-owner"
          />
        )}
        {accepts.includes('pipeline') && (
          <Select
            size="xs"
            w={190}
            label={t('reports.filters.pipeline')}
            placeholder={t('reports.filters.anyPipeline')}
            clearable
            value={state.pipelineId || null}
            onChange={(v) => onChange({ pipelineId: v ?? '' })}
            data={pipelines}
            data-testid="report-pipeline"
          />
        )}
        {accepts.includes('period') && (
          <SegmentedControl
            size="xs"
            aria-label={t('reports.filters.period')}
            value={state.period || 'month'}
            onChange={(v) => onChange({ period: v === 'month' ? '' : v })}
            data={PERIODS.map((p) => ({ value: p, label: t(`reports.periods.${p}`) }))}
            data-testid="report-period"
          />
        )}
      </Group>
    </DatesProvider>
  );
}
