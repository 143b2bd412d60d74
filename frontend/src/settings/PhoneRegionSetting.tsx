import { useMemo } from 'react';
import { Input, Paper, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePhoneRegions, useSetPhoneRegion, useSettings } from '../api';
import { notifyError, notifySuccess } from '../lib/notify';

/** "DE" → "Germany" in the UI language (the code itself when the browser has no name for it). */
export function regionName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Settings → default country for phone numbers. */
export function PhoneRegionSetting() {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const regions = usePhoneRegions();
  const setRegion = useSetPhoneRegion();
  const lng = i18n.resolvedLanguage ?? 'en';
  const data = useMemo(
    () =>
      (regions.data ?? [])
        .map((r) => ({ value: r, label: `${regionName(r, lng)} (${r})` }))
        .sort((a, b) => a.label.localeCompare(b.label, lng)),
    [regions.data, lng],
  );
  const change = async (v: string | null) => {
    if (!v || v === settings.data?.phoneRegion) return;
    try {
      await setRegion.mutateAsync(v);
      notifySuccess(t('phone.regionSaved'));
    } catch (e) {
      notifyError(e, t);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Input.Wrapper id="settings-phone-region" label={t('phone.region')} description={t('phone.regionDescription')} size="sm" maw={420}>
        <Select
          id="settings-phone-region"
          data={data}
          value={settings.data?.phoneRegion || null}
          onChange={(v) => void change(v)}
          searchable
          allowDeselect={false}
          size="sm"
          mt={6}
          data-testid="settings-phone-region"
          comboboxProps={{ withinPortal: true }}
        />
      </Input.Wrapper>
    </Paper>
  );
}
