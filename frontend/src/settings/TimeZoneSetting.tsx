import { Input, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSetUserZone, useUserZone } from '../api';
import { ZoneSelect } from '../calendar/ZoneSelect';
import { notifyError, notifySuccess } from '../lib/notify';

/** Settings → the user's time zone (the calendar and due times are shown in it). */
export function TimeZoneSetting() {
  const { t } = useTranslation();
  const zone = useUserZone();
  const setZone = useSetUserZone();
  const change = async (z: string) => {
    if (!z || z === zone.data) return;
    try {
      await setZone.mutateAsync(z);
      notifySuccess(t('calendar.zone.saved'));
    } catch (e) {
      notifyError(e, t);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Input.Wrapper id="settings-time-zone" label={t('calendar.zone.setting')} description={t('calendar.zone.settingDescription')} size="sm" maw={420}>
        <ZoneSelect id="settings-time-zone" value={zone.data ?? ''} onChange={(z) => void change(z)} mt={6} disabled={!zone.data} data-testid="settings-time-zone" />
      </Input.Wrapper>
    </Paper>
  );
}
