import { useEffect, useState } from 'react';
import { Autocomplete, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, useLogActivity, useUpdateActivity, type Activity, type ActivityKind } from '../api';
import { notifyError, notifySuccess } from '../lib/notify';
import { KIND_ICONS, OUTCOME_KEYS } from './kinds';
import { newValues, problem, toInput, valuesOf, type LogTarget, type LogValues } from './logForm';

interface Props {
  opened: boolean;
  onClose: () => void;
  target: LogTarget;
  /** The kind a new entry starts with. */
  kind: ActivityKind;
  /** The entry being edited; none logs a new one. */
  editing?: Activity | null;
  /** For tests: the current time. */
  now?: () => Date;
}

/** The short log form: kind, when (now), duration, outcome (suggested per kind), subject, text. Ctrl+Enter saves. */
export function LogForm({ opened, onClose, target, kind, editing, now = () => new Date() }: Props) {
  const { t } = useTranslation();
  const [v, setV] = useState<LogValues>(() => (editing ? valuesOf(editing) : newValues(kind, now())));
  const [tried, setTried] = useState(false);
  const log = useLogActivity();
  const update = useUpdateActivity();
  const saving = log.isPending || update.isPending;

  useEffect(() => {
    if (!opened) return;
    setV(editing ? valuesOf(editing) : newValues(kind, now()));
    setTried(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when (re)opened
  }, [opened, editing, kind]);

  const set = (patch: Partial<LogValues>) => setV((cur) => ({ ...cur, ...patch }));
  const issue = problem(v);

  const save = async () => {
    setTried(true);
    if (issue || saving) return;
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, version: editing.version, input: toInput(v, target, editing) });
      } else {
        await log.mutateAsync(toInput(v, target));
      }
      notifySuccess(t('timeline.saved'));
      onClose();
    } catch (e) {
      notifyError(e, t);
    }
  };

  const suggestions = OUTCOME_KEYS[v.kind].map((k) => t(`timeline.outcomes.${v.kind}.${k}`));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? t('timeline.form.editTitle') : t('timeline.form.title')}
      size="lg"
      data-testid="log-form"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Stack gap="sm">
          <SegmentedControl
            value={v.kind}
            onChange={(k) => set({ kind: k as ActivityKind, outcome: '' })}
            data={ACTIVITY_KINDS.map((k) => {
              const Icon = KIND_ICONS[k];
              return {
                value: k,
                label: (
                  <Group gap={4} wrap="nowrap" justify="center">
                    <Icon size={14} />
                    <span>{t(`timeline.kinds.${k}`)}</span>
                  </Group>
                ),
              };
            })}
            data-testid="log-kind"
          />
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('timeline.form.when')}
              value={v.when}
              onChange={(e) => set({ when: e.currentTarget.value })}
              error={tried && issue === 'when' ? t('timeline.form.whenMissing') : undefined}
              data-testid="log-when"
            />
            <NumberInput
              label={t('timeline.form.duration')}
              min={0}
              max={10080}
              allowDecimal={false}
              allowNegative={false}
              value={v.durationMinutes}
              onChange={(n) => set({ durationMinutes: typeof n === 'number' ? n : '' })}
              error={tried && issue === 'duration' ? t('timeline.form.durationBad') : undefined}
              data-testid="log-duration"
            />
          </Group>
          {suggestions.length > 0 && (
            <Autocomplete
              label={t('timeline.form.outcome')}
              data={suggestions}
              value={v.outcome}
              onChange={(outcome) => set({ outcome })}
              placeholder={suggestions[0]}
              data-testid="log-outcome"
            />
          )}
          <TextInput
            label={t('timeline.form.subject')}
            value={v.subject}
            onChange={(e) => set({ subject: e.currentTarget.value })}
            data-autofocus
            data-testid="log-subject"
          />
          <Textarea
            label={t('timeline.form.body')}
            autosize
            minRows={3}
            maxRows={12}
            value={v.body}
            onChange={(e) => set({ body: e.currentTarget.value })}
            data-testid="log-body"
          />
          {tried && issue === 'text' && (
            <Text size="sm" c="red" data-testid="log-text-missing">
              {t('timeline.form.textMissing')}
            </Text>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('timeline.form.hint')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('timeline.form.cancel')}
              </Button>
              <Button type="submit" loading={saving} data-testid="log-save">
                {t('timeline.form.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
