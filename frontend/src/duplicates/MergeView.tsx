import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Radio, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  useMergeContacts,
  useMergePreview,
  type Address,
  type Contact,
  type DuplicatePair,
  type DuplicateSide,
  type MergeChoices,
} from '../api';
import { errorText, notifyError } from '../lib/notify';
import { useUndoMergeAction } from './useUndoMerge';

type ScalarField =
  | 'prefix'
  | 'givenName'
  | 'middleName'
  | 'familyName'
  | 'suffix'
  | 'nickname'
  | 'company'
  | 'department'
  | 'title'
  | 'birthday'
  | 'anniversary';

const LIST_FIELDS = ['emails', 'phones', 'urls', 'addresses', 'tags', 'notes'] as const;
type ListField = (typeof LIST_FIELDS)[number];

/** How full a record is: the default survivor is the fuller one, else the older one. */
function fullness(s: DuplicateSide): number {
  return [s.company, s.title, s.email, s.phone].filter(Boolean).length + s.tags.length;
}

export function defaultSurvivor(p: DuplicatePair): string {
  const fa = fullness(p.a);
  const fb = fullness(p.b);
  if (fa !== fb) return fa > fb ? p.a.id : p.b.id;
  return p.a.createdAt <= p.b.createdAt ? p.a.id : p.b.id;
}

function addressText(a: Address): string {
  return [a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ');
}

function listValues(c: Contact, f: ListField): string[] {
  switch (f) {
    case 'emails':
    case 'phones':
    case 'urls':
      return c[f].map((v) => v.value);
    case 'addresses':
      return c.addresses.map(addressText);
    case 'tags':
      return c.tags;
    case 'notes':
      return c.notes ? [c.notes] : [];
  }
}

/**
 * The merge screen: both records side by side, a radio per one-value field where they differ,
 * the union of the lists, and the result. Enter merges, Esc (the modal) goes back.
 */
export function MergeView({ pair, onDone, onCancel }: { pair: DuplicatePair; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [keepId, setKeepId] = useState(() => defaultSurvivor(pair));
  const otherId = keepId === pair.a.id ? pair.b.id : pair.a.id;
  // The user's picks, by contact id, so switching the survivor keeps them.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const choices = useMemo<MergeChoices>(() => {
    const out: MergeChoices = {};
    for (const [f, id] of Object.entries(picked)) out[f] = id === keepId ? 'keep' : 'other';
    return out;
  }, [picked, keepId]);
  const preview = useMergePreview(keepId, otherId, choices);
  const merge = useMergeContacts();
  const { notifyMerged } = useUndoMergeAction();
  const rootRef = useRef<HTMLDivElement>(null);

  const doMerge = async () => {
    if (merge.isPending || !preview.data) return;
    try {
      const r = await merge.mutateAsync({ keepId, otherId, choices });
      notifyMerged(r.mergeId);
      onDone();
    } catch (e) {
      notifyError(e, t);
    }
  };
  const doMergeRef = useRef(doMerge);
  doMergeRef.current = doMerge;

  useEffect(() => {
    // Capture phase: Enter is the contact list's "edit" shortcut too, and must not reach it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
      e.stopPropagation();
      const el = e.target as HTMLElement | null;
      if (el && el.tagName === 'BUTTON') return; // a focused button does its own thing on Enter
      e.preventDefault();
      void doMergeRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  if (preview.isError && !preview.data) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.title')}>
        {errorText(preview.error, t)}
      </Alert>
    );
  }
  const p = preview.data;
  const left = p ? (p.keep.id === pair.a.id ? p.keep : p.other) : null;
  const right = p ? (p.keep.id === pair.a.id ? p.other : p.keep) : null;

  return (
    <Stack gap="md" ref={rootRef}>
      <Box>
        <Text size="sm" fw={500} mb={4}>
          {t('duplicates.survivor')}
        </Text>
        <SegmentedControl
          fullWidth
          value={keepId}
          onChange={setKeepId}
          data={[
            { value: pair.a.id, label: pair.a.displayName || '—' },
            { value: pair.b.id, label: pair.b.displayName || '—' },
          ]}
          data-testid="merge-survivor"
        />
        <Text size="xs" c="dimmed" mt={4}>
          {t('duplicates.survivorHint')}
        </Text>
      </Box>

      {p && left && right && (
        <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="merge-table" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{t('duplicates.field')}</Table.Th>
              <Table.Th>{left.displayName}</Table.Th>
              <Table.Th>{right.displayName}</Table.Th>
              <Table.Th bg="teal.0">{t('duplicates.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(p.fields as ScalarField[]).map((f) => {
              const l = left[f] ?? '';
              const r = right[f] ?? '';
              if (!l && !r) return null;
              const differ = l !== '' && r !== '' && l !== r;
              const chosen = p.merged[f] === l ? left.id : right.id;
              return (
                <Table.Tr key={f} data-testid={`merge-row-${f}`}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t(`duplicates.fields.${f}`)}
                    </Text>
                  </Table.Td>
                  {[left, right].map((c) => {
                    const v = c[f] ?? '';
                    return (
                      <Table.Td key={c.id}>
                        {differ ? (
                          <Radio
                            size="xs"
                            name={`merge-${f}`}
                            checked={chosen === c.id}
                            onChange={() => setPicked((s) => ({ ...s, [f]: c.id }))}
                            label={v}
                            data-testid={`merge-pick-${f}-${c.id === pair.a.id ? 'a' : 'b'}`}
                            styles={{ label: { overflowWrap: 'anywhere' } }}
                          />
                        ) : (
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {v}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td bg="teal.0">
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid={`merge-result-${f}`}>
                      {p.merged[f]}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {LIST_FIELDS.map((f) => {
              const lv = listValues(left, f);
              const rv = listValues(right, f);
              const mv = listValues(p.merged, f);
              if (lv.length + rv.length + mv.length === 0) return null;
              return (
                <Table.Tr key={f} data-testid={`merge-row-${f}`}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t(`duplicates.fields.${f}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Values values={lv} />
                  </Table.Td>
                  <Table.Td>
                    <Values values={rv} />
                  </Table.Td>
                  <Table.Td bg="teal.0">
                    <Values values={mv} strong testId={`merge-result-${f}`} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('duplicates.listsHint')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('duplicates.cancel')}
        </Button>
        <Button
          onClick={() => void doMerge()}
          loading={merge.isPending}
          disabled={!p}
          title={t('duplicates.doMergeTitle')}
          data-testid="merge-confirm"
        >
          {t('duplicates.doMerge')}
        </Button>
      </Group>
    </Stack>
  );
}

function Values({ values, strong, testId }: { values: string[]; strong?: boolean; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      {values.map((v, i) => (
        <Text key={i} size="sm" fw={strong ? 500 : undefined} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {v}
        </Text>
      ))}
    </Stack>
  );
}
