import { useEffect, useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconTrash, IconUserCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeleteOwner, useMe, useOwners, useSaveOwner, useSetMe, type Owner } from '../api';
import { errorText, notifyError, notifySuccess } from '../lib/notify';

/** Settings → "Profile and owners": your own name and e-mail, and the other people records belong to. */
export function OwnersPanel() {
  const { t } = useTranslation();
  const owners = useOwners();
  const me = useMe();
  const save = useSaveOwner();
  const setMe = useSetMe();
  const del = useDeleteOwner();
  const [profile, setProfile] = useState({ name: '', email: '' });
  const [profileError, setProfileError] = useState<string | null>(null);
  const [adding, setAdding] = useState({ name: '', email: '' });
  const [addError, setAddError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; name: string; email: string } | null>(null);
  useEffect(() => {
    if (me.data) setProfile({ name: me.data.name, email: me.data.email });
  }, [me.data]);
  const others = (owners.data ?? []).filter((o) => o.id !== me.data?.id);

  const saveProfile = async () => {
    setProfileError(null);
    try {
      await save.mutateAsync({ id: me.data?.id ?? '', name: profile.name.trim(), email: profile.email.trim() });
      notifySuccess(t('selling.owners.profileSaved'));
    } catch (e) {
      setProfileError(errorText(e, t));
    }
  };
  const add = async () => {
    setAddError(null);
    if (!adding.name.trim()) {
      setAddError(t('selling.owners.nameRequired'));
      return;
    }
    try {
      await save.mutateAsync({ id: '', name: adding.name.trim(), email: adding.email.trim() });
      setAdding({ name: '', email: '' });
    } catch (e) {
      setAddError(errorText(e, t));
    }
  };
  const saveEdit = async () => {
    if (!editing) return;
    try {
      await save.mutateAsync({ id: editing.id, name: editing.name.trim(), email: editing.email.trim() });
      setEditing(null);
    } catch (e) {
      notifyError(e, t);
    }
  };
  const act = (p: Promise<unknown>) => p.catch((e) => notifyError(e, t));

  return (
    <Paper withBorder p="md" radius="md" data-testid="settings-owners">
      <Text fw={600} size="sm">
        {t('selling.owners.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('selling.owners.description')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void saveProfile();
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('selling.owners.yourName')}
            value={profile.name}
            onChange={(e) => setProfile({ ...profile, name: e.currentTarget.value })}
            w={220}
            size="sm"
            data-testid="profile-name"
          />
          <TextInput
            label={t('selling.owners.yourEmail')}
            type="email"
            value={profile.email}
            onChange={(e) => setProfile({ ...profile, email: e.currentTarget.value })}
            w={240}
            size="sm"
            data-testid="profile-email"
          />
          <Button type="submit" size="sm" loading={save.isPending} data-testid="profile-save">
            {t('selling.save')}
          </Button>
        </Group>
        {profileError && (
          <Text size="xs" c="red" mt={4} data-testid="profile-error">
            {profileError}
          </Text>
        )}
      </form>

      <Text fw={500} size="sm" mt="lg" mb={4}>
        {t('selling.owners.others')}
      </Text>
      <Stack gap={4} data-testid="owner-list">
        {others.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('selling.owners.none')}
          </Text>
        )}
        {others.map((o: Owner) =>
          editing?.id === o.id ? (
            <Group key={o.id} gap="xs" wrap="nowrap" data-testid="owner-row" data-owner-id={o.id}>
              <TextInput size="xs" aria-label={t('selling.owners.name')} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} w={200} />
              <TextInput size="xs" aria-label={t('selling.owners.email')} value={editing.email} onChange={(e) => setEditing({ ...editing, email: e.currentTarget.value })} w={220} />
              <ActionIcon variant="light" color="teal" aria-label={t('selling.save')} onClick={() => void saveEdit()}>
                <IconCheck size={14} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="gray" aria-label={t('deals.editor.cancel')} onClick={() => setEditing(null)}>
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ) : (
            <Group key={o.id} gap="xs" wrap="nowrap" py={2} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid="owner-row" data-owner-id={o.id}>
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" truncate data-testid="owner-name">
                  {o.name}
                </Text>
                {o.email && (
                  <Text size="xs" c="dimmed" truncate>
                    {o.email}
                  </Text>
                )}
              </Box>
              <Tooltip label={t('selling.owners.makeMe')} withinPortal>
                <ActionIcon variant="subtle" aria-label={t('selling.owners.makeMe')} onClick={() => void act(setMe.mutateAsync(o.id))} data-testid="owner-set-me">
                  <IconUserCheck size={14} />
                </ActionIcon>
              </Tooltip>
              <ActionIcon variant="subtle" aria-label={t('selling.owners.edit')} onClick={() => setEditing({ id: o.id, name: o.name, email: o.email })} data-testid="owner-edit">
                <IconPencil size={14} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('selling.owners.delete')} onClick={() => void act(del.mutateAsync(o.id))} data-testid="owner-delete">
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ),
        )}
      </Stack>
      {me.data && (
        <Badge variant="light" mt="xs" tt="none" data-testid="owner-me">
          {t('selling.owners.youAre', { name: me.data.name || '—' })}
        </Badge>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Group align="flex-end" gap="sm" mt="sm">
          <TextInput label={t('selling.owners.name')} value={adding.name} onChange={(e) => setAdding({ ...adding, name: e.currentTarget.value })} w={200} size="xs" data-testid="owner-add-name" />
          <TextInput label={t('selling.owners.email')} value={adding.email} onChange={(e) => setAdding({ ...adding, email: e.currentTarget.value })} w={220} size="xs" data-testid="owner-add-email" />
          <Button type="submit" size="xs" variant="light" data-testid="owner-add">
            {t('selling.owners.add')}
          </Button>
        </Group>
        {addError && (
          <Text size="xs" c="red" mt={4} data-testid="owner-add-error">
            {addError}
          </Text>
        )}
      </form>
    </Paper>
  );
}
