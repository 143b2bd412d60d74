import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './normalize';
import type { Language, Settings } from './types';

export async function getSettings(): Promise<Settings> {
  return n.settings(await invoke<unknown>('SettingsService', 'Get', () => raw.settings.get()));
}

export async function setLanguage(lang: Language): Promise<Settings> {
  return n.settings(await invoke<unknown>('SettingsService', 'SetLanguage', () => raw.settings.setLanguage(lang)));
}
