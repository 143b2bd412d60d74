import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCheck, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  toApiError,
  useCreateCustomField,
  useCustomFields,
  useDeleteCustomField,
  useReorderCustomFields,
  useUpdateCustomField,
  type CustomField,
} from '../api';
import { errorText, notifyError } from '../lib/notify';

export const FIELD_KINDS = ['text', 'number', 'date', 'choice'] as const;

/** The ids in their new order after moving the field at index by delta (-1 up, +1 down). */
export function moved(ids: string[], index: number, delta: number): string[] {
  const to = index + delta;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return ids;
  const out = [...ids];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

/** Settings → Custom fields: add, rename, reorder, change choices, delete. */
export function CustomFieldsPanel() {
  const { t } = useTranslation();
  const fields = useCustomFields();
  const create = useCreateCustomField();
  const reorder = useReorderCustomFields();
  const del = useDeleteCustomField();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('text');
  const [options, setOptions] = useState<string[]>([]);
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const list = fields.data ?? [];

  const add = async () => {
    setError(null);
    try {
      await create.mutateAsync({ name, kind, options: kind === 'choice' ? options : [] });
      setName('');
      setOptions([]);
    } catch (e) {
      const err = toApiError(e);
      setError({ field: err.field ?? 'name', text: errorText(err, t) });
    }
  };

  const move = async (i: number, delta: number) => {
    const ids = list.map((f) => f.id);
    const next = moved(ids, i, delta);
    if (next === ids) return;
    try {
      await reorder.mutateAsync(next);
    } catch (e) {
      notifyError(e, t);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="custom-fields-settings">
      <Text fw={600} size="sm">
        {t('customFields.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('customFields.description')}
      </Text>
      <Stack gap={6} mb="md">
        {list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('customFields.none')}
          </Text>
        )}
        {list.map((f, i) => (
          <FieldRow
            key={f.id}
            field={f}
            first={i === 0}
            last={i === list.length - 1}
            onMove={(d) => void move(i, d)}
            onDelete={async () => {
              try {
                await del.mutateAsync(f.id);
              } catch (e) {
                notifyError(e, t);
              }
            }}
          />
        ))}
      </Stack>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <TextInput
          label={t('customFields.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void add();
          }}
          error={error?.field === 'name' ? error.text : undefined}
          data-testid="custom-field-name"
          w={180}
        />
        <Select
          label={t('customFields.kind')}
          data={FIELD_KINDS.map((k) => ({ value: k, label: t(`customFields.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v ?? 'text')}
          allowDeselect={false}
          w={120}
          data-testid="custom-field-kind"
          comboboxProps={{ withinPortal: true }}
        />
        {kind === 'choice' && (
          <TagsInput
            label={t('customFields.options')}
            placeholder={t('customFields.optionsPlaceholder')}
            value={options}
            onChange={setOptions}
            error={error?.field === 'options' ? error.text : undefined}
            w={220}
            data-testid="custom-field-options"
          />
        )}
        <Button
          mt={25}
          leftSection={<IconPlus size={14} />}
          onClick={() => void add()}
          loading={create.isPending}
          data-testid="custom-field-add"
        >
          {t('customFields.add')}
        </Button>
      </Group>
      {error && error.field !== 'name' && error.field !== 'options' && (
        <Text size="xs" c="red" mt={4}>
          {error.text}
        </Text>
      )}
    </Paper>
  );
}

interface RowProps {
  field: CustomField;
  first: boolean;
  last: boolean;
  onMove: (delta: number) => void;
  onDelete: () => Promise<void>;
}

function FieldRow({ field: f, first, last, onMove, onDelete }: RowProps) {
  const { t } = useTranslation();
  const update = useUpdateCustomField();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(f.name);
  const [options, setOptions] = useState(f.options);
  const [error, setError] = useState('');

  const save = async () => {
    try {
      await update.mutateAsync({ id: f.id, input: { name, kind: f.kind, options } });
      setEditing(false);
      setError('');
    } catch (e) {
      setError(errorText(toApiError(e), t));
    }
  };

  if (editing) {
    return (
      <Group gap="xs" align="flex-start" data-testid="custom-field-row">
        <TextInput
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          aria-label={t('customFields.name')}
          error={error || undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') setEditing(false);
          }}
          w={200}
          size="xs"
          autoFocus
        />
        {f.kind === 'choice' && (
          <TagsInput value={options} onChange={setOptions} aria-label={t('customFields.options')} w={260} size="xs" />
        )}
        <ActionIcon variant="light" onClick={() => void save()} aria-label={t('form.save')} loading={update.isPending}>
          <IconCheck size={14} />
        </ActionIcon>
        <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(false)} aria-label={t('form.cancel')}>
          <IconX size={14} />
        </ActionIcon>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" data-testid="custom-field-row" data-name={f.name}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {f.name}
        </Text>
        <Badge variant="light" color="gray" radius="sm" tt="none">
          {t(`customFields.kinds.${f.kind}`, { defaultValue: f.kind })}
        </Badge>
        {f.kind === 'choice' && (
          <Text size="xs" c="dimmed" truncate>
            {f.options.join(', ')}
          </Text>
        )}
      </Group>
      <Group gap={2} wrap="nowrap">
        <Tooltip label={t('customFields.up')}>
          <ActionIcon variant="subtle" color="gray" disabled={first} onClick={() => onMove(-1)} aria-label={t('customFields.up')}>
            <IconArrowUp size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('customFields.down')}>
          <ActionIcon variant="subtle" color="gray" disabled={last} onClick={() => onMove(1)} aria-label={t('customFields.down')}>
            <IconArrowDown size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('customFields.edit')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => {
              setName(f.name);
              setOptions(f.options);
              setEditing(true);
            }}
            aria-label={t('customFields.edit')}
          >
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('customFields.deleteHint')} multiline w={240}>
          <ActionIcon variant="subtle" color="red" onClick={() => void onDelete()} aria-label={t('customFields.delete')}>
            <IconTrash size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
