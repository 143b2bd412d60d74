import { useState } from 'react';
import { ActionIcon, Anchor, Avatar, Badge, Box, Combobox, Group, Loader, Select, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMail, IconSearch, IconUser, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listContacts, type Attendee, type ContactSummary } from '../api';
import { hashForRecord } from '../shell/hashParams';

/** A plausible e-mail address (one @, a dot in the domain, no spaces). */
export function looksLikeEmail(s: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(s.trim());
}

/** The two letters of a name or address shown in the attendee's avatar. */
export function initials(nameOrEmail: string): string {
  const words = nameOrEmail.replace(/@.*/, '').split(/[\s._-]+/).filter(Boolean);
  return words.slice(0, 2).map((w) => w[0]?.toUpperCase() ?? '').join('') || '?';
}

/** An attendee for a contact (its primary e-mail) or a typed address. */
export function attendeeFor(c: ContactSummary | null, email: string): Attendee {
  return { email: (c?.email ?? email).trim(), name: c?.displayName ?? '', role: 'required', status: 'needs-action', contactId: c?.id ?? '' };
}

const STATUS_COLORS: Record<string, string> = { accepted: 'teal', declined: 'red', tentative: 'yellow', 'needs-action': 'gray' };

interface AttendeesEditorProps {
  value: Attendee[];
  organizer: Attendee | null;
  onChange: (v: Attendee[]) => void;
}

/** Attendees picked from contacts by name or e-mail, or typed as an e-mail address. */
export function AttendeesEditor({ value, organizer, onChange }: AttendeesEditorProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 150);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const found = useQuery({
    queryKey: ['contacts', 'attendee-search', query],
    queryFn: () => listContacts({ query, offset: 0, limit: 8 }),
    enabled: query.length > 0,
    staleTime: 10_000,
  });

  const taken = new Set(value.map((a) => a.email.toLowerCase()));
  const contacts = (query ? (found.data?.items ?? []) : []).filter((c) => c.email && !taken.has(c.email.toLowerCase()));
  const typed = search.trim();
  const offerTyped = looksLikeEmail(typed) && !taken.has(typed.toLowerCase()) && !contacts.some((c) => c.email.toLowerCase() === typed.toLowerCase());

  const add = (a: Attendee) => {
    if (!a.email || taken.has(a.email.toLowerCase())) return;
    onChange([...value, a]);
    setSearch('');
    combobox.closeDropdown();
  };

  const submit = (key: string) => {
    if (key.startsWith('c:')) {
      const c = contacts.find((x) => x.id === key.slice(2));
      if (c) add(attendeeFor(c, ''));
    } else if (key.startsWith('e:')) {
      add(attendeeFor(null, key.slice(2)));
    }
  };

  const options = [
    ...contacts.map((c) => (
      <Combobox.Option value={`c:${c.id}`} key={c.id} data-testid="attendee-option">
        <Group gap="xs" wrap="nowrap">
          <IconUser size={14} />
          <Box style={{ minWidth: 0 }}>
            <Text size="sm" truncate>
              {c.displayName || c.email}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {c.email}
              {c.company ? ` · ${c.company}` : ''}
            </Text>
          </Box>
        </Group>
      </Combobox.Option>
    )),
    ...(offerTyped
      ? [
          <Combobox.Option value={`e:${typed}`} key="typed" data-testid="attendee-option-email">
            <Group gap="xs" wrap="nowrap">
              <IconMail size={14} />
              <Text size="sm">{t('calendar.attendees.invite', { email: typed })}</Text>
            </Group>
          </Combobox.Option>,
        ]
      : []),
  ];

  return (
    <Stack gap={6}>
      {organizer?.email && (
        <Text size="sm" data-testid="meeting-organizer">
          <Text span c="dimmed" size="sm">
            {t('calendar.attendees.organizer')}:{' '}
          </Text>
          {organizer.name ? `${organizer.name} <${organizer.email}>` : organizer.email}
        </Text>
      )}
      <Combobox store={combobox} onOptionSubmit={submit} withinPortal>
        <Combobox.Target>
          <TextInput
            aria-label={t('calendar.attendees.search')}
            placeholder={t('calendar.attendees.placeholder')}
            leftSection={<IconSearch size={14} />}
            rightSection={found.isFetching ? <Loader size={12} /> : null}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(e) => {
              // Enter with a typed address and nothing highlighted adds that address.
              if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && looksLikeEmail(typed)) {
                e.preventDefault();
                add(attendeeFor(contacts.find((c) => c.email.toLowerCase() === typed.toLowerCase()) ?? null, typed));
              }
            }}
            data-testid="attendee-search"
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={options.length === 0 && !(query && found.isSuccess)}>
          <Combobox.Options>
            {options.length > 0 ? options : <Combobox.Empty>{t('calendar.attendees.none')}</Combobox.Empty>}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {value.length > 0 && (
        <Stack gap={2} data-testid="attendee-list">
          {value.map((a, i) => (
            <Group key={`${a.email}-${i}`} gap="xs" wrap="nowrap" data-testid="attendee-row" data-email={a.email}>
              <Avatar size={26} radius="xl" color={a.contactId ? 'blue' : 'gray'}>
                {initials(a.name || a.email)}
              </Avatar>
              <Box style={{ flex: 1, minWidth: 0 }}>
                {a.contactId ? (
                  <Anchor size="sm" href={hashForRecord('contacts', a.contactId)} truncate="end" display="block">
                    {a.name || a.email}
                  </Anchor>
                ) : (
                  <Text size="sm" truncate>
                    {a.name || a.email}
                  </Text>
                )}
                {a.name && (
                  <Text size="xs" c="dimmed" truncate>
                    {a.email}
                  </Text>
                )}
              </Box>
              <Badge size="xs" variant="light" color={STATUS_COLORS[a.status] ?? 'gray'} tt="none" data-testid="attendee-status">
                {t(`calendar.attendees.status.${STATUS_COLORS[a.status] ? a.status : 'needs-action'}`)}
              </Badge>
              <Select
                aria-label={t('calendar.attendees.role')}
                size="xs"
                w={118}
                data={['required', 'optional', 'chair'].map((r) => ({ value: r, label: t(`calendar.attendees.roles.${r}`) }))}
                value={['required', 'optional', 'chair'].includes(a.role) ? a.role : 'required'}
                onChange={(r) => r && onChange(value.map((x, j) => (j === i ? { ...x, role: r } : x)))}
                allowDeselect={false}
                data-testid="attendee-role"
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('calendar.attendees.remove', { name: a.name || a.email })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                data-testid="attendee-remove"
              >
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
