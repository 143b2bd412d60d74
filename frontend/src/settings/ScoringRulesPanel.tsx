import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api';
import { defaultScoringRules } from '../api/leads';
import { useSaveScoringRules, useScoringRules } from '../api/leadHooks';
import { ACTIVITY_KINDS, RULE_FIELDS, RULE_OPS, type RuleKind, type ScoringRule } from '../api/leadTypes';
import { errorText, notifyError, notifySuccess } from '../lib/notify';

const KINDS: RuleKind[] = ['source', 'field', 'engagement'];

/** The field a rule of kind looks at by default. */
function defaultField(kind: string): string {
  if (kind === 'engagement') return 'call';
  if (kind === 'field') return 'title';
  return 'source';
}

/** Keeps a rule consistent after its kind changes: a field and an operator the kind allows. */
export function withKind(r: ScoringRule, kind: RuleKind): ScoringRule {
  const ops = RULE_OPS[kind];
  return { ...r, kind, field: defaultField(kind), op: ops.includes(r.op as never) ? r.op : ops[0], value: kind === 'engagement' ? '1' : r.value };
}

/** "rules[3].value" → 3 (the row a backend error is about), or -1. */
export function ruleIndex(field: string | undefined): number {
  const m = /^rules\[(\d+)\]/.exec(field ?? '');
  return m ? Number(m[1]) : -1;
}

/** Settings panel: the lead-scoring rules, edited as a table and saved at once (every lead is rescored). */
export function ScoringRulesPanel() {
  const { t } = useTranslation();
  const rules = useScoringRules();
  const save = useSaveScoringRules();
  const [draft, setDraft] = useState<ScoringRule[] | null>(null);
  const [badRow, setBadRow] = useState<{ index: number; text: string } | null>(null);
  useEffect(() => {
    if (rules.data && draft === null) setDraft(rules.data);
  }, [rules.data, draft]);
  const rows = draft ?? [];

  const edit = (i: number, patch: Partial<ScoringRule>) => {
    setDraft(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setBadRow(null);
  };

  const submit = async () => {
    try {
      const saved = await save.mutateAsync(rows);
      setDraft(saved);
      setBadRow(null);
      notifySuccess(t('scoring.saved'));
    } catch (e) {
      const err = toApiError(e);
      const index = ruleIndex(err.field);
      if (index >= 0) setBadRow({ index, text: errorText(err, t) });
      else notifyError(err, t);
    }
  };

  const reset = async () => {
    try {
      setDraft(await defaultScoringRules());
      setBadRow(null);
    } catch (e) {
      notifyError(e, t);
    }
  };

  const fieldOptions = (kind: string) =>
    kind === 'engagement'
      ? ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`scoring.activity.${k}`) }))
      : RULE_FIELDS.map((f) => ({ value: f, label: t(`scoring.fields.${f}`) }));

  return (
    <Paper withBorder p="md" radius="md" data-testid="scoring-rules">
      <Text fw={600} size="sm">
        {t('scoring.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.description')} {t('scoring.valueHint')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('scoring.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing={3}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scoring.label')}</Table.Th>
              <Table.Th>{t('scoring.kind')}</Table.Th>
              <Table.Th>{t('scoring.field')}</Table.Th>
              <Table.Th>{t('scoring.op')}</Table.Th>
              <Table.Th>{t('scoring.value')}</Table.Th>
              <Table.Th>{t('scoring.points')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => {
              const kind = (KINDS.includes(r.kind as RuleKind) ? r.kind : 'field') as RuleKind;
              const bad = badRow?.index === i ? badRow.text : undefined;
              return (
                <Table.Tr key={r.id || `new-${i}`} data-testid="scoring-rule">
                  <Table.Td>
                    <TextInput size="xs" miw={120} value={r.label} onChange={(e) => edit(i, { label: e.currentTarget.value })} error={bad} aria-label={t('scoring.label')} />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={100}
                      data={KINDS.map((k) => ({ value: k, label: t(`scoring.kinds.${k}`) }))}
                      value={kind}
                      onChange={(v) => v && setDraft(rows.map((x, j) => (j === i ? withKind(x, v as RuleKind) : x)))}
                      allowDeselect={false}
                      aria-label={t('scoring.kind')}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={112}
                      data={fieldOptions(kind)}
                      value={kind === 'source' ? 'source' : r.field}
                      onChange={(v) => v && edit(i, { field: v })}
                      disabled={kind === 'source'}
                      allowDeselect={false}
                      aria-label={t('scoring.field')}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={124}
                      data={RULE_OPS[kind].map((o) => ({ value: o, label: t(`scoring.ops.${o}`) }))}
                      value={r.op}
                      onChange={(v) => v && edit(i, { op: v, value: v === 'is_set' ? '' : r.value })}
                      allowDeselect={false}
                      aria-label={t('scoring.op')}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      w={96}
                      value={r.value}
                      onChange={(e) => edit(i, { value: e.currentTarget.value })}
                      disabled={r.op === 'is_set'}
                      aria-label={t('scoring.value')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={64}
                      value={r.points}
                      onChange={(v) => edit(i, { points: typeof v === 'number' ? Math.trunc(v) : Number.parseInt(v, 10) || 0 })}
                      allowDecimal={false}
                      min={-1000}
                      max={1000}
                      aria-label={t('scoring.points')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t('scoring.remove')} onClick={() => setDraft(rows.filter((_, j) => j !== i))}>
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="sm" gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          onClick={() => setDraft([...rows, { id: '', label: t('scoring.newRule'), kind: 'field', field: 'title', op: 'contains', value: '', points: 5 }])}
          data-testid="scoring-add"
        >
          {t('scoring.add')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => void reset()} data-testid="scoring-reset">
          {t('scoring.reset')}
        </Button>
        <Stack style={{ flex: 1 }} />
        <Button size="xs" onClick={() => void submit()} loading={save.isPending} disabled={!draft} data-testid="scoring-save">
          {t('scoring.save')}
        </Button>
      </Group>
    </Paper>
  );
}
