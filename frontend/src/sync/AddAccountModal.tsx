import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconLock, IconShieldExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  toApiError,
  useAddAccount,
  useDiscover,
  type AccountInput,
  type AddressBook,
  type CalendarCollection,
  type Certificate,
  type Discovery,
} from '../api';
import { useFormat } from '../lib/format';
import { errorText, notifySuccess } from '../lib/notify';
import { CalendarComponents, CalendarSwatch } from './CalendarCollectionParts';

type Step = { kind: 'form' } | { kind: 'trust'; cert: Certificate } | { kind: 'books'; found: Discovery };

const EMPTY: AccountInput = { name: '', url: '', username: '', password: '', certFingerprint: '' };

/** Fields of the form an error can point at (`field` of the backend error). */
const FORM_FIELDS = ['url', 'username', 'password', 'name'] as const;

export function AddAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sync.add.title')} size="lg" centered>
      {/* Remounted per opening: nothing typed (the password least of all) outlives the dialog. */}
      {opened && <AddAccountFlow onDone={onClose} />}
    </Modal>
  );
}

function AddAccountFlow({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const discover = useDiscover();
  const add = useAddAccount();
  const [input, setInput] = useState<AccountInput>(EMPTY);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [chosenCalendars, setChosenCalendars] = useState<Set<string>>(new Set());
  const [defaultHref, setDefaultHref] = useState('');

  const set = (k: keyof AccountInput, v: string) => {
    setInput((old) => ({
      ...old,
      [k]: v,
      // A certificate trusted for one server is not trusted for another.
      certFingerprint: k === 'url' && v !== old.url ? '' : old.certFingerprint,
    }));
    setFieldErrors((e) => ({ ...e, [k]: '' }));
  };

  const showError = (e: unknown) => {
    const err = toApiError(e);
    const text = errorText(err, t);
    if (err.field && (FORM_FIELDS as readonly string[]).includes(err.field)) {
      setFieldErrors({ [err.field]: text });
      setError(null);
    } else {
      setError(text);
    }
  };

  const find = async (withInput: AccountInput) => {
    setError(null);
    setFieldErrors({});
    if (!withInput.url.trim()) {
      setFieldErrors({ url: t('sync.add.urlRequired') });
      return;
    }
    try {
      const found = await discover.mutateAsync(withInput);
      if (found.untrusted) {
        setStep({ kind: 'trust', cert: found.untrusted });
        return;
      }
      setChosen(new Set(found.addressBooks.map((b) => b.href)));
      setChosenCalendars(new Set(found.calendars.map((c) => c.href)));
      setDefaultHref(found.addressBooks[0]?.href ?? '');
      setStep({ kind: 'books', found });
    } catch (e) {
      setStep({ kind: 'form' });
      showError(e);
    }
  };

  const trust = (cert: Certificate) => {
    const next = { ...input, certFingerprint: cert.fingerprint };
    setInput(next);
    void find(next);
  };

  const toggle = (href: string, on: boolean, books: AddressBook[]) => {
    const next = new Set(chosen);
    if (on) next.add(href);
    else next.delete(href);
    setChosen(next);
    if (!next.has(defaultHref)) setDefaultHref(books.find((b) => next.has(b.href))?.href ?? '');
  };

  const toggleCalendar = (href: string, on: boolean) =>
    setChosenCalendars((old) => {
      const next = new Set(old);
      if (on) next.add(href);
      else next.delete(href);
      return next;
    });

  const submit = async (found: Discovery) => {
    setError(null);
    const books = found.addressBooks.filter((b) => chosen.has(b.href));
    const calendars: CalendarCollection[] = found.calendars
      .filter((c) => chosenCalendars.has(c.href))
      .map((c) => ({ ...c, enabled: true }));
    try {
      await add.mutateAsync({ input, books, calendars, defaultHref });
      notifySuccess(t('sync.add.added'));
      onDone();
    } catch (e) {
      showError(e);
    }
  };

  if (step.kind === 'trust') {
    return (
      <TrustStep
        cert={step.cert}
        busy={discover.isPending}
        error={error}
        onTrust={() => trust(step.cert)}
        onCancel={() => {
          setError(null);
          setStep({ kind: 'form' });
        }}
      />
    );
  }

  if (step.kind === 'books') {
    const books = step.found.addressBooks;
    const calendars = step.found.calendars;
    return (
      <Stack gap="md" data-testid="add-account-books">
        <Text size="sm">{t('sync.add.booksIntro', { url: step.found.url })}</Text>
        {books.length > 0 && (
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t('sync.add.addressBooks')}
          </Text>
        )}
        {books.length > 0 && (
          <Radio.Group value={defaultHref} onChange={setDefaultHref} name="new-account-default">
            <Stack gap="xs">
              {books.map((b) => (
                <Group key={b.href} justify="space-between" wrap="nowrap" gap="md">
                  <Checkbox
                    checked={chosen.has(b.href)}
                    onChange={(e) => toggle(b.href, e.currentTarget.checked, books)}
                    label={b.name || b.href}
                    description={b.description || (b.name ? b.href : undefined)}
                    data-testid="address-book-checkbox"
                    data-href={b.href}
                    styles={{ label: { overflowWrap: 'anywhere' }, description: { overflowWrap: 'anywhere' } }}
                  />
                  <Radio
                    value={b.href}
                    disabled={!chosen.has(b.href)}
                    label={t('sync.accounts.newContactsHere')}
                    data-testid="address-book-default"
                    style={{ flex: 'none' }}
                  />
                </Group>
              ))}
            </Stack>
          </Radio.Group>
        )}
        {calendars.length > 0 && (
          <Stack gap="xs" data-testid="add-account-calendars">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('sync.calendars.title')}
            </Text>
            {calendars.map((c) => (
              <Group key={c.href} justify="space-between" wrap="nowrap" gap="md" data-testid="discovered-calendar">
                <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                  <Checkbox
                    checked={chosenCalendars.has(c.href)}
                    onChange={(e) => toggleCalendar(c.href, e.currentTarget.checked)}
                    label={
                      <Group gap={6} wrap="nowrap" component="span">
                        <CalendarSwatch color={c.color} testId="discovered-calendar-color" />
                        <span style={{ overflowWrap: 'anywhere' }}>{c.name || c.href}</span>
                      </Group>
                    }
                    aria-label={c.name || c.href}
                    description={c.description || (c.name ? c.href : undefined)}
                    data-testid="discovered-calendar-checkbox"
                    data-href={c.href}
                    styles={{ description: { overflowWrap: 'anywhere' } }}
                  />
                </Group>
                <CalendarComponents calendar={c} testId="discovered-calendar-components" />
              </Group>
            ))}
          </Stack>
        )}
        {input.certFingerprint && (
          <Text size="xs" c="dimmed">
            <IconLock size={12} style={{ verticalAlign: 'middle', marginInlineEnd: 4 }} />
            {t('sync.add.trustedNote')}
          </Text>
        )}
        {error && <FormAlert text={error} />}
        <Group justify="space-between">
          <Button variant="default" onClick={() => setStep({ kind: 'form' })} disabled={add.isPending}>
            {t('sync.add.back')}
          </Button>
          <Button
            onClick={() => void submit(step.found)}
            loading={add.isPending}
            disabled={chosen.size === 0 && chosenCalendars.size === 0}
            data-testid="add-account-submit"
          >
            {t('sync.add.add')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void find(input);
      }}
      data-testid="add-account-form"
      noValidate
    >
      <Stack gap="sm">
        <TextInput
          label={t('sync.add.url')}
          description={t('sync.add.urlHint')}
          placeholder="https://dav.example.com"
          value={input.url}
          onChange={(e) => set('url', e.currentTarget.value)}
          error={fieldErrors.url || undefined}
          data-testid="account-url-input"
          autoComplete="url"
          spellCheck={false}
          data-autofocus
          required
        />
        <TextInput
          label={t('sync.add.username')}
          value={input.username}
          onChange={(e) => set('username', e.currentTarget.value)}
          error={fieldErrors.username || undefined}
          data-testid="account-user-input"
          autoComplete="username"
          spellCheck={false}
        />
        <PasswordInput
          label={t('sync.add.password')}
          value={input.password}
          onChange={(e) => set('password', e.currentTarget.value)}
          error={fieldErrors.password || undefined}
          data-testid="account-password-input"
          autoComplete="current-password"
        />
        <TextInput
          label={t('sync.add.name')}
          description={t('sync.add.nameHint')}
          value={input.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={fieldErrors.name || undefined}
          data-testid="account-name-input"
        />
        {error && <FormAlert text={error} />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={discover.isPending} data-testid="find-address-books">
            {t('sync.add.find')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FormAlert({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={t('sync.add.failed')} role="alert" data-testid="add-account-error">
      {text}
    </Alert>
  );
}

function TrustStep(props: { cert: Certificate; busy: boolean; error: string | null; onTrust: () => void; onCancel: () => void }) {
  const { cert, busy, error, onTrust, onCancel } = props;
  const { t } = useTranslation();
  const fmt = useFormat();
  const rows: [string, React.ReactNode, string][] = [
    ['subject', cert.subject, 'cert-subject'],
    ['issuer', cert.selfSigned ? `${cert.issuer} (${t('sync.trust.selfSigned')})` : cert.issuer, 'cert-issuer'],
    ['validFrom', fmt.dateTime(cert.notBefore) || cert.notBefore, 'cert-not-before'],
    ['validUntil', fmt.dateTime(cert.notAfter) || cert.notAfter, 'cert-not-after'],
    ['dnsNames', cert.dnsNames.length > 0 ? cert.dnsNames.join(', ') : t('detail.none'), 'cert-dns-names'],
  ];
  return (
    <Stack gap="md" data-testid="trust-step">
      <Alert color="orange" variant="light" icon={<IconShieldExclamation size={18} />} title={t('sync.trust.title')}>
        <Text size="sm">{t('sync.trust.body')}</Text>
        {cert.problem && (
          <Text size="sm" mt={6} className="fb-pre" data-testid="cert-problem">
            {t('sync.trust.reason')}: {cert.problem}
          </Text>
        )}
      </Alert>
      <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px' }}>
        {rows.map(([key, value, id]) => (
          <Box key={key} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="dimmed">
              {t(`sync.trust.${key}`)}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }} data-testid={id}>
              {value}
            </Text>
          </Box>
        ))}
        <Text component="dt" size="sm" c="dimmed">
          {t('sync.trust.fingerprint')}
        </Text>
        <Box component="dd" m={0} style={{ minWidth: 0 }}>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="cert-fingerprint">
            {cert.fingerprint}
          </Code>
        </Box>
      </Box>
      <Text size="xs" c="dimmed">
        {t('sync.trust.compare')}
      </Text>
      {error && <FormAlert text={error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy} data-testid="trust-cancel">
          {t('form.cancel')}
        </Button>
        <Button color="orange" onClick={onTrust} loading={busy} data-testid="trust-certificate">
          {t('sync.trust.trust')}
        </Button>
      </Group>
    </Stack>
  );
}
