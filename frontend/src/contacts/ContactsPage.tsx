import { memo, useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Center, Code, Group, Kbd, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus, IconSearch, IconUsers, IconX } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { useContact, type Contact } from '../api';
import { useFormat } from '../lib/format';
import { useStableCallback } from '../lib/useStableCallback';
import { errorText } from '../lib/notify';
import { ContactDetail } from './ContactDetail';
import { ContactForm } from './ContactForm';
import { ContactList } from './ContactList';
import { ImportExportButtons } from '../importexport/ImportExportButtons';
import { matchShortcut } from './shortcuts';
import { clearHashParams, useHashParam } from '../shell/hashParams';
import { useContactList } from './useContactList';
import { useDeleteWithUndo } from './useDeleteWithUndo';
import { DuplicatesButton } from '../duplicates/DuplicatesButton';

/** Search-as-you-type delay. */
export const SEARCH_DEBOUNCE_MS = 120;
const LIST_WIDTH = 340;

type Pane = { kind: 'view' } | { kind: 'create' } | { kind: 'edit'; id: string };

interface Selection {
  id: string | null;
  /** Row index in the current list, -1 when unknown. */
  index: number;
  /** The row at `index` was not loaded yet; `id` follows once it is. */
  pending: boolean;
}

export function ContactsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const query = debounced.trim();
  const list = useContactList(query);
  const [sel, setSel] = useState<Selection>({ id: null, index: -1, pending: false });
  const [pane, setPane] = useState<Pane>({ kind: 'view' });
  const searchRef = useRef<HTMLInputElement>(null);
  const detail = useContact(sel.id);
  const formOpen = pane.kind !== 'view';

  const select = (id: string | null, index: number) => setSel({ id, index, pending: false });

  // A link such as "#/contacts?id=…" (from a company's people) opens that contact.
  const linked = useHashParam('id');
  useEffect(() => {
    if (!linked) return;
    setSel({ id: linked, index: -1, pending: false });
    setPane({ kind: 'view' });
    clearHashParams();
  }, [linked]);

  const del = useDeleteWithUndo((c: Contact) => {
    select(c.id, -1);
    setPane({ kind: 'view' });
  });

  // Keyboard selection may land on a row whose page is still loading: follow it when it arrives.
  const pendingRow = sel.pending ? list.rowAt(sel.index) : undefined;
  useEffect(() => {
    if (pendingRow) setSel({ id: pendingRow.id, index: sel.index, pending: false });
  }, [pendingRow, sel.index]);

  // The index of a selection is only meaningful within one search.
  useEffect(() => {
    setSel((s) => ({ ...s, index: -1, pending: false }));
  }, [query]);

  const move = (delta: number) => {
    if (list.total === 0) return;
    const known = sel.id ? list.indexOf(sel.id) : -1;
    const current = known >= 0 ? known : sel.index;
    const next = current < 0 ? (delta > 0 ? 0 : list.total - 1) : Math.min(Math.max(current + delta, 0), list.total - 1);
    const row = list.rowAt(next);
    setSel(row ? { id: row.id, index: next, pending: false } : { id: sel.id, index: next, pending: true });
    list.scrollToIndex(next);
  };

  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };

  // The form opens as soon as the contact is loaded (at once when it already is).
  const startEdit = () => {
    if (sel.id) setPane({ kind: 'edit', id: sel.id });
  };

  const deleteSelected = async () => {
    const id = sel.id;
    if (!id || del.deleting) return;
    const index = list.indexOf(id);
    if (await del.remove(id)) {
      // Select the row that takes the deleted one's place (or the one before it at the end).
      const neighbour = index >= 0 ? (list.rowAt(index + 1) ?? list.rowAt(index - 1)) : undefined;
      if (neighbour) select(neighbour.id, index);
      else select(null, -1);
      setPane({ kind: 'view' });
    }
  };

  // Latest handlers for the window listener (installed once).
  const handlers = { move, focusSearch, startEdit, deleteSelected, undo: del.undoLast };
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const ctxRef = useRef({ formOpen, hasSelection: sel.id !== null, canUndo: del.canUndo });
  ctxRef.current = { formOpen, hasSelection: sel.id !== null, canUndo: del.canUndo };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = matchShortcut(e, ctxRef.current);
      if (!action) return;
      e.preventDefault();
      const h = handlersRef.current;
      switch (action) {
        case 'focusSearch':
          return h.focusSearch();
        case 'newContact':
          return setPane({ kind: 'create' });
        case 'undoDelete':
          return h.undo();
        case 'selectNext':
          return h.move(1);
        case 'selectPrevious':
          return h.move(-1);
        case 'edit':
          return h.startEdit();
        case 'delete':
          return void h.deleteSelected();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onRowSelect = useStableCallback((id: string, index: number) => {
    if (!formOpen) select(id, index);
  });
  const onRowOpen = useStableCallback((id: string, index: number) => {
    if (formOpen) return;
    select(id, index);
    setPane({ kind: 'edit', id });
  });
  const onEdit = useStableCallback(() => startEdit());
  const onDelete = useStableCallback(() => void deleteSelected());

  const closeForm = useStableCallback(() => {
    setPane({ kind: 'view' });
    // Give the keyboard back to the list.
    requestAnimationFrame(() => list.scrollRef.current?.focus({ preventScroll: true }));
  });

  const onSaved = useStableCallback((c: Contact) => {
    select(c.id, -1);
    closeForm();
  });

  const countText = list.hasData
    ? query
      ? t('contacts.results', { count: list.total, formatted: fmt.number(list.total) })
      : t('contacts.count', { count: list.total, formatted: fmt.number(list.total) })
    : '';

  return (
    <Box style={{ display: 'flex', height: '100%' }}>
      <Stack
        gap={0}
        w={LIST_WIDTH}
        style={{ flex: 'none', borderInlineEnd: '1px solid var(--mantine-color-gray-3)', minHeight: 0 }}
      >
        <Stack gap={8} p="sm" pb={6}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              ref={searchRef}
              style={{ flex: 1 }}
              size="sm"
              aria-label={t('contacts.searchLabel')}
              placeholder={t('contacts.searchPlaceholder')}
              title={t('contacts.searchTitle')}
              leftSection={<IconSearch size={15} />}
              rightSection={
                search ? (
                  <IconX
                    size={14}
                    role="button"
                    aria-label={t('contacts.clearSearch')}
                    style={{ cursor: 'pointer' }}
                    onClick={() => {
                      setSearch('');
                      searchRef.current?.focus();
                    }}
                  />
                ) : list.isFetching && list.hasData ? (
                  <Loader size={12} />
                ) : null
              }
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && search) {
                  e.preventDefault();
                  setSearch('');
                }
              }}
              data-shortcut-scope="contact-search"
              spellCheck={false}
              autoComplete="off"
            />
          </Group>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="xs" c="dimmed" data-testid="contact-count" aria-live="polite">
              {countText}
            </Text>
            <DuplicatesButton />
            <Button
              leftSection={<IconPlus size={14} />}
              onClick={() => setPane({ kind: 'create' })}
              title={t('contacts.newTitle')}
              disabled={formOpen}
            >
              {t('contacts.new')}
            </Button>
          </Group>
          <ImportExportButtons query={query} selectedId={sel.id} selectedName={detail.data?.displayName} />
        </Stack>
        <Box style={{ flex: 1, minHeight: 0, borderTop: '1px solid var(--mantine-color-gray-3)', position: 'relative' }}>
          <ListBody
            list={list}
            query={query}
            selectedId={sel.id}
            onSelect={onRowSelect}
            onOpen={onRowOpen}
            onClearSearch={() => setSearch('')}
          />
        </Box>
      </Stack>

      <Box style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
        {pane.kind === 'create' ? (
          <ContactForm key="new" onSaved={onSaved} onCancel={closeForm} />
        ) : pane.kind === 'edit' && detail.data && detail.data.id === pane.id ? (
          <ContactForm key={`edit-${pane.id}`} contact={detail.data} onSaved={onSaved} onCancel={closeForm} />
        ) : sel.id === null ? (
          <NothingSelected />
        ) : detail.data ? (
          <ContactDetail contact={detail.data} onEdit={onEdit} onDelete={onDelete} deleting={del.deleting} />
        ) : detail.isError ? (
          <Center h="100%" p="xl">
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.title')} maw={480}>
              {errorText(detail.error, t)}
            </Alert>
          </Center>
        ) : (
          <Center h="100%">
            <Loader size="sm" aria-label={t('detail.loading')} />
          </Center>
        )}
      </Box>
    </Box>
  );
}

interface ListBodyProps {
  list: ReturnType<typeof useContactList>;
  query: string;
  selectedId: string | null;
  onSelect: (id: string, index: number) => void;
  onOpen: (id: string, index: number) => void;
  onClearSearch: () => void;
}

function ListBody({ list, query, selectedId, onSelect, onOpen, onClearSearch }: ListBodyProps) {
  const { t } = useTranslation();

  if (list.error && !list.hasData) {
    const unavailable = list.error.code === 'backend_unavailable';
    return (
      <Box p="sm" data-testid="contact-list-error">
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={unavailable ? t('contacts.unavailableTitle') : t('errors.title')}
        >
          <Text size="sm">{unavailable ? t('contacts.unavailableBody') : errorText(list.error, t)}</Text>
          <Button mt="sm" variant="outline" color="red" onClick={() => void list.refetch()}>
            {t('contacts.retry')}
          </Button>
        </Alert>
        {/* Keep the scroll element mounted so the virtualiser stays attached. */}
        <div ref={list.scrollRef} hidden />
      </Box>
    );
  }

  const empty = list.hasData && list.total === 0 && !list.isStale;
  return (
    <>
      <ContactList list={list} selectedId={selectedId} onSelect={onSelect} onOpen={onOpen} />
      {list.isLoading && (
        <Center pos="absolute" inset={0} style={{ pointerEvents: 'none' }}>
          <Loader size="sm" aria-label={t('contacts.loading')} />
        </Center>
      )}
      {empty && (
        <Center pos="absolute" inset={0} p="lg" data-testid={query ? 'contact-no-results' : 'contact-empty'}>
          <Stack align="center" gap="xs" maw={280}>
            <IconUsers size={32} stroke={1.3} color="var(--mantine-color-gray-5)" aria-hidden />
            {query ? (
              <>
                <Text size="sm" fw={500} ta="center" style={{ overflowWrap: 'anywhere' }}>
                  {t('contacts.noResults', { query })}
                </Text>
                <Text size="xs" c="dimmed" ta="center">
                  {t('contacts.noResultsHint')}
                </Text>
                <Button variant="subtle" onClick={onClearSearch}>
                  {t('contacts.clearSearch')}
                </Button>
              </>
            ) : (
              <Text size="sm" ta="center">
                <Trans i18nKey="contacts.empty" components={{ cmd: <Code /> }} />
              </Text>
            )}
          </Stack>
        </Center>
      )}
    </>
  );
}

/** Key caps whose names are words (and so are translated). */
const KEY_NAMES: Record<string, string> = {
  Ctrl: 'shortcuts.keys.ctrl',
  Del: 'shortcuts.keys.del',
  Esc: 'shortcuts.keys.esc',
  Enter: 'shortcuts.keys.enter',
};

const NothingSelected = memo(function NothingSelected() {
  const { t } = useTranslation();
  // Each entry: alternatives (separated by "/"), each a chord of keys (joined by "+").
  const keys: [string[][], string][] = [
    [[['Ctrl', 'K']], 'search.everywhere'],
    [[['/']], 'shortcuts.search'],
    [[['Ctrl', 'N']], 'shortcuts.new'],
    [[['↑'], ['↓']], 'shortcuts.move'],
    [[['Enter'], ['E']], 'shortcuts.edit'],
    [[['Del']], 'shortcuts.delete'],
    [[['Ctrl', 'Z']], 'shortcuts.undo'],
    [[['Ctrl', 'S']], 'shortcuts.save'],
    [[['Esc']], 'shortcuts.cancel'],
    [[['Ctrl', 'I']], 'shortcuts.import'],
    [[['L']], 'shortcuts.logActivity'],
  ];
  return (
    <Center h="100%" p="xl" data-testid="contact-none-selected">
      <Stack gap="md" maw={360}>
        <Text c="dimmed" size="sm">
          {t('contacts.selectPrompt')}
        </Text>
        <Box>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
            {t('shortcuts.title')}
          </Text>
          <table style={{ borderCollapse: 'collapse', fontSize: 'var(--mantine-font-size-xs)' }}>
            <tbody>
              {keys.map(([alternatives, label]) => (
                <tr key={label}>
                  <td style={{ padding: '3px 14px 3px 0', whiteSpace: 'nowrap' }}>
                    {alternatives.map((chord, a) => (
                      <span key={chord.join('+')}>
                        {a > 0 && <Text span c="dimmed" size="xs">{' / '}</Text>}
                        {chord.map((k, i) => (
                          <span key={k}>
                            {i > 0 && ' + '}
                            <Kbd size="xs">{KEY_NAMES[k] ? t(KEY_NAMES[k]) : k}</Kbd>
                          </span>
                        ))}
                      </span>
                    ))}
                  </td>
                  <td style={{ padding: '3px 0', color: 'var(--mantine-color-dimmed)' }}>{t(label)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      </Stack>
    </Center>
  );
});
