import { memo, useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
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
import {
  buildContactInput,
  controlForField,
  controlId,
  EMAIL_LABELS,
  emptyModel,
  modelFromContact,
  newRow,
  PHONE_LABELS,
  rowControl,
  type FormModel,
  type RowKind,
  type RowModel,
  type ScalarField,
} from './formModel';

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
      document.getElementById(controlId(focusNext.current))?.focus();
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
              <Grid.Col span={5}>
                <TextInput {...scalar('company', 'form.company')} />
              </Grid.Col>
              <Grid.Col span={5}>
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
  const one = kind === 'emails' ? 'email' : 'phone';
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
                type={kind === 'emails' ? 'email' : 'tel'}
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

/** The translated name of a known label ("work" → "Work"), or the label itself. */
export function labelText(t: (k: string) => string, label: string): string {
  const known = ['work', 'home', 'mobile', 'other'];
  return known.includes(label) ? t(`labels.${label}`) : label;
}
