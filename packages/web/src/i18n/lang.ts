/** The UI language, persisted in localStorage and readable outside React (the API client sends it). */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'sutiao.lang';
const listeners = new Set<() => void>();

function readStored(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = readStored();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** BCP 47 tag for `<html lang>` and `Accept-Language`. */
export function langTag(lang: Lang = current): 'zh-CN' | 'en' {
  return lang === 'en' ? 'en' : 'zh-CN';
}
