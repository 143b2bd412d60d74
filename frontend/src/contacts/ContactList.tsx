import { memo } from 'react';
import { Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../api';
import { ROW_HEIGHT, type ContactListState } from './useContactList';

export const optionId = (id: string) => `contact-option-${id}`;

interface ContactListProps {
  list: ContactListState;
  selectedId: string | null;
  onSelect: (id: string, index: number) => void;
  onOpen: (id: string, index: number) => void;
}

/** The virtualised list of contacts (role listbox; rows are options). */
export function ContactList({ list, selectedId, onSelect, onOpen }: ContactListProps) {
  const { t } = useTranslation();
  const selectedVisible = selectedId !== null && list.indexOf(selectedId) >= 0;
  return (
    <div
      ref={list.scrollRef}
      className="fb-list"
      data-testid="contact-list"
      data-shortcut-scope="contact-list"
      role="listbox"
      aria-label={t('contacts.listLabel')}
      aria-busy={list.isFetching || undefined}
      aria-activedescendant={selectedVisible && selectedId ? optionId(selectedId) : undefined}
      tabIndex={0}
      style={{ height: '100%', overflowY: 'auto', position: 'relative', contain: 'strict', opacity: list.isStale ? 0.6 : 1 }}
    >
      <div role="presentation" style={{ height: list.virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {list.items.map((vi) => {
          const row = list.rowAt(vi.index);
          return row ? (
            <ContactRow
              key={vi.key}
              row={row}
              index={vi.index}
              start={vi.start}
              selected={row.id === selectedId}
              unnamed={t('contacts.unnamed')}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          ) : (
            <PlaceholderRow key={vi.key} start={vi.start} />
          );
        })}
      </div>
    </div>
  );
}

interface RowProps {
  row: ContactSummary;
  index: number;
  start: number;
  selected: boolean;
  unnamed: string;
  onSelect: (id: string, index: number) => void;
  onOpen: (id: string, index: number) => void;
}

const ContactRow = memo(function ContactRow({ row, index, start, selected, unnamed, onSelect, onOpen }: RowProps) {
  const org = [row.company, row.title].filter(Boolean).join(' · ');
  const reach = [row.email, row.phone].filter(Boolean).join(' · ');
  return (
    <div
      id={optionId(row.id)}
      className="fb-row"
      role="option"
      aria-selected={selected}
      data-testid="contact-row"
      data-index={index}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={() => onSelect(row.id, index)}
      onDoubleClick={() => onOpen(row.id, index)}
    >
      <div className="fb-row-line fb-row-name">{row.displayName || unnamed}</div>
      <div className="fb-row-line fb-row-sub">{org || '\u00a0'}</div>
      <div className="fb-row-line fb-row-sub">{reach || '\u00a0'}</div>
    </div>
  );
});

function PlaceholderRow({ start }: { start: number }) {
  return (
    <div
      className="fb-row"
      aria-hidden
      data-testid="contact-row-placeholder"
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <Skeleton height={10} width="55%" mt={4} radius="sm" animate={false} />
      <Skeleton height={8} width="40%" mt={8} radius="sm" animate={false} />
      <Skeleton height={8} width="48%" mt={6} radius="sm" animate={false} />
    </div>
  );
}
