import { useEffect, useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRecordFeedback, useUpdateFeedback } from '../api/careHooks';
import type { Feedback, FeedbackKind } from '../api/careTypes';
import { errorText, notifySuccess } from '../lib/notify';
import { LinkPicker } from '../tasks/LinkPicker';
import { isoDate } from './feedbackModel';
import { ScoreControl } from './ScoreControl';

interface FeedbackFormProps {
  opened: boolean;
  onClose: () => void;
  /** The answer to edit; null for a new one. */
  editing: Feedback | null;
  /** A new answer's contact (from a contact page). */
  contact?: { id: string; name: string };
}

/** Records or edits an NPS / CSAT answer: contact, survey, score, comment, date. Ctrl+Enter saves. */
export function FeedbackForm({ opened, onClose, editing, contact }: FeedbackFormProps) {
  const { t } = useTranslation();
  const record = useRecordFeedback();
  const update = useUpdateFeedback();
  const [contactId, setContactId] = useState('');
  const [contactName, setContactName] = useState('');
  const [kind, setKind] = useState<FeedbackKind>('nps');
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<{ contact?: string; score?: string; form?: string }>({});

  useEffect(() => {
    if (!opened) return;
    setContactId(editing?.contactId ?? contact?.id ?? '');
    setContactName(editing?.contactName ?? contact?.name ?? '');
    setKind(editing?.kind === 'csat' ? 'csat' : 'nps');
    setScore(editing ? editing.score : null);
    setComment(editing?.comment ?? '');
    setDate(editing ? isoDate(new Date(editing.receivedAt)) : isoDate(new Date()));
    setErrors({});
  }, [opened, editing, contact]);

  const busy = record.isPending || update.isPending;
  const save = async () => {
    const next: typeof errors = {};
    if (!contactId) next.contact = t('feedback.form.contactRequired');
    if (score === null) next.score = t('feedback.form.scoreRequired');
    setErrors(next);
    if (next.contact || next.score || score === null) return;
    // Today's answers are stamped now; another day at noon of that day.
    const keepInstant = editing && isoDate(new Date(editing.receivedAt)) === date;
    const receivedAt = keepInstant ? editing.receivedAt : date === isoDate(new Date()) ? '' : date;
    const input = { contactId, kind, score, comment, receivedAt, ownerId: editing?.ownerId ?? '' };
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, version: editing.version, input });
        notifySuccess(t('feedback.saved'));
      } else {
        await record.mutateAsync(input);
        notifySuccess(t('feedback.recorded'));
      }
      onClose();
    } catch (e) {
      setErrors({ form: errorText(e, t) });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('feedback.form.titleEdit') : t('feedback.form.titleNew')} size="lg">
      <Stack
        gap="md"
        data-testid="feedback-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <div>
          <LinkPicker
            kind="contact"
            label={t('feedback.form.contact')}
            id={contactId}
            name={contactName}
            onChange={(id, name) => {
              setContactId(id);
              setContactName(name);
            }}
            testId="feedback-contact"
          />
          {errors.contact && (
            <Text size="xs" c="red" mt={4}>
              {errors.contact}
            </Text>
          )}
        </div>
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            const k = v === 'csat' ? 'csat' : 'nps';
            if (k !== kind) setScore(null);
            setKind(k);
          }}
          data={[
            { value: 'nps', label: t('feedback.kindLong.nps') },
            { value: 'csat', label: t('feedback.kindLong.csat') },
          ]}
          data-testid="feedback-kind"
        />
        <ScoreControl
          kind={kind}
          value={score}
          onChange={setScore}
          label={t('feedback.form.score')}
          description={kind === 'nps' ? t('feedback.form.npsQuestion') : t('feedback.form.csatQuestion')}
          error={errors.score}
        />
        <Textarea
          label={t('feedback.form.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          data-testid="feedback-comment"
        />
        <TextInput
          type="date"
          label={t('feedback.form.receivedAt')}
          value={date}
          max={isoDate(new Date())}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-testid="feedback-date"
          w={200}
        />
        {errors.form && (
          <Text size="sm" c="red" data-testid="feedback-form-error">
            {errors.form}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('feedback.form.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="feedback-save">
            {t('feedback.form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
