// What the contact detail shows beyond the contact's own fields: its photo, its company as a
// link, phone numbers read in the default country, and the values of the custom fields.
import { Anchor, Avatar, Box, FileButton, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCamera, IconPhotoOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  openExternal,
  useContactPhoto,
  useCustomFields,
  useRemoveContactPhoto,
  useSetContactPhoto,
  type Contact,
  type CustomField,
} from '../api';
import { initials, PHOTO_TYPES, preparePhoto } from '../lib/image';
import { notifyError } from '../lib/notify';
import { useFormat } from '../lib/format';
import { hashForRecord } from '../shell/hashParams';
import { labelText } from './ContactForm';

/** The contact's photo, or its initials, with a menu to change or remove the photo. */
export function ContactAvatar({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const photo = useContactPhoto(contact.id);
  const setPhoto = useSetContactPhoto();
  const removePhoto = useRemoveContactPhoto();
  const url = photo.data || undefined;

  const choose = async (file: File | null) => {
    if (!file) return;
    try {
      const { dataUrl, mime } = await preparePhoto(file);
      await setPhoto.mutateAsync({ id: contact.id, dataUrl, mime });
    } catch (e) {
      notifyError(e, t);
    }
  };
  const remove = async () => {
    try {
      await removePhoto.mutateAsync(contact.id);
    } catch (e) {
      notifyError(e, t);
    }
  };

  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Avatar
          component="button"
          type="button"
          src={url}
          alt={t('photo.alt', { name: contact.displayName })}
          size={64}
          radius="xl"
          color="blue"
          title={t('photo.menu')}
          aria-label={t('photo.menu')}
          data-testid="contact-avatar"
          data-has-photo={url ? 'true' : 'false'}
          style={{ cursor: 'pointer', flex: 'none' }}
        >
          {initials(contact.displayName)}
        </Avatar>
      </Menu.Target>
      <Menu.Dropdown>
        <FileButton onChange={(f) => void choose(f)} accept={PHOTO_TYPES.join(',')} inputProps={{ 'data-testid': 'photo-input' } as never}>
          {(props) => (
            <Menu.Item {...props} leftSection={<IconCamera size={14} />} data-testid="photo-change" closeMenuOnClick={false}>
              {t('photo.change')}
            </Menu.Item>
          )}
        </FileButton>
        {url && (
          <Menu.Item leftSection={<IconPhotoOff size={14} />} color="red" onClick={() => void remove()} data-testid="photo-remove">
            {t('photo.remove')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The company name as a link to the company's page. */
export function CompanyLink({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  if (!c.company) {
    return (
      <Text size="sm" c="dimmed">
        {t('detail.none')}
      </Text>
    );
  }
  if (!c.companyId) return <Text size="sm">{c.company}</Text>;
  return (
    <Anchor size="sm" href={hashForRecord('companies', c.companyId)} data-testid="detail-company-link" style={{ overflowWrap: 'anywhere' }}>
      {c.company}
    </Anchor>
  );
}

/** Opens tel: with the system handler inside the desktop shell. */
function onTelClick(e: React.MouseEvent<HTMLAnchorElement>) {
  if (openExternal(e.currentTarget.href)) e.preventDefault();
}

/** A tel: URI: the E.164 form when the number could be read, else the typed digits. */
export function telHref(value: string, e164: string): string {
  return `tel:${e164 || value.replace(/[^0-9+*#,;]/g, '')}`;
}

/** Phone numbers as formatted for the default country, E.164 in the tooltip, a warning when invalid. */
export function PhoneValues({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  if (!c.phones.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('detail.none')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {c.phones.map((p, i) => {
        const info = c.phoneInfo[i];
        const shown = info?.formatted || p.value;
        const e164 = info?.e164 ?? '';
        return (
          <Group key={`${i}-${p.value}`} gap="xs" wrap="nowrap" data-testid="phone">
            <Tooltip label={e164 || t('phone.unreadable')} withArrow openDelay={300}>
              <Anchor size="sm" href={telHref(p.value, e164)} onClick={onTelClick} style={{ overflowWrap: 'anywhere' }} data-e164={e164}>
                {shown}
              </Anchor>
            </Tooltip>
            {info?.problem && (
              <Tooltip label={t('phone.problem', { reason: info.problem })} withArrow multiline w={280}>
                <IconAlertTriangle
                  size={15}
                  color="var(--mantine-color-orange-6)"
                  aria-label={t('phone.problem', { reason: info.problem })}
                  data-testid="phone-problem"
                  style={{ flex: 'none' }}
                />
              </Tooltip>
            )}
            {p.label && (
              <Text size="xs" c="dimmed">
                {labelText(t, p.label)}
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

/** A custom value as shown: dates in the user's format, the rest as stored. */
export function useCustomValueText(): (f: CustomField, v: string) => string {
  const fmt = useFormat();
  return (f, v) => (f.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmt.contactDate(v) : v);
}

/** Rows of the detail's definition list for the custom fields that have a value. */
export function CustomValues({ contact: c }: { contact: Contact }) {
  const fields = useCustomFields();
  const text = useCustomValueText();
  const shown = (fields.data ?? []).filter((f) => c.custom[f.id]);
  return (
    <>
      {shown.map((f) => (
        <Box key={f.id} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {f.name}
          </Text>
          <Box component="dd" m={0} data-testid="detail-custom" data-field={f.name} style={{ minWidth: 0 }}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {text(f, c.custom[f.id])}
            </Text>
          </Box>
        </Box>
      ))}
    </>
  );
}

