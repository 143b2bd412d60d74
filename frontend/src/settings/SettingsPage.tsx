import { Box, Code, Input, Paper, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSetLanguage, useStatus, type Language } from '../api';
import { isLanguage, LANGUAGES } from '../i18n';
import { notifyError, notifySuccess } from '../lib/notify';
import { CustomFieldsPanel } from './CustomFieldsPanel';
import { PhoneRegionSetting } from './PhoneRegionSetting';
import { ScoringRulesPanel } from './ScoringRulesPanel';
import { TimeZoneSetting } from './TimeZoneSetting';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const setLanguage = useSetLanguage();
  const status = useStatus();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

  const change = async (value: string | null) => {
    if (!isLanguage(value) || value === current) return;
    const lang: Language = value;
    // Switch at once; saving it makes the choice stick for the next start.
    await i18n.changeLanguage(lang);
    try {
      await setLanguage.mutateAsync(lang);
      notifySuccess(i18n.t('settings.languageSaved'));
    } catch (e) {
      notifyError(e, i18n.t);
    }
  };

  return (
    <ScrollArea h="100%">
      <Stack gap="lg" p="lg" maw={760} data-testid="settings">
        <Title order={2} size="h3">
          {t('areas.settings.name')}
        </Title>

        <Paper withBorder p="md" radius="md">
          {/* Label on the wrapper so it names only the input, not Mantine's hidden listbox. */}
          <Input.Wrapper
            id="settings-language"
            label={t('settings.language')}
            description={t('settings.languageDescription')}
            size="sm"
            maw={420}
          >
            <Select
              id="settings-language"
              data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              value={current}
              onChange={(v) => void change(v)}
              allowDeselect={false}
              checkIconPosition="right"
              size="sm"
              mt={6}
              comboboxProps={{ withinPortal: true }}
            />
          </Input.Wrapper>
        </Paper>

        <PhoneRegionSetting />

        <TimeZoneSetting />

        <CustomFieldsPanel />

        <ScoringRulesPanel />

        <Paper withBorder p="md" radius="md">
          <Text fw={600} size="sm" mb="xs">
            {t('settings.about')}
          </Text>
          <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px' }}>
            <Text component="dt" size="sm" c="dimmed">
              {t('settings.version')}
            </Text>
            <Text component="dd" size="sm" m={0} data-testid="settings-version">
              {status.data?.version || t('settings.unknown')}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              {t('settings.database')}
            </Text>
            <Box component="dd" m={0} style={{ minWidth: 0 }}>
              {status.data?.databasePath ? (
                <Code style={{ overflowWrap: 'anywhere' }}>{status.data.databasePath}</Code>
              ) : (
                <Text size="sm">{t('settings.unknown')}</Text>
              )}
            </Box>
          </Box>
        </Paper>
      </Stack>
    </ScrollArea>
  );
}
