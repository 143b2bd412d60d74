import { memo } from 'react';
import { Anchor, Badge, Box, Button, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { openExternal, type Address, type Contact, type LabeledValue } from '../api';
import { useFormat } from '../lib/format';
import { labelText } from './ContactForm';
import { CompanyLink, ContactAvatar, CustomValues, PhoneValues } from './ContactExtras';
import { ContactMeetings } from '../calendar/ContactMeetings';
import { CustomerFeedbackSection } from '../feedback/CustomerFeedbackSection';
import { CustomerCasesSection } from '../cases/CustomerCasesSection';

interface ContactDetailProps {
  contact: Contact;
  onEdit: () => void;
  onDelete: () => void;
  deleting?: boolean;
}

/** Opens mailto:/tel: with the system handler inside the desktop shell; a normal link elsewhere. */
function onExternalClick(e: React.MouseEvent<HTMLAnchorElement>) {
  if (openExternal(e.currentTarget.href)) e.preventDefault();
}

/** An http(s) link for a stored web address ("example.com" → "https://example.com"); undefined otherwise. */
export function webHref(url: string): string | undefined {
  const u = url.trim();
  if (!u) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(u) ? u : `https://${u}`;
  try {
    const parsed = new URL(withScheme);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Opens a web address in the system browser inside the desktop shell, never in the webview. */
function onWebClick(e: React.MouseEvent<HTMLAnchorElement>) {
  if (openExternal(e.currentTarget.href)) e.preventDefault();
}

const mailHref = (email: string) =>
  `mailto:${encodeURI(email.trim()).replace(/[?#&]/g, (ch) => encodeURIComponent(ch))}`;

/** The selected contact. Every value is rendered as text (never as HTML). */
export const ContactDetail = memo(function ContactDetail({ contact: c, onEdit, onDelete, deleting }: ContactDetailProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const org = [c.title, c.department, c.company].filter(Boolean).join(' · ');
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="lg" p="lg" maw={760} data-testid="contact-detail">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="md" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          <ContactAvatar contact={c} />
          <Box style={{ minWidth: 0 }}>
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
              {c.displayName || t('contacts.unnamed')}
            </Title>
            {c.nickname && (
              <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere' }} data-testid="detail-nickname">
                {t('detail.nicknameQuoted', { nickname: c.nickname })}
              </Text>
            )}
            {org && (
              <Text c="dimmed" size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
                {org}
              </Text>
            )}
          </Box>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" leftSection={<IconPencil size={14} />} onClick={onEdit} title={t('detail.editTitle')}>
              {t('detail.edit')}
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={onDelete}
              loading={deleting}
              title={t('detail.deleteTitle')}
            >
              {t('detail.delete')}
            </Button>
          </Group>
        </Group>

        <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(90px, max-content) 1fr', gap: '10px 20px', margin: 0 }}>
          <Field label={t('detail.emails')} testId="detail-emails">
            <Values values={c.emails} empty={t('detail.none')} href={mailHref} />
          </Field>
          <Field label={t('detail.phones')} testId="detail-phones">
            <PhoneValues contact={c} />
          </Field>
          {c.urls.length > 0 && (
            <Field label={t('detail.urls')} testId="detail-urls">
              <WebLinks values={c.urls} />
            </Field>
          )}
          {c.addresses.length > 0 && (
            <Field label={t('detail.addresses')} testId="detail-addresses">
              <Addresses values={c.addresses} />
            </Field>
          )}
          <Field label={t('detail.company')} testId="detail-company">
            <CompanyLink contact={c} />
          </Field>
          {c.department && (
            <Field label={t('detail.department')} testId="detail-department">
              <Text size="sm">{c.department}</Text>
            </Field>
          )}
          <Field label={t('detail.jobTitle')} testId="detail-title">
            <Text size="sm" c={c.title ? undefined : 'dimmed'}>
              {c.title || t('detail.none')}
            </Text>
          </Field>
          {c.birthday && (
            <Field label={t('detail.birthday')} testId="detail-birthday">
              <Text size="sm">{fmt.contactDate(c.birthday)}</Text>
            </Field>
          )}
          {c.anniversary && (
            <Field label={t('detail.anniversary')} testId="detail-anniversary">
              <Text size="sm">{fmt.contactDate(c.anniversary)}</Text>
            </Field>
          )}
          {c.profile && (
            <Field label={t('detail.profile')} testId="detail-profile">
              <Text size="sm" className="fb-pre" data-testid="contact-profile">
                {c.profile}
              </Text>
            </Field>
          )}
          <CustomValues contact={c} />
          <Field label={t('detail.tags')} testId="detail-tags">
            {c.tags.length ? (
              <Group gap={6}>
                {c.tags.map((tag) => (
                  <Badge key={tag} variant="light" radius="sm" tt="none" data-testid="tag">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('detail.none')}
              </Text>
            )}
          </Field>
          <Field label={t('detail.notes')} testId="detail-notes">
            {c.notes ? (
              <Text size="sm" className="fb-pre" data-testid="contact-notes">
                {c.notes}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('detail.none')}
              </Text>
            )}
          </Field>
        </dl>

        <ContactMeetings contactId={c.id} />
        <CustomerFeedbackSection contactId={c.id} contactName={c.displayName} />
        <CustomerCasesSection contactId={c.id} contactName={c.displayName} />

        <Text size="xs" c="dimmed" data-testid="detail-dates">
          {t('detail.created', { date: fmt.dateTime(c.createdAt) })}
          {' · '}
          {t('detail.updated', { date: fmt.dateTime(c.updatedAt) })}
        </Text>
      </Stack>
    </ScrollArea>
  );
});

function Field({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Box component="dd" m={0} data-testid={testId} style={{ minWidth: 0 }}>
        {children}
      </Box>
    </>
  );
}

function Values({ values, empty, href }: { values: LabeledValue[]; empty: string; href: (v: string) => string }) {
  const { t } = useTranslation();
  if (!values.length) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {values.map((v, i) => (
        <Group key={`${i}-${v.value}`} gap="xs" wrap="nowrap">
          <Anchor size="sm" href={href(v.value)} onClick={onExternalClick} style={{ overflowWrap: 'anywhere' }}>
            {v.value}
          </Anchor>
          {v.label && (
            <Text size="xs" c="dimmed">
              {labelText(t, v.label)}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function WebLinks({ values }: { values: LabeledValue[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {values.map((v, i) => {
        const href = webHref(v.value);
        return (
          <Group key={`${i}-${v.value}`} gap="xs" wrap="nowrap">
            {href ? (
              <Anchor
                size="sm"
                href={href}
                target="_blank"
                rel="noopener noreferrer"
                onClick={onWebClick}
                style={{ overflowWrap: 'anywhere' }}
              >
                {v.value}
              </Anchor>
            ) : (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {v.value}
              </Text>
            )}
            {v.label && (
              <Text size="xs" c="dimmed">
                {labelText(t, v.label)}
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

/** The lines of an address as written on an envelope: street lines, "city region postcode", country. */
export function addressLines(a: Address): string[] {
  const street = a.street.split('\n').map((l) => l.trim()).filter(Boolean);
  const place = [a.city, a.region, a.postcode].map((p) => p.trim()).filter(Boolean).join(', ');
  return [...street, place, a.country.trim()].filter(Boolean);
}

function Addresses({ values }: { values: Address[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {values.map((a, i) => (
        <Box key={i} data-testid="address">
          {a.label && (
            <Text size="xs" c="dimmed">
              {labelText(t, a.label)}
            </Text>
          )}
          <Text size="sm" className="fb-pre" style={{ overflowWrap: 'anywhere' }}>
            {addressLines(a).join('\n')}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}
