import { useEffect, useState } from 'react';
import { Badge, Group, Kbd, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../api/search';
import { useSearch } from '../api/searchHooks';
import { errorText } from '../lib/notify';
import { Highlighted } from './Highlighted';
import { extraText, groupHits, hashForHit, iconForArea, searchWords } from './searchModel';
import { searchStore, selectFirstResult } from './searchStore';
import './search.css';

/** How long typing must pause before the box asks the backend. */
export const SEARCH_DEBOUNCE_MS = 80;

function HitLine({ hit, words, lang }: { hit: SearchHit; words: string[]; lang: string }) {
  const extra = extraText(hit, lang);
  return (
    <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text size="sm" fw={500} truncate data-testid="search-hit-title">
          <Highlighted text={hit.title} words={words} />
        </Text>
        {extra && (
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {extra}
          </Text>
        )}
      </Group>
      {hit.subtitle && (
        <Text size="xs" c="dimmed" truncate>
          <Highlighted text={hit.subtitle} words={words} />
        </Text>
      )}
      {hit.snippet && (
        <Text size="xs" c="dimmed" lineClamp={2} data-testid="search-hit-snippet">
          <Highlighted text={hit.snippet} words={words} />
        </Text>
      )}
    </Stack>
  );
}

/**
 * The search box: Ctrl+K or ⌘K anywhere (even in a text field) opens it; it searches every kind
 * of record as you type, groups the hits by kind, ↑/↓ move, Enter opens the record in its area,
 * Esc closes. Mount once.
 */
export function SearchSpotlight() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const search = useSearch(debounced);
  const text = debounced.trim();
  const hits = text === '' ? [] : (search.data ?? []);
  const words = searchWords(text);
  const groups = groupHits(hits);

  // New hits are new elements: select the first so Enter opens the best hit.
  useEffect(() => {
    if (hits.length > 0) selectFirstResult();
  }, [hits]);

  const open = (hit: SearchHit) => {
    const hash = hashForHit(hit);
    if (hash) window.location.hash = hash;
  };

  let status: string | null = null;
  if (query.trim() === '') status = t('search.hint');
  else if (search.isError) status = t('search.failed', { error: errorText(search.error, t) });
  else if (text !== '' && search.isSuccess && !search.isPlaceholderData && hits.length === 0 && query.trim() === text)
    status = t('search.nothing', { query: text });

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      onSpotlightClose={() => setQuery('')}
      shortcut={['ctrl + K', 'meta + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
      size="lg"
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        data-testid="search-input"
        leftSection={<IconSearch size={18} stroke={1.6} />}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
      />
      <Spotlight.ActionsList data-testid="search-results" aria-busy={search.isFetching || query.trim() !== text}>
        {groups.map((g) => {
          const Icon = iconForArea(g.area);
          const label = t(`search.kinds.${g.kind}`, { defaultValue: g.kind });
          return (
            <div key={g.kind} role="group" aria-label={label} data-testid="search-group" data-kind={g.kind}>
              <Group gap={6} px="sm" pt="xs" pb={4} wrap="nowrap">
                {Icon && <Icon size={14} stroke={1.8} color="var(--mantine-color-dimmed)" aria-hidden />}
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {label}
                </Text>
              </Group>
              {g.hits.map((h) => (
                <Spotlight.Action
                  key={`${h.kind}:${h.id}`}
                  onClick={() => open(h)}
                  data-testid="search-hit"
                  data-kind={h.kind}
                  data-id={h.id}
                  className="fb-search-action"
                  style={{ display: 'flex', gap: 'var(--mantine-spacing-sm)', alignItems: 'flex-start' }}
                >
                  {Icon && <Icon size={18} stroke={1.6} style={{ flexShrink: 0, opacity: 0.6 }} aria-hidden />}
                  <HitLine hit={h} words={words} lang={i18n.language} />
                </Spotlight.Action>
              ))}
            </div>
          );
        })}
        {status && <Spotlight.Empty data-testid="search-status">{status}</Spotlight.Empty>}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="md" justify="center">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('search.keys.move')}
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> {t('search.keys.open')}
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Esc</Kbd> {t('search.keys.close')}
          </Text>
          {hits.length > 0 && (
            <Badge size="xs" variant="light" color="gray">
              {t('search.count', { count: hits.length })}
            </Badge>
          )}
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
