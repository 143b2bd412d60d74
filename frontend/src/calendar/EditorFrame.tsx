import type { ReactNode } from 'react';
import { Button, Group, Modal } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface EditorFrameProps {
  opened: boolean;
  onClose: () => void;
  size: number;
  children: ReactNode;
}

/**
 * A record editor in a modal whose actions sit in its (sticky) header, as in a desktop form:
 * notifications in the bottom corner (a reminder, say) never cover Save. Keys typed inside are
 * not the page's shortcuts; Esc still closes.
 */
export function EditorFrame({ opened, onClose, size, children }: EditorFrameProps) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} closeOnClickOutside={false}>
      <Modal.Overlay />
      <Modal.Content
        onKeyDown={(e) => {
          if (e.key !== 'Escape') e.stopPropagation();
        }}
      >
        {children}
      </Modal.Content>
    </Modal.Root>
  );
}

/** The editor's header: its title, then its actions and the close button. */
export function EditorHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Modal.Header style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', zIndex: 3 }}>
      <Modal.Title fw={600}>{title}</Modal.Title>
      <Group gap="xs" ml="auto" wrap="nowrap">
        {children}
        <Modal.CloseButton ml={4} />
      </Group>
    </Modal.Header>
  );
}

interface EditorActionsProps {
  /** The id of the form Save submits. */
  form: string;
  /** The test ids' prefix: `<prefix>-delete`, `<prefix>-cancel`, `<prefix>-save`. */
  testId: string;
  busy: boolean;
  onCancel: () => void;
  /** Shows Delete when set (an existing record). */
  onDelete?: () => void;
  deleting?: boolean;
  deleteLabel: string;
}

/** The editor's actions in its header: Delete (for an existing record), Cancel and Save. */
export function EditorActions({ form, testId, busy, onCancel, onDelete, deleting, deleteLabel }: EditorActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      {onDelete && (
        <Button
          variant="subtle"
          color="red"
          size="xs"
          leftSection={<IconTrash size={14} />}
          onClick={onDelete}
          loading={deleting}
          data-testid={`${testId}-delete`}
        >
          {deleteLabel}
        </Button>
      )}
      <Button variant="default" size="xs" onClick={onCancel} data-testid={`${testId}-cancel`}>
        {t('calendar.editor.cancel')}
      </Button>
      <Button type="submit" form={form} size="xs" loading={busy} title={t('calendar.editor.saveTitle')} data-testid={`${testId}-save`}>
        {t('calendar.editor.save')}
      </Button>
    </>
  );
}
