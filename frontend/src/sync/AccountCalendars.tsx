import { useState } from 'react';
import { Alert, Box, Button, Center, Checkbox, Group, Loader, Modal, Stack, Switch, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAddCalendars, useServerCalendars, useSetCalendar, type Account, type CalendarCollection } from '../api';
import { errorText, notifyError, notifySuccess } from '../lib/notify';
import { CalendarComponents, CalendarSwatch } from './CalendarCollectionParts';

/** An account's calendars: colour, what each holds, sync on/off; and "Add calendars…". */
export function AccountCalendars({ account: a }: { account: Account }) {
  const { t } = useTranslation();
  const setCalendar = useSetCalendar();
  const [adding, setAdding] = useState(false);
  const change = (c: CalendarCollection, enabled: boolean) =>
    setCalendar.mutate({ id: c.id, enabled }, { onError: (e) => notifyError(e, t) });

  return (
    <Box mt="sm" data-testid="account-calendars">
      {a.calendars.length > 0 && (
        <Table verticalSpacing={4} fz="sm" withTableBorder={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.calendars.calendar')}</Table.Th>
              {/* The same column widths as the address books above, so the switches line up. */}
              <Table.Th w={110}>{t('sync.accounts.enabled')}</Table.Th>
              <Table.Th w={180}>{t('sync.calendars.holds')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.calendars.map((c) => (
              <Table.Tr key={c.id || c.href} data-testid="account-calendar" data-calendar-id={c.id} data-href={c.href}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Box pt={3}>
                      <CalendarSwatch color={c.color} testId="account-calendar-color" />
                    </Box>
                    <Box style={{ minWidth: 0 }}>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="account-calendar-name">
                        {c.name || c.href}
                      </Text>
                      {c.name && (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {c.href}
                        </Text>
                      )}
                    </Box>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={c.enabled}
                    onChange={(e) => change(c, e.currentTarget.checked)}
                    aria-label={t('sync.calendars.enable', { name: c.name || c.href })}
                    data-testid="account-calendar-enabled"
                  />
                </Table.Td>
                <Table.Td>
                  <CalendarComponents calendar={c} testId="account-calendar-components" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-start" mt={4}>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconCalendarPlus size={14} />}
          onClick={() => setAdding(true)}
          data-testid="add-calendars"
        >
          {t('sync.calendars.add')}
        </Button>
      </Group>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('sync.calendars.addTitle', { name: a.name })} size="lg" centered>
        {/* Remounted per opening: the server is asked again each time. */}
        {adding && <AddCalendars account={a} onDone={() => setAdding(false)} />}
      </Modal>
    </Box>
  );
}

/** The server's calendars the account does not sync yet, to pick from. */
function AddCalendars({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation();
  const found = useServerCalendars(account.id, true);
  const add = useAddCalendars();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const toggle = (href: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(href);
      else next.delete(href);
      return next;
    });

  const submit = async (fresh: CalendarCollection[]) => {
    setError(null);
    try {
      const calendars = fresh.filter((c) => chosen.has(c.href)).map((c) => ({ ...c, enabled: true }));
      await add.mutateAsync({ accountId: account.id, calendars });
      notifySuccess(t('sync.calendars.added', { count: calendars.length }));
      onDone();
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  if (found.isPending) {
    return (
      <Center p="lg" data-testid="add-calendars-dialog">
        <Loader size="sm" aria-label={t('sync.calendars.loading')} />
      </Center>
    );
  }
  if (found.isError) {
    return (
      <Stack gap="md" data-testid="add-calendars-dialog">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="add-calendars-error">
          {errorText(found.error, t)}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button variant="light" onClick={() => void found.refetch()}>
            {t('contacts.retry')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const fresh = found.data.filter((c) => !c.id);
  return (
    <Stack gap="md" data-testid="add-calendars-dialog">
      <Text size="sm">{t('sync.calendars.addIntro')}</Text>
      {found.data.length === 0 || fresh.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="add-calendars-none">
          {found.data.length === 0 ? t('sync.calendars.noneOnServer') : t('sync.calendars.allAdded')}
        </Text>
      ) : null}
      <Stack gap="xs">
        {found.data.map((c) => {
          const added = c.id !== '';
          return (
            <Group key={c.href} gap="sm" wrap="nowrap" align="flex-start" data-testid="server-calendar" data-added={added}>
              <Checkbox
                checked={added || chosen.has(c.href)}
                disabled={added}
                onChange={(e) => toggle(c.href, e.currentTarget.checked)}
                aria-label={c.name || c.href}
                data-testid="server-calendar-checkbox"
                data-href={c.href}
              />
              <Box pt={3}>
                <CalendarSwatch color={c.color} testId="server-calendar-color" />
              </Box>
              <Box style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {c.name || c.href}
                </Text>
                {(c.description || c.name) && (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {c.description || c.href}
                  </Text>
                )}
                {added && (
                  <Text size="xs" c="dimmed" data-testid="server-calendar-added">
                    {c.enabled ? t('sync.calendars.alreadySyncing') : t('sync.calendars.alreadyAddedOff')}
                  </Text>
                )}
              </Box>
              <CalendarComponents calendar={c} testId="server-calendar-components" />
            </Group>
          );
        })}
      </Stack>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="add-calendars-error">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={add.isPending}>
          {t('form.cancel')}
        </Button>
        <Button
          onClick={() => void submit(fresh)}
          loading={add.isPending}
          disabled={chosen.size === 0}
          data-testid="add-calendars-submit"
        >
          {chosen.size === 0 ? t('sync.add.add') : t('sync.calendars.addChosen', { count: chosen.size })}
        </Button>
      </Group>
    </Stack>
  );
}
