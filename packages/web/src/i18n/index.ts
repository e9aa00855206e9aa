import { useCallback, useSyncExternalStore } from 'react';
import { en } from './en.ts';
import { getLang, type Lang, setLang, subscribeLang } from './lang.ts';
import { type MessageKey, zh } from './zh.ts';

export { getLang, type Lang, langTag, setLang } from './lang.ts';
export type { MessageKey } from './zh.ts';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

type TemplateParams = Readonly<Record<string, string | number>>;

/** The message of `key` in `lang`, with `{name}` placeholders filled (what `useI18n`'s `t` calls). */
function translate(key: MessageKey, params?: TemplateParams, lang: Lang = getLang()): string {
  const template = dictionaries[lang][key] ?? zh[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

type Translate = (key: MessageKey, params?: TemplateParams) => string;

export function useLang(): Lang {
  return useSyncExternalStore(subscribeLang, getLang, getLang);
}

/** `const { t, lang, setLang } = useI18n();` re-renders when the language changes. */
export function useI18n(): { t: Translate; lang: Lang; setLang: (lang: Lang) => void } {
  const lang = useLang();
  const t = useCallback<Translate>((key, params) => translate(key, params, lang), [lang]);
  return { t, lang, setLang };
}
