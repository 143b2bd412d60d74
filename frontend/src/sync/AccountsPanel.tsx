import { useState } from 'react';
import { Alert, Box, Button, Center, Code, Group, Loader, Modal, Paper, Radio, Stack, Switch, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useRemoveAccount, useSetAddressBook, type Account, type AddressBook } from '../api';
import { useFormat, useNow } from '../lib/format';
import { errorText, notifyError, notifySuccess } from '../lib/notify';
import { AccountCalendars } from './AccountCalendars';
import { AddAccountModal } from './AddAccountModal';

export function AccountsPanel() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Account | null>(null);

  return (
    <Stack gap="md" data-testid="accounts-panel">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('sync.accounts.intro')}
        </Text>
        <Button leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)} data-testid="add-account">
          {t('sync.accounts.add')}
        </Button>
      </Group>

      {accounts.isPending ? (
        <Center p="lg">
          <Loader size="sm" aria-label={t('sync.accounts.loading')} />
        </Center>
      ) : accounts.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="accounts-error">
          {errorText(accounts.error, t)}
        </Alert>
      ) : accounts.data.length === 0 ? (
        <Paper withBorder radius="md" p="lg" data-testid="accounts-empty">
          <Text size="sm" fw={500}>
            {t('sync.accounts.empty')}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('sync.accounts.emptyHint')}
          </Text>
        </Paper>
      ) : (
        accounts.data.map((a) => <AccountCard key={a.id} account={a} onRemove={() => setRemoving(a)} />)
      )}

      <AddAccountModal opened={adding} onClose={() => setAdding(false)} />
      <RemoveAccountDialog account={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

function AccountCard({ account: a, onRemove }: { account: Account; onRemove: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow();
  return (
    <Paper withBorder radius="md" p="md" data-testid="account" data-account-id={a.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Box style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="account-name">
            {a.name}
          </Text>
          <Box component="dl" m={0} mt={6} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px' }}>
            <Text component="dt" size="sm" c="dimmed">
              {t('sync.accounts.server')}
            </Text>
            <Box component="dd" m={0} style={{ minWidth: 0 }}>
              <Code style={{ overflowWrap: 'anywhere' }} data-testid="account-url">
                {a.url}
              </Code>
            </Box>
            <Text component="dt" size="sm" c="dimmed">
              {t('sync.accounts.user')}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }} data-testid="account-user">
              {a.username}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              {t('sync.accounts.lastSync')}
            </Text>
            <Text component="dd" size="sm" m={0} title={a.lastSyncAt ? fmt.dateTime(a.lastSyncAt) : undefined} data-testid="account-last-sync">
              {a.lastSyncAt ? `${fmt.relative(a.lastSyncAt, now)} (${fmt.dateTime(a.lastSyncAt)})` : t('sync.neverSynced')}
            </Text>
            {a.certFingerprint && (
              <>
                <Text component="dt" size="sm" c="dimmed">
                  {t('sync.accounts.pinned')}
                </Text>
                <Box component="dd" m={0} style={{ minWidth: 0 }}>
                  <Code style={{ overflowWrap: 'anywhere', fontSize: 11 }}>{a.certFingerprint}</Code>
                </Box>
              </>
            )}
          </Box>
          {a.lastError && (
            <Text size="sm" c="red.7" mt={6} className="fb-pre" data-testid="account-error">
              {a.lastError}
            </Text>
          )}
        </Box>
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={onRemove}
          data-testid="remove-account"
        >
          {t('sync.accounts.remove')}
        </Button>
      </Group>
      <AddressBookTable books={a.addressBooks} />
      <AccountCalendars account={a} />
    </Paper>
  );
}

function AddressBookTable({ books }: { books: AddressBook[] }) {
  const { t } = useTranslation();
  const setBook = useSetAddressBook();
  if (books.length === 0) return null;
  const change = (b: AddressBook, enabled: boolean, isDefault: boolean) =>
    setBook.mutate({ id: b.id, enabled, isDefault }, { onError: (e) => notifyError(e, t) });
  return (
    <Table mt="sm" verticalSpacing={4} fz="sm" withTableBorder={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sync.accounts.addressBook')}</Table.Th>
          <Table.Th w={110}>{t('sync.accounts.enabled')}</Table.Th>
          <Table.Th w={180}>{t('sync.accounts.default')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {books.map((b) => (
          <Table.Tr key={b.id || b.href} data-testid="account-book">
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {b.name || b.href}
              </Text>
              {b.name && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {b.href}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Switch
                checked={b.enabled}
                onChange={(e) => change(b, e.currentTarget.checked, e.currentTarget.checked ? b.isDefault : false)}
                aria-label={t('sync.accounts.enableBook', { name: b.name || b.href })}
                data-testid="account-book-enabled"
              />
            </Table.Td>
            <Table.Td>
              <Radio
                name="default-address-book"
                checked={b.isDefault}
                disabled={!b.enabled}
                onChange={() => change(b, true, true)}
                label={t('sync.accounts.newContactsHere')}
                data-testid="account-book-default"
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RemoveAccountDialog({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveAccount();
  const confirm = async () => {
    if (!account) return;
    try {
      await remove.mutateAsync(account.id);
      notifySuccess(t('sync.accounts.removed'));
      onClose();
    } catch (e) {
      notifyError(e, t);
    }
  };
  return (
    <Modal opened={account !== null} onClose={onClose} title={t('sync.accounts.removeTitle')} centered>
      <Stack gap="md" data-testid="remove-account-dialog">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('sync.accounts.removeBody', { name: account?.name ?? '' })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => void confirm()} data-testid="remove-account-confirm">
            {t('sync.accounts.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
