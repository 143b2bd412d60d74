// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n, { bundles } from '.';
import { AREAS, READY_AREAS } from '../shell/areas';
import { KNOWN_ERROR_CODES } from '../api/errors';

type Tree = { [k: string]: unknown };

/** "a.b.c" → kind of leaf ("string" or "array:<n>"). */
function leaves(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) out.set(key, `array:${v.length}`);
    else if (v !== null && typeof v === 'object') leaves(v as Tree, key, out);
    else out.set(key, typeof v);
  }
  return out;
}

const en = bundles.en;
const bn = bundles.bn;
const enKeys = leaves(en);
const bnKeys = leaves(bn);

describe('locale files', () => {
  it('en and bn have exactly the same keys', () => {
    const onlyEn = [...enKeys.keys()].filter((k) => !bnKeys.has(k));
    const onlyBn = [...bnKeys.keys()].filter((k) => !enKeys.has(k));
    expect({ onlyEn, onlyBn }).toEqual({ onlyEn: [], onlyBn: [] });
  });

  it('en and bn agree on the kind of every entry (string, or list of the same length)', () => {
    const differ = [...enKeys].filter(([k, kind]) => bnKeys.get(k) !== kind).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('has no empty translations', () => {
    const empty = (tree: Tree) => [...leaves(tree)].filter(([, kind]) => kind === 'string').map(([k]) => k);
    for (const [name, tree] of [['en', en], ['bn', bn]] as const) {
      const blank = empty(tree).filter((k) => String(i18n.getResource(name, 'translation', k)).trim() === '');
      expect(blank, name).toEqual([]);
    }
  });

  it('keeps the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
    const differ: string[] = [];
    for (const [k, kind] of enKeys) {
      if (kind !== 'string') continue;
      const a = String(i18n.getResource('en', 'translation', k));
      const b = String(i18n.getResource('bn', 'translation', k));
      if (vars(a).join() !== vars(b).join()) differ.push(k);
    }
    expect(differ).toEqual([]);
  });

  it('really is Bengali', () => {
    expect(i18n.getFixedT('bn')('areas.contacts.name')).toBe('পরিচিতি');
    expect(i18n.getFixedT('bn')('settings.language')).toBe('ভাষা');
  });

  it('names every area, and describes every area that is not built yet', () => {
    for (const a of AREAS) {
      expect(enKeys.has(`areas.${a}.name`), a).toBe(true);
      if (!READY_AREAS.has(a)) {
        expect(enKeys.has(`areas.${a}.description`), a).toBe(true);
        expect(enKeys.get(`areas.${a}.points`), a).toMatch(/^array:[1-9]/);
      }
    }
  });

  it('translates every error code', () => {
    for (const code of KNOWN_ERROR_CODES) expect(enKeys.has(`errors.${code}`), code).toBe(true);
    expect(enKeys.has('errors.generic')).toBe(true);
  });

  it('has every key the source code uses literally', () => {
    const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/i18nKey="([a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/'(shortcuts\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !enKeys.has(k) && !enKeys.has(`${k}_one`));
    expect(missing).toEqual([]);
  });
});
