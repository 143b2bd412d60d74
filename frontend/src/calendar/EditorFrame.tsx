import type { ReactNode } from 'react';
import { Group, Modal } from '@mantine/core';

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
