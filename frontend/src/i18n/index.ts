import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import bn from './locales/bn.json';
import type { Language } from '../api/types';

export const LANGUAGES: readonly Language[] = ['en', 'bn'];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

type Tree = { [k: string]: unknown };

/** deepMerge adds the keys of extra to base (extra wins), recursing into objects. */
function deepMerge(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const prev = out[k];
    const bothObjects =
      prev !== null && typeof prev === 'object' && !Array.isArray(prev) && v !== null && typeof v === 'object' && !Array.isArray(v);
    out[k] = bothObjects ? deepMerge(prev as Tree, v as Tree) : v;
  }
  return out;
}

/**
 * Each area may keep its strings in its own files, `locales/<area>.en.json` and
 * `locales/<area>.bn.json`, merged here over the shared `en.json` / `bn.json`.
 */
const areaFiles = import.meta.glob('./locales/*.*.json', { eager: true, import: 'default' }) as Record<string, Tree>;

function bundle(lang: Language, base: Tree): Tree {
  const suffix = `.${lang}.json`;
  return Object.keys(areaFiles)
    .filter((path) => path.endsWith(suffix))
    .sort()
    .reduce((acc, path) => deepMerge(acc, areaFiles[path]), base);
}

/** The complete string tree of each language. */
export const bundles: Record<Language, Tree> = { en: bundle('en', en), bn: bundle('bn', bn) };

export const resources = {
  en: { translation: bundles.en },
  bn: { translation: bundles.bn },
} as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES as Language[],
  initAsync: false,
  // React escapes text itself; escaping here would double-escape record data such as "<b>".
  interpolation: { escapeValue: false },
  returnNull: false,
});

function syncDocumentLanguage(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export default i18n;
