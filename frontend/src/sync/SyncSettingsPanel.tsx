import { useEffect, useState } from 'react';
import { Alert, Button, Group, Input, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toApiError, useSetSyncSettings, useSyncStatus, type ConflictPolicy } from '../api';
import { errorText, notifySuccess } from '../lib/notify';

const POLICIES: ConflictPolicy[] = ['ask', 'mine', 'theirs'];
const isPolicy = (v: unknown): v is ConflictPolicy => typeof v === 'string' && (POLICIES as string[]).includes(v);

export function SyncSettingsPanel() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const save = useSetSyncSettings();
  const s = status.data;
  const [interval, setIntervalValue] = useState<number | string>('');
  const [policy, setPolicy] = useState<ConflictPolicy>('ask');
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Start from the saved values (again whenever they change elsewhere).
  useEffect(() => {
    if (!s) return;
    setIntervalValue(s.intervalMinutes || 15);
    setPolicy(isPolicy(s.policy) ? s.policy : 'ask');
  }, [s?.intervalMinutes, s?.policy]); // eslint-disable-line react-hooks/exhaustive-deps

  const minutes = typeof interval === 'number' ? interval : Number.parseInt(interval, 10);
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440;
  const dirty = s !== undefined && (minutes !== s.intervalMinutes || policy !== s.policy);

  const submit = async () => {
    setErrors({});
    if (!valid) {
      setErrors({ intervalMinutes: t('sync.settings.intervalRange') });
      return;
    }
    try {
      await save.mutateAsync({ intervalMinutes: minutes, policy });
      notifySuccess(t('sync.settings.saved'));
    } catch (e) {
      const err = toApiError(e);
      setErrors({ [err.field === 'policy' ? 'policy' : err.field === 'intervalMinutes' ? 'intervalMinutes' : 'form']: errorText(err, t) });
    }
  };

  return (
    <Stack gap="md" maw={640} data-testid="sync-settings">
      <Paper withBorder radius="md" p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <NumberInput
              label={t('sync.settings.interval')}
              description={t('sync.settings.intervalHint')}
              min={1}
              max={1440}
              step={5}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              value={interval}
              onChange={setIntervalValue}
              error={errors.intervalMinutes || (!valid && interval !== '' ? t('sync.settings.intervalRange') : undefined)}
              suffix={` ${t('sync.settings.minutes')}`}
              maw={260}
              size="xs"
              disabled={!s}
              data-testid="sync-interval"
            />
            <Input.Wrapper id="sync-policy" label={t('sync.settings.policy')} description={t(`sync.settings.policyHint.${policy}`)} error={errors.policy || undefined}>
              <Select
                id="sync-policy"
                data={POLICIES.map((p) => ({ value: p, label: t(`sync.settings.policies.${p}`) }))}
                value={policy}
                onChange={(v) => isPolicy(v) && setPolicy(v)}
                allowDeselect={false}
                maw={360}
                mt={6}
                disabled={!s}
                comboboxProps={{ withinPortal: true }}
                data-testid="sync-policy"
              />
            </Input.Wrapper>
            {errors.form && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
                {errors.form}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!dirty || !valid} data-testid="sync-settings-save">
                {t('sync.settings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {s && <CredentialNotice storage={s.credentialStorage} notice={s.credentialNotice} />}
    </Stack>
  );
}

/** Where passwords are kept; a warning when they are in a file rather than the OS keychain. */
export function CredentialNotice({ storage, notice }: { storage: string; notice: string }) {
  const { t } = useTranslation();
  if (storage === 'file') {
    return (
      <Alert color="yellow" variant="light" icon={<IconKey size={18} />} title={t('sync.settings.credentialFileTitle')} data-testid="credential-notice">
        <Text size="sm">{t('sync.settings.credentialFileBody')}</Text>
        {notice && (
          <Text size="sm" mt={6} className="fb-pre">
            {notice}
          </Text>
        )}
      </Alert>
    );
  }
  if (!storage) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="credential-storage">
      <IconKey size={14} style={{ verticalAlign: 'middle', marginInlineEnd: 6 }} />
      {t('sync.settings.credentialKeyring')}
    </Text>
  );
}
