import { useMemo, useState } from 'react';
import { ActionIcon, Button, Group, Input, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrencies, useDeleteRate, useHomeCurrency, useExchangeRates, useSaveRate, useSetHomeCurrency } from '../api';
import { currencyName, formatDay } from '../deals/format';
import { todayISO } from '../deals/boardModel';
import { DATE_INPUT_FORMAT, datesLocale, parseTypedDate } from '../lib/dates';
import { errorText, notifyError, notifySuccess } from '../lib/notify';

/** Settings → "Currency": the home currency totals are shown in, and dated exchange rates into it. */
export function CurrencyPanel() {
  const { t, i18n } = useTranslation();
  const home = useHomeCurrency();
  const currencies = useCurrencies();
  const rates = useExchangeRates();
  const setHome = useSetHomeCurrency();
  const saveRate = useSaveRate();
  const delRate = useDeleteRate();
  const [form, setForm] = useState({ currency: '', date: todayISO(), rate: '' });
  const [error, setError] = useState<string | null>(null);
  const homeCode = home.data ?? '';
  const data = useMemo(() => (currencies.data ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${currencyName(c.code, i18n.language)}` })), [currencies.data, i18n.language]);

  const changeHome = async (code: string | null) => {
    if (!code || code === homeCode) return;
    try {
      await setHome.mutateAsync(code);
      notifySuccess(t('selling.currency.homeSaved', { code }));
    } catch (e) {
      notifyError(e, t);
    }
  };
  const submit = async () => {
    setError(null);
    if (!form.currency || !form.date || !form.rate.trim()) {
      setError(t('selling.currency.rateIncomplete'));
      return;
    }
    try {
      await saveRate.mutateAsync({ currency: form.currency, date: form.date, rate: form.rate.trim() });
      setForm({ currency: '', date: todayISO(), rate: '' });
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const sorted = [...(rates.data ?? [])].sort((a, b) => a.currency.localeCompare(b.currency) || b.date.localeCompare(a.date));

  return (
    <Paper withBorder p="md" radius="md" data-testid="settings-currency">
      <DatesProvider settings={{ locale: datesLocale(i18n.language), firstDayOfWeek: 1 }}>
        <Input.Wrapper id="settings-home-currency" label={t('selling.currency.home')} description={t('selling.currency.homeDescription')} size="sm" maw={420}>
          <Select
            id="settings-home-currency"
            data={data}
            value={homeCode || null}
            onChange={(v) => void changeHome(v)}
            searchable
            allowDeselect={false}
            size="sm"
            mt={6}
            comboboxProps={{ withinPortal: true }}
            data-testid="settings-home-currency"
          />
        </Input.Wrapper>

        <Text fw={500} size="sm" mt="lg">
          {t('selling.currency.rates')}
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t('selling.currency.ratesDescription', { home: homeCode })}
        </Text>
        {sorted.length > 0 ? (
          <Table fz="sm" verticalSpacing={4} maw={520} data-testid="rate-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selling.currency.currency')}</Table.Th>
                <Table.Th>{t('selling.currency.from')}</Table.Th>
                <Table.Th ta="right">{t('selling.currency.rate')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((r) => (
                <Table.Tr key={`${r.currency}-${r.date}`} data-testid="rate-row" data-currency={r.currency} data-date={r.date}>
                  <Table.Td>{r.currency}</Table.Td>
                  <Table.Td>{formatDay(r.date, i18n.language)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="rate-value">
                    {t('selling.currency.rateText', { currency: r.currency, rate: r.rate, home: homeCode })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t('selling.currency.editRate')} onClick={() => setForm({ currency: r.currency, date: r.date, rate: r.rate })} data-testid="rate-edit">
                        <IconPencil size={14} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('selling.currency.deleteRate')}
                        onClick={() => void delRate.mutateAsync({ currency: r.currency, date: r.date }).catch((e) => notifyError(e, t))}
                        data-testid="rate-delete"
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed" data-testid="rate-none">
            {t('selling.currency.noRates')}
          </Text>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          data-testid="rate-form"
        >
          <Group align="flex-end" gap="sm" mt="sm">
            <Select
              label={t('selling.currency.currency')}
              data={data.filter((c) => c.value !== homeCode)}
              value={form.currency || null}
              onChange={(c) => setForm({ ...form, currency: c ?? '' })}
              searchable
              size="xs"
              w={190}
              comboboxProps={{ withinPortal: true }}
              data-testid="rate-currency"
            />
            <DateInput
              label={t('selling.currency.from')}
              value={form.date || null}
              onChange={(d) => setForm({ ...form, date: d ?? '' })}
              valueFormat={DATE_INPUT_FORMAT}
              dateParser={parseTypedDate}
              size="xs"
              w={160}
              data-testid="rate-date"
            />
            <TextInput
              label={form.currency && homeCode ? t('selling.currency.rateLabel', { currency: form.currency, home: homeCode }) : t('selling.currency.rate')}
              placeholder="0.0061"
              inputMode="decimal"
              value={form.rate}
              onChange={(e) => setForm({ ...form, rate: e.currentTarget.value })}
              size="xs"
              w={170}
              data-testid="rate-value-input"
            />
            <Button type="submit" size="xs" variant="light" loading={saveRate.isPending} data-testid="rate-save">
              {t('selling.currency.saveRate')}
            </Button>
          </Group>
          {error && (
            <Text size="xs" c="red" mt={4} data-testid="rate-error">
              {error}
            </Text>
          )}
        </form>
      </DatesProvider>
    </Paper>
  );
}
