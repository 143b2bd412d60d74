import { useEffect, useState } from 'react';
import { Badge, Button, Drawer, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconCircleCheck, IconRotateClockwise, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeleteCase, useOpenCase, useReopenCase, useResolveCase, useRestoreCase, useUpdateCase } from '../api/careHooks';
import { CASE_PRIORITIES, CASE_STATUSES, type Case, type CaseInput } from '../api/careTypes';
import { showUndo } from '../feedback/undo';
import { useFormat } from '../lib/format';
import { errorText, notifyError, notifySuccess } from '../lib/notify';
import { LinkPicker } from '../tasks/LinkPicker';
import { PRIORITY_COLORS, STATUS_COLORS, caseToInput, durationText, emptyCaseInput, isDone } from './caseModel';

interface CaseEditorProps {
  opened: boolean;
  onClose: () => void;
  /** The case to edit; null for a new one. */
  editing: Case | null;
  /** A new case's contact / company (from their pages). */
  link?: { contactId?: string; contactName?: string; companyId?: string; companyName?: string };
}

/** The case drawer: subject, description, customer, priority, status; Resolve / Reopen; Delete with undo. Ctrl+Enter saves. */
export function CaseEditor({ opened, onClose, editing, link }: CaseEditorProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const open = useOpenCase();
  const update = useUpdateCase();
  const resolve = useResolveCase();
  const reopen = useReopenCase();
  const del = useDeleteCase();
  const restore = useRestoreCase();
  const [current, setCurrent] = useState<Case | null>(null);
  const [input, setInput] = useState<CaseInput>(emptyCaseInput());
  const [names, setNames] = useState({ contact: '', company: '' });
  const [error, setError] = useState<{ subject?: string; form?: string }>({});

  useEffect(() => {
    if (!opened) return;
    setCurrent(editing);
    setInput(editing ? caseToInput(editing) : emptyCaseInput(link?.contactId, link?.companyId));
    setNames({ contact: editing?.contactName ?? link?.contactName ?? '', company: editing?.companyName ?? link?.companyName ?? '' });
    setError({});
  }, [opened, editing, link]);

  const set = (patch: Partial<CaseInput>) => setInput((v) => ({ ...v, ...patch }));
  const busy = open.isPending || update.isPending || resolve.isPending || reopen.isPending;

  const save = async () => {
    if (!input.subject.trim()) {
      setError({ subject: t('cases.editor.subjectRequired') });
      return;
    }
    try {
      if (current) {
        await update.mutateAsync({ id: current.id, version: current.version, input });
        notifySuccess(t('cases.saved'));
      } else {
        const c = await open.mutateAsync(input);
        notifySuccess(t('cases.opened', { number: c.number }));
      }
      onClose();
    } catch (e) {
      setError({ form: errorText(e, t) });
    }
  };

  const toggleDone = async () => {
    if (!current) return;
    try {
      const next = isDone(current) ? await reopen.mutateAsync(current) : await resolve.mutateAsync(current);
      setCurrent(next);
      setInput((v) => ({ ...v, status: next.status }));
      notifySuccess(t(isDone(next) ? 'cases.resolved' : 'cases.reopened', { number: next.number }));
    } catch (e) {
      setError({ form: errorText(e, t) });
    }
  };

  const remove = async () => {
    if (!current) return;
    try {
      await del.mutateAsync(current.id);
    } catch (e) {
      notifyError(e, t);
      return;
    }
    onClose();
    const id = current.id;
    showUndo(t('cases.deleted', { number: current.number }), t('notify.undo'), () =>
      restore.mutate(id, { onSuccess: () => notifySuccess(t('cases.restored')), onError: (e) => notifyError(e, t) }),
    'case-deleted');
  };

  const title = current ? `${current.number} · ${current.subject}` : t('cases.editor.titleNew');
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={<Text fw={600} style={{ overflowWrap: 'anywhere' }}>{title}</Text>}>
      <Stack
        gap="md"
        data-testid="case-editor"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        {current && (
          <Stack gap={4} data-testid="case-times">
            <Group gap="xs">
              <Badge color={STATUS_COLORS[current.status] ?? 'gray'} data-testid="case-status">
                {t(`cases.status.${current.status}`, { defaultValue: current.status })}
              </Badge>
              <Badge variant="light" color={PRIORITY_COLORS[current.priority] ?? 'gray'}>
                {t(`cases.priority.${current.priority}`, { defaultValue: current.priority })}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('cases.editor.opened', { date: fmt.dateTime(current.openedAt) })}
            </Text>
            {current.resolvedAt && (
              <>
                <Text size="sm" c="dimmed">
                  {t('cases.editor.resolvedAt', { date: fmt.dateTime(current.resolvedAt) })}
                </Text>
                <Text size="sm" fw={500} data-testid="case-resolution">
                  {t('cases.editor.resolutionTime', { time: durationText(current.resolutionMinutes, t, fmt.number) })}
                </Text>
              </>
            )}
          </Stack>
        )}
        <TextInput
          label={t('cases.editor.subject')}
          value={input.subject}
          onChange={(e) => set({ subject: e.currentTarget.value })}
          error={error.subject}
          required
          data-autofocus
          data-testid="case-subject"
        />
        <Textarea
          label={t('cases.editor.description')}
          value={input.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          autosize
          minRows={3}
          maxRows={12}
          data-testid="case-description"
        />
        <Group grow align="flex-start">
          <LinkPicker
            kind="contact"
            label={t('cases.editor.contact')}
            id={input.contactId}
            name={names.contact}
            onChange={(id, name) => {
              set({ contactId: id });
              setNames((n) => ({ ...n, contact: name }));
            }}
            testId="case-contact"
          />
          <LinkPicker
            kind="company"
            label={t('cases.editor.company')}
            id={input.companyId}
            name={names.company}
            onChange={(id, name) => {
              set({ companyId: id });
              setNames((n) => ({ ...n, company: name }));
            }}
            testId="case-company"
          />
        </Group>
        <Group grow>
          <Select
            label={t('cases.editor.priority')}
            data={CASE_PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
            value={input.priority}
            onChange={(v) => v && set({ priority: v })}
            allowDeselect={false}
            data-testid="case-priority"
          />
          <Select
            label={t('cases.editor.status')}
            data={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
            value={input.status}
            onChange={(v) => v && set({ status: v })}
            allowDeselect={false}
            data-testid="case-status-select"
          />
        </Group>
        {error.form && (
          <Text size="sm" c="red" data-testid="case-form-error">
            {error.form}
          </Text>
        )}
        <Group justify="space-between">
          <Group gap="xs">
            {current && (
              <Button
                variant="light"
                color={isDone(current) ? 'blue' : 'teal'}
                leftSection={isDone(current) ? <IconRotateClockwise size={16} /> : <IconCircleCheck size={16} />}
                onClick={() => void toggleDone()}
                loading={resolve.isPending || reopen.isPending}
                data-testid={isDone(current) ? 'case-reopen' : 'case-resolve'}
              >
                {isDone(current) ? t('cases.editor.reopen') : t('cases.editor.resolve')}
              </Button>
            )}
            {current && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()} data-testid="case-delete">
                {t('cases.editor.delete')}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('cases.editor.cancel')}
            </Button>
            <Button onClick={() => void save()} loading={busy} data-testid="case-save">
              {t('cases.editor.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Drawer>
  );
}
