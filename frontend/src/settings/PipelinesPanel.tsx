import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeletePipeline, usePipelines, useSavePipeline } from '../api';
import { errorText, notifySuccess } from '../lib/notify';
import { draftFromPipeline, draftProblems, inputFromDraft, moveRow, newStageKey, type PipelineDraft, type StageRow } from './pipelineModel';

const NEW = '__new__';

/** Settings → "Pipelines": add or rename pipelines; their stages, order and default probability. */
export function PipelinesPanel() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const save = useSavePipeline();
  const del = useDeletePipeline();
  const [selected, setSelected] = useState<string>('');
  const [draft, setDraft] = useState<PipelineDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = pipelines.data ?? [];

  useEffect(() => {
    if (selected === NEW) return;
    const p = list.find((x) => x.id === selected) ?? list[0];
    if (p) {
      setSelected(p.id);
      setDraft(draftFromPipeline(p));
    }
    // Re-read when the saved pipelines change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pipelines.data, selected]);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const setStages = (stages: StageRow[]) => draft && setDraft({ ...draft, stages });
  const onDragEnd = (e: DragEndEvent) => {
    if (!draft || !e.over) return;
    const from = draft.stages.findIndex((s) => s.key === e.active.id);
    const to = draft.stages.findIndex((s) => s.key === e.over?.id);
    setStages(moveRow(draft.stages, from, to));
  };

  const submit = async () => {
    if (!draft) return;
    const problems = draftProblems(draft);
    if (problems.length) {
      setError(problems.map((k) => t(k)).join(' '));
      return;
    }
    setError(null);
    try {
      const saved = await save.mutateAsync(inputFromDraft(draft));
      setSelected(saved.id);
      notifySuccess(t('selling.pipelines.saved', { name: saved.name }));
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const remove = async () => {
    if (!draft?.id) return;
    try {
      await del.mutateAsync(draft.id);
      setSelected('');
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="settings-pipelines">
      <Text fw={600} size="sm">
        {t('selling.pipelines.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('selling.pipelines.description')}
      </Text>
      <Group gap="sm" align="flex-end">
        <Select
          aria-label={t('selling.pipelines.pick')}
          data={[...list.map((p) => ({ value: p.id, label: p.name })), ...(selected === NEW ? [{ value: NEW, label: t('selling.pipelines.newName') }] : [])]}
          value={selected || null}
          onChange={(v) => {
            if (v) {
              setError(null);
              setSelected(v);
            }
          }}
          allowDeselect={false}
          size="xs"
          w={220}
          data-testid="pipeline-select"
        />
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => {
            setSelected(NEW);
            setError(null);
            setDraft({ name: '', stages: [{ key: newStageKey(), name: '', probability: '10' }] });
          }}
          data-testid="pipeline-new"
        >
          {t('selling.pipelines.add')}
        </Button>
      </Group>
      {draft && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          data-testid="pipeline-form"
        >
          <TextInput label={t('selling.pipelines.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} size="xs" w={300} mt="sm" data-testid="pipeline-name" />
          <Group gap="xs" mt="sm" mb={4}>
            <Text size="xs" fw={500} w={22} />
            <Text size="xs" fw={500} w={240}>
              {t('selling.pipelines.stage')}
            </Text>
            <Text size="xs" fw={500}>
              {t('selling.pipelines.probability')}
            </Text>
          </Group>
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
            <SortableContext items={draft.stages.map((s) => s.key)} strategy={verticalListSortingStrategy}>
              <Stack gap={4} data-testid="pipeline-stages">
                {draft.stages.map((s, i) => (
                  <StageRowEditor
                    key={s.key}
                    row={s}
                    index={i}
                    last={i === draft.stages.length - 1}
                    onChange={(row) => setStages(draft.stages.map((x) => (x.key === s.key ? row : x)))}
                    onMove={(to) => setStages(moveRow(draft.stages, i, to))}
                    onRemove={() => setStages(draft.stages.filter((x) => x.key !== s.key))}
                  />
                ))}
              </Stack>
            </SortableContext>
          </DndContext>
          <Button
            size="compact-xs"
            variant="subtle"
            mt={6}
            leftSection={<IconPlus size={12} />}
            onClick={() => setStages([...draft.stages, { key: newStageKey(), name: '', probability: '50' }])}
            data-testid="pipeline-add-stage"
          >
            {t('selling.pipelines.addStage')}
          </Button>
          {error && (
            <Text size="xs" c="red" mt={6} data-testid="pipeline-error">
              {error}
            </Text>
          )}
          <Group gap="xs" mt="sm">
            <Button type="submit" size="xs" loading={save.isPending} data-testid="pipeline-save">
              {t('selling.save')}
            </Button>
            {draft.id && (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove()} loading={del.isPending} data-testid="pipeline-delete">
                {t('selling.pipelines.delete')}
              </Button>
            )}
          </Group>
        </form>
      )}
    </Paper>
  );
}

interface StageRowProps {
  row: StageRow;
  index: number;
  last: boolean;
  onChange: (r: StageRow) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function StageRowEditor({ row, index, last, onChange, onMove, onRemove }: StageRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: row.key });
  return (
    <Group
      ref={setNodeRef}
      gap="xs"
      wrap="nowrap"
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, background: 'var(--mantine-color-body)' }}
      data-testid="pipeline-stage"
      data-name={row.name}
    >
      <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" size="sm" style={{ cursor: 'grab' }} aria-label={t('selling.pipelines.drag', { name: row.name })} {...attributes} {...listeners}>
        <IconGripVertical size={14} />
      </ActionIcon>
      <TextInput aria-label={t('selling.pipelines.stage')} value={row.name} onChange={(e) => onChange({ ...row, name: e.currentTarget.value })} size="xs" w={240} data-testid="pipeline-stage-name" />
      <TextInput
        aria-label={t('selling.pipelines.probability')}
        value={row.probability}
        onChange={(e) => onChange({ ...row, probability: e.currentTarget.value })}
        inputMode="numeric"
        rightSection={<Text size="xs" c="dimmed">%</Text>}
        size="xs"
        w={80}
        data-testid="pipeline-stage-probability"
      />
      <ActionIcon variant="subtle" size="sm" aria-label={t('selling.pipelines.up')} disabled={index === 0} onClick={() => onMove(index - 1)} data-testid="pipeline-stage-up">
        <IconArrowUp size={14} />
      </ActionIcon>
      <ActionIcon variant="subtle" size="sm" aria-label={t('selling.pipelines.down')} disabled={last} onClick={() => onMove(index + 1)} data-testid="pipeline-stage-down">
        <IconArrowDown size={14} />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('selling.pipelines.removeStage')} onClick={onRemove} data-testid="pipeline-stage-remove">
        <IconTrash size={14} />
      </ActionIcon>
    </Group>
  );
}
