import { useState } from 'react';
import { Alert, Button, ColorSwatch, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarInfo, CalendarInput } from '../api';
import { useAction } from '../lib/useAction';

/** The colours offered for a calendar. */
export const CALENDAR_SWATCHES = [
  '#228be6',
  '#15aabf',
  '#12b886',
  '#40c057',
  '#fab005',
  '#fd7e14',
  '#fa5252',
  '#e64980',
  '#be4bdb',
  '#7950f2',
  '#495057',
  '#a0522d',
];

interface CalendarDialogProps {
  opened: boolean;
  /** The calendar renamed or recoloured; undefined to create one. */
  calendar?: CalendarInfo;
  onSave: (input: CalendarInput) => Promise<void>;
  onClose: () => void;
}

/** Create, rename or recolour a calendar. */
export function CalendarDialog({ opened, calendar, onSave, onClose }: CalendarDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={calendar ? t('calendar.calendars.editTitle') : t('calendar.calendars.newTitle')} size="sm">
      {opened && <CalendarDialogBody key={calendar?.id ?? 'new'} calendar={calendar} onSave={onSave} onClose={onClose} />}
    </Modal>
  );
}

function CalendarDialogBody({ calendar, onSave, onClose }: Omit<CalendarDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const [name, setName] = useState(calendar?.name ?? '');
  const [color, setColor] = useState(calendar?.color || CALENDAR_SWATCHES[calendar ? 0 : 3]);
  const [missing, setMissing] = useState(false);
  const action = useAction();
  // A colour set elsewhere (a synced calendar's) stays choosable.
  const swatches = calendar?.color && !CALENDAR_SWATCHES.includes(calendar.color) ? [calendar.color, ...CALENDAR_SWATCHES] : CALENDAR_SWATCHES;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) {
          setMissing(true);
          return;
        }
        void action.run(async () => {
          await onSave({ name: name.trim(), color });
          onClose();
        });
      }}
      data-testid="calendar-form"
    >
      <Stack gap="sm">
        {action.error && (
          <Alert color="red" data-testid="calendar-form-error">
            {action.error}
          </Alert>
        )}
        <TextInput
          label={t('calendar.calendars.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={missing && !name.trim() ? t('calendar.calendars.nameRequired') : undefined}
          data-autofocus
          data-testid="calendar-name"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('calendar.calendars.color')}
          </Text>
          <Group gap={8} role="radiogroup" aria-label={t('calendar.calendars.color')} data-testid="calendar-color">
            {swatches.map((c) => (
              <ColorSwatch
                key={c}
                component="button"
                type="button"
                color={c}
                size={26}
                role="radio"
                aria-checked={c === color}
                aria-label={c}
                onClick={() => setColor(c)}
                style={{ cursor: 'pointer', color: '#fff' }}
                data-testid="calendar-swatch"
                data-color={c}
              >
                {c === color && <IconCheck size={14} />}
              </ColorSwatch>
            ))}
          </Group>
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('calendar.editor.cancel')}
          </Button>
          <Button type="submit" loading={action.busy} data-testid="calendar-save">
            {t('calendar.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
