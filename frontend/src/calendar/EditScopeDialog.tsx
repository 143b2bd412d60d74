import { useCallback, useRef, useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconCalendarRepeat, IconArrowBarToRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EditScope } from '../api';

/** What is being done to an occurrence of a series. */
export type ScopeAction = 'edit' | 'move' | 'delete';

interface EditScopeDialogProps {
  opened: boolean;
  action: ScopeAction;
  /** The scopes offered (all three by default; a changed repeat rule cannot apply to one occurrence). */
  scopes?: EditScope[];
  onChoose: (scope: EditScope) => void;
  onCancel: () => void;
}

const CHOICES: { scope: EditScope; icon: typeof IconCalendarEvent }[] = [
  { scope: 'this', icon: IconCalendarEvent },
  { scope: 'following', icon: IconArrowBarToRight },
  { scope: 'all', icon: IconCalendarRepeat },
];

/** Asks whether a change to a recurring meeting applies to this occurrence, this and the following ones, or all. */
export function EditScopeDialog({ opened, action, scopes, onChoose, onCancel }: EditScopeDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={t(`calendar.scope.title.${action}`)}
      size="sm"
      centered
      zIndex={400}
    >
      <Stack gap="xs" data-testid="scope-dialog" data-action={action}>
        <Text size="sm" c="dimmed">
          {t('calendar.scope.prompt')}
        </Text>
        {CHOICES.filter((c) => !scopes || scopes.includes(c.scope)).map(({ scope, icon: Icon }, i) => (
          <Button
            key={scope}
            variant={i === 0 ? 'filled' : 'default'}
            justify="flex-start"
            leftSection={<Icon size={16} />}
            onClick={() => onChoose(scope)}
            data-autofocus={i === 0 ? true : undefined}
            data-testid={`scope-${scope}`}
          >
            {t(`calendar.scope.${scope}`)}
          </Button>
        ))}
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" onClick={onCancel} data-testid="scope-cancel">
            {t('calendar.scope.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * `ask(action)` opens the dialog and resolves with the chosen scope, or null when cancelled.
 * Render `dialog` once in the component that asks.
 */
export function useScopeChoice() {
  const [state, setState] = useState<{ action: ScopeAction; scopes?: EditScope[] } | null>(null);
  const resolver = useRef<((s: EditScope | null) => void) | null>(null);

  const settle = useCallback((s: EditScope | null) => {
    const r = resolver.current;
    resolver.current = null;
    setState(null);
    r?.(s);
  }, []);

  const ask = useCallback(
    (action: ScopeAction, scopes?: EditScope[]) =>
      new Promise<EditScope | null>((resolve) => {
        resolver.current?.(null);
        resolver.current = resolve;
        setState({ action, scopes });
      }),
    [],
  );

  const dialog = (
    <EditScopeDialog
      opened={state !== null}
      action={state?.action ?? 'edit'}
      scopes={state?.scopes}
      onChoose={(s) => settle(s)}
      onCancel={() => settle(null)}
    />
  );
  return { ask, dialog, open: state !== null };
}
