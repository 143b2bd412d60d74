import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/** How long a "… deleted — Undo" notification stays. */
export const UNDO_MS = 8000;

/** Shows "message — Undo" after a delete; Undo calls onUndo and closes the notification. */
export function showUndo(message: string, undoLabel: string, onUndo: () => void, testId: string): void {
  const id = `${testId}-${Date.now()}`;
  notifications.show({
    id,
    autoClose: UNDO_MS,
    'data-testid': testId,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          data-testid={`${testId}-undo`}
          onClick={() => {
            notifications.hide(id);
            onUndo();
          }}
        >
          {undoLabel}
        </Button>
      </Group>
    ),
  });
}
