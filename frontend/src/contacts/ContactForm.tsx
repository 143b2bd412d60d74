import { memo, useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Fieldset,
  Grid,
  Group,
  Input,
  NativeSelect,
  ScrollArea,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  getContact,
  queryKeys,
  toApiError,
  useCreateContact,
  useUpdateContact,
  type Contact,
} from '../api';
import { errorText, notifyError, notifySuccess } from '../lib/notify';
import { useFormat } from '../lib/format';
import {
  ADDRESS_LABELS,
  addressControl,
  buildContactInput,
  controlForField,
  controlId,
  EMAIL_LABELS,
  emptyModel,
  modelFromContact,
  newAddress,
  newRow,
  PHONE_LABELS,
  rowControl,
  URL_LABELS,
  type AddressModel,
  type AddressPart,
  type DateField,
  type DateModel,
  type FormModel,
  type RowKind,
  type RowModel,
  type ScalarField,
} from './formModel';
import { CustomFieldInputs } from './CustomFieldInputs';

export interface ContactFormProps {
  /** The contact being edited; undefined for a new one. */
  contact?: Contact;
  onSaved: (c: Contact) => void;
  onCancel: () => void;
}

export const ContactForm = memo(function ContactForm({ contact, onSaved, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const create = useCreateContact();
  const update = useUpdateContact();

  // The version the edit is based on; replaced by the latest one after a version conflict.
  const [base, setBase] = useState<Contact | undefined>(contact);
  const [model, setModel] = useState<FormModel>(() => (contact ? modelFromContact(contact) : emptyModel()));
  const [tagSearch, setTagSearch] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflictDraft, setConflictDraft] = useState<FormModel | null>(null);
  const [saving, setSaving] = useState(false);
  const focusNext = useRef<string | null>(null);
  const rootRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const first = rootRef.current?.querySelector<HTMLInputElement>(`#${controlId('givenName')}`);
    first?.focus();
  }, []);

  useEffect(() => {
    if (focusNext.current) {
      const el = document.getElementById(controlId(focusNext.current));
      // A block (an address) takes the focus on its first input.
      const target = el?.matches('input, textarea, select, button')
        ? el
        : el?.querySelector<HTMLElement>('input, textarea, select');
      target?.focus();
      focusNext.current = null;
    }
  });

  const clearError = (control: string) =>
    setErrors((e) => {
      if (!(control in e)) return e;
      const next = { ...e };
      delete next[control];
      return next;
    });

  const setScalar = (f: ScalarField, v: string) => {
    setModel((m) => ({ ...m, [f]: v }));
    clearError(f);
  };

  const setRow = (kind: RowKind, key: string, patch: Partial<RowModel>) => {
    setModel((m) => ({ ...m, [kind]: m[kind].map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
    if (patch.value !== undefined) clearError(rowControl(kind, key));
  };

  const addRow = (kind: RowKind) => {
    const row = newRow(kind);
    focusNext.current = rowControl(kind, row.key);
    setModel((m) => ({ ...m, [kind]: [...m[kind], row] }));
  };

  const removeRow = (kind: RowKind, key: string) => {
    setModel((m) => ({ ...m, [kind]: m[kind].filter((r) => r.key !== key) }));
    clearError(rowControl(kind, key));
  };

  const setAddress = (key: string, patch: Partial<AddressModel>) => {
    setModel((m) => ({ ...m, addresses: m.addresses.map((a) => (a.key === key ? { ...a, ...patch } : a)) }));
    clearError(addressControl(key));
    for (const p of Object.keys(patch)) if (p !== 'label') clearError(addressControl(key, p as AddressPart));
  };

  const addAddress = () => {
    const a = newAddress();
    focusNext.current = addressControl(a.key, 'street');
    setModel((m) => ({ ...m, addresses: [...m.addresses, a] }));
  };

  const removeAddress = (key: string) => {
    setModel((m) => ({ ...m, addresses: m.addresses.filter((a) => a.key !== key) }));
    clearError(addressControl(key));
  };

  const setDate = (f: DateField, patch: Partial<DateModel>) => {
    // Typing a date of one's own replaces a stored value the form could not take apart.
    setModel((m) => ({ ...m, [f]: { ...m[f], ...patch, raw: undefined } }));
    clearError(f);
  };

  async function reloadAfterConflict(id: string, draft: FormModel) {
    try {
      const latest = await qc.fetchQuery({
        queryKey: queryKeys.contact(id),
        queryFn: () => getContact(id),
        staleTime: 0,
      });
      setBase(latest);
      setModel(modelFromContact(latest));
      setConflictDraft(draft);
      void qc.invalidateQueries({ queryKey: queryKeys.contactPages });
    } catch (e) {
      notifyError(e, t);
    }
  }

  async function save() {
    if (saving) return;
    const { input, fieldMap } = buildContactInput(model, tagSearch);
    setErrors({});
    setFormError(null);
    setSaving(true);
    try {
      const saved = base
        ? await update.mutateAsync({ id: base.id, version: base.version, input })
        : await create.mutateAsync(input);
      notifySuccess(t(base ? 'notify.saved' : 'notify.created'));
      onSaved(saved);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'version_conflict' && base) {
        notifyError(err, t);
        await reloadAfterConflict(base.id, model);
        return;
      }
      const control = controlForField(err.field, fieldMap);
      if (control) {
        setErrors({ [control]: errorText(err, t) });
        focusNext.current = control;
      } else {
        setFormError(errorText(err, t));
      }
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+S and Escape work wherever the focus is while the form is open.
  const saveRef = useRef(save);
  saveRef.current = save;
  const cancelRef = useRef(onCancel);
  cancelRef.current = onCancel;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      } else if (e.key === 'Escape' && !e.defaultPrevented && !mod) {
        // Leave Escape to an open dropdown (tags suggestions, selects) first.
        const t = e.target as HTMLElement | null;
        if (t?.getAttribute?.('aria-expanded') === 'true') return;
        e.preventDefault();
        cancelRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const scalar = (f: ScalarField, labelKey: string) => ({
    id: controlId(f),
    label: t(labelKey),
    value: model[f],
    error: errors[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setScalar(f, e.currentTarget.value),
  });

  const title = base ? t('form.editTitle', { name: base.displayName || t('contacts.unnamed') }) : t('form.newTitle');

  return (
    <form
      ref={rootRef}
      noValidate
      data-testid="contact-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
    >
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="md" p="lg" maw={760}>
          <Title order={2} size="h3">
            {title}
          </Title>

          {conflictDraft && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('form.conflictTitle')} data-testid="conflict-alert">
              <Text size="sm">{t('form.conflictBody')}</Text>
              <Group gap="xs" mt="xs">
                <Button
                  variant="light"
                  color="yellow"
                  onClick={() => {
                    setModel(conflictDraft);
                    setConflictDraft(null);
                  }}
                >
                  {t('form.reapply')}
                </Button>
                <Button variant="subtle" color="gray" onClick={() => setConflictDraft(null)}>
                  {t('form.keepLatest')}
                </Button>
              </Group>
            </Alert>
          )}

          {formError && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('form.errorTitle')} data-testid="form-error" role="alert">
              {formError}
            </Alert>
          )}

          <Box>
            <SectionLabel>{t('form.nameSection')}</SectionLabel>
            <Grid gap="xs">
              <Grid.Col span={2}>
                <TextInput {...scalar('prefix', 'form.prefix')} />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput {...scalar('givenName', 'form.givenName')} />
              </Grid.Col>
              <Grid.Col span={3}>
                <TextInput {...scalar('middleName', 'form.middleName')} />
              </Grid.Col>
              <Grid.Col span={3}>
                <TextInput {...scalar('familyName', 'form.familyName')} />
              </Grid.Col>
              <Grid.Col span={2}>
                <TextInput {...scalar('suffix', 'form.suffix')} />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput {...scalar('nickname', 'form.nickname')} />
              </Grid.Col>
              <Grid.Col span={6} />
              <Grid.Col span={4}>
                <TextInput {...scalar('company', 'form.company')} />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput {...scalar('department', 'form.department')} />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput {...scalar('title', 'form.jobTitle')} />
              </Grid.Col>
            </Grid>
          </Box>

          <RowsEditor
            kind="emails"
            rows={model.emails}
            labels={EMAIL_LABELS}
            errors={errors}
            onChange={setRow}
            onAdd={addRow}
            onRemove={removeRow}
          />
          <RowsEditor
            kind="phones"
            rows={model.phones}
            labels={PHONE_LABELS}
            errors={errors}
            onChange={setRow}
            onAdd={addRow}
            onRemove={removeRow}
          />
          <RowsEditor
            kind="urls"
            rows={model.urls}
            labels={URL_LABELS}
            errors={errors}
            onChange={setRow}
            onAdd={addRow}
            onRemove={removeRow}
          />

          <AddressesEditor
            addresses={model.addresses}
            errors={errors}
            onChange={setAddress}
            onAdd={addAddress}
            onRemove={removeAddress}
          />

          <Box>
            <SectionLabel>{t('form.datesSection')}</SectionLabel>
            <Group gap="xl" align="flex-start">
              <DateEditor field="birthday" value={model.birthday} error={errors.birthday} onChange={setDate} />
              <DateEditor field="anniversary" value={model.anniversary} error={errors.anniversary} onChange={setDate} />
            </Group>
          </Box>

          <CustomFieldInputs
            values={model.custom}
            errors={errors}
            onChange={(id, v) => {
              setModel((m) => ({ ...m, custom: { ...m.custom, [id]: v } }));
              clearError(`custom.${id}`);
            }}
          />

          <Textarea
            {...scalar('profile', 'form.profile')}
            placeholder={t('form.profilePlaceholder')}
            autosize
            minRows={3}
            maxRows={14}
          />

          {/* The label sits on a wrapper so that it names only the input: Mantine's (hidden)
              suggestions listbox would otherwise carry the same accessible name. */}
          <Input.Wrapper label={t('form.tags')} id={controlId('tags')} error={errors.tags}>
            <TagsInput
              id={controlId('tags')}
              placeholder={t('form.tagsPlaceholder')}
              value={model.tags}
              onChange={(tags) => {
                setModel((m) => ({ ...m, tags }));
                clearError('tags');
              }}
              searchValue={tagSearch}
              onSearchChange={setTagSearch}
              error={Boolean(errors.tags)}
              clearable
            />
          </Input.Wrapper>

          <Textarea {...scalar('notes', 'form.notes')} autosize minRows={3} maxRows={14} />
        </Stack>
      </ScrollArea>

      <Group
        gap="xs"
        px="lg"
        py="sm"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}
      >
        <Button type="submit" loading={saving} title={t('form.saveTitle')}>
          {t('form.save')}
        </Button>
        <Button variant="default" onClick={onCancel} title={t('form.cancelTitle')}>
          {t('form.cancel')}
        </Button>
      </Group>
    </form>
  );
});

function SectionLabel({ children }: { children: React.ReactNode }) {
  return (
    <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
      {children}
    </Text>
  );
}

const ROW_ONE = { emails: 'email', phones: 'phone', urls: 'url' } as const;
const ROW_INPUT_TYPE = { emails: 'email', phones: 'tel', urls: 'url' } as const;

interface RowsEditorProps {
  kind: RowKind;
  rows: RowModel[];
  labels: readonly string[];
  errors: Record<string, string>;
  onChange: (kind: RowKind, key: string, patch: Partial<RowModel>) => void;
  onAdd: (kind: RowKind) => void;
  onRemove: (kind: RowKind, key: string) => void;
}

function RowsEditor({ kind, rows, labels, errors, onChange, onAdd, onRemove }: RowsEditorProps) {
  const { t } = useTranslation();
  const one = ROW_ONE[kind];
  const groupError = errors[kind];
  return (
    <Box data-testid={`${kind}-editor`}>
      <SectionLabel>{t(`form.${kind}`)}</SectionLabel>
      <Stack gap={6}>
        {rows.map((r, i) => {
          const n = i + 1;
          const control = rowControl(kind, r.key);
          // Keep a label the app does not offer (e.g. from an imported vCard) selectable.
          const options = labels.includes(r.label) || !r.label ? labels : [...labels, r.label];
          return (
            <Group key={r.key} gap={6} wrap="nowrap" align="flex-start" data-testid={`${one}-row`}>
              <TextInput
                id={controlId(control)}
                style={{ flex: 1 }}
                aria-label={t(`form.${one}`, { n })}
                placeholder={t(`form.${one}Placeholder`)}
                type={ROW_INPUT_TYPE[kind]}
                value={r.value}
                error={errors[control]}
                onChange={(e) => onChange(kind, r.key, { value: e.currentTarget.value })}
              />
              <NativeSelect
                w={110}
                aria-label={t(`form.${one}Label`, { n })}
                value={r.label}
                data={options.map((l) => ({ value: l, label: labelText(t, l) }))}
                onChange={(e) => onChange(kind, r.key, { label: e.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size={30}
                aria-label={t(`form.remove_${one}`, { n })}
                title={t(`form.remove_${one}`, { n })}
                onClick={() => onRemove(kind, r.key)}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        {groupError && (
          <Text size="xs" c="red" role="alert">
            {groupError}
          </Text>
        )}
        <Group>
          <Button variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => onAdd(kind)} px={6}>
            {t(`form.add_${one}`)}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

interface AddressesEditorProps {
  addresses: AddressModel[];
  errors: Record<string, string>;
  onChange: (key: string, patch: Partial<AddressModel>) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}

/** Address blocks: a label, a street of one or more lines, city, region, postcode and country. */
function AddressesEditor({ addresses, errors, onChange, onAdd, onRemove }: AddressesEditorProps) {
  const { t } = useTranslation();
  const part = (a: AddressModel, p: AddressPart, labelKey: string) => {
    const control = addressControl(a.key, p);
    return {
      id: controlId(control),
      label: t(labelKey),
      value: a[p],
      error: errors[control],
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        onChange(a.key, { [p]: e.currentTarget.value }),
    };
  };
  return (
    <Box data-testid="addresses-editor">
      <SectionLabel>{t('form.addresses')}</SectionLabel>
      <Stack gap="xs">
        {addresses.map((a, i) => {
          const n = i + 1;
          const blockError = errors[addressControl(a.key)];
          const options = (ADDRESS_LABELS as readonly string[]).includes(a.label) || !a.label
            ? ADDRESS_LABELS
            : [...ADDRESS_LABELS, a.label];
          return (
            <Fieldset
              key={a.key}
              id={controlId(addressControl(a.key))}
              legend={t('form.address', { n })}
              variant="filled"
              p="sm"
              pt={6}
              data-testid="address-row"
              aria-invalid={blockError ? true : undefined}
            >
              <Grid gap="xs">
                <Grid.Col span={12}>
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <NativeSelect
                      w={130}
                      size="xs"
                      aria-label={t('form.addressLabel', { n })}
                      value={a.label}
                      data={options.map((l) => ({ value: l, label: labelText(t, l) }))}
                      onChange={(e) => onChange(a.key, { label: e.currentTarget.value })}
                    />
                    <Button
                      variant="subtle"
                      color="gray"
                      size="xs"
                      leftSection={<IconX size={14} />}
                      aria-label={t('form.remove_address', { n })}
                      title={t('form.remove_address', { n })}
                      onClick={() => onRemove(a.key)}
                    >
                      {t('form.remove')}
                    </Button>
                  </Group>
                </Grid.Col>
                <Grid.Col span={12}>
                  <Textarea {...part(a, 'street', 'form.street')} autosize minRows={2} maxRows={6} />
                </Grid.Col>
                <Grid.Col span={4}>
                  <TextInput {...part(a, 'city', 'form.city')} />
                </Grid.Col>
                <Grid.Col span={3}>
                  <TextInput {...part(a, 'region', 'form.region')} />
                </Grid.Col>
                <Grid.Col span={2}>
                  <TextInput {...part(a, 'postcode', 'form.postcode')} />
                </Grid.Col>
                <Grid.Col span={3}>
                  <TextInput {...part(a, 'country', 'form.country')} />
                </Grid.Col>
              </Grid>
              {blockError && (
                <Text size="xs" c="red" role="alert" mt={6}>
                  {blockError}
                </Text>
              )}
            </Fieldset>
          );
        })}
        {errors.addresses && (
          <Text size="xs" c="red" role="alert">
            {errors.addresses}
          </Text>
        )}
        <Group>
          <Button variant="subtle" leftSection={<IconPlus size={14} />} onClick={onAdd} px={6}>
            {t('form.add_address')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

interface DateEditorProps {
  field: DateField;
  value: DateModel;
  error?: string;
  onChange: (f: DateField, patch: Partial<DateModel>) => void;
}

/** Day, month and an optional year: a birthday may be known without the year. */
function DateEditor({ field, value, error, onChange }: DateEditorProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = controlId(field);
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const name = t(`form.${field}`);
  const months = fmt.monthNames();
  const month = value.month;
  const monthOptions = [
    { value: '', label: t('form.month') },
    ...months.map((m, i) => ({ value: String(i + 1), label: m })),
  ];
  if (month && !monthOptions.some((o) => o.value === month)) monthOptions.push({ value: month, label: month });
  // Mantine sets aria-describedby of its inputs itself, so the shared message is named by
  // aria-errormessage on each input and described on the group.
  const common = {
    error: Boolean(error),
    'aria-errormessage': error ? errorId : undefined,
  };
  return (
    <Box
      role="group"
      aria-labelledby={labelId}
      aria-describedby={error ? errorId : undefined}
      data-testid={`${field}-editor`}
    >
      <Text component="div" id={labelId} size="sm" fw={500} mb={2}>
        {name}
      </Text>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <TextInput
          {...common}
          id={id}
          w={64}
          inputMode="numeric"
          maxLength={2}
          aria-label={t('form.dateDay', { name })}
          placeholder={t('form.day')}
          value={value.day}
          onChange={(e) => onChange(field, { day: e.currentTarget.value })}
        />
        <NativeSelect
          {...common}
          w={140}
          aria-label={t('form.dateMonth', { name })}
          value={month}
          data={monthOptions}
          onChange={(e) => onChange(field, { month: e.currentTarget.value })}
        />
        <TextInput
          {...common}
          w={110}
          inputMode="numeric"
          maxLength={4}
          aria-label={t('form.dateYear', { name })}
          placeholder={t('form.yearOptional')}
          value={value.year}
          onChange={(e) => onChange(field, { year: e.currentTarget.value })}
        />
      </Group>
      {error ? (
        <Text size="xs" c="red" id={errorId} role="alert" mt={4}>
          {error}
        </Text>
      ) : (
        value.raw && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('form.dateStored', { value: value.raw })}
          </Text>
        )
      )}
    </Box>
  );
}

/** The translated name of a known label ("work" → "Work"), or the label itself. */
export function labelText(t: (k: string) => string, label: string): string {
  const known = ['work', 'home', 'mobile', 'profile', 'blog', 'other'];
  return known.includes(label) ? t(`labels.${label}`) : label;
}
