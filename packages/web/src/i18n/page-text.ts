import { useCallback } from 'react';
import { useLang } from './index.ts';

type PageText<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/**
 * Strings kept beside a feature's pages instead of the global dictionaries: `zh` is the source, `en` must have
 * every key. Pass module-level dictionaries: `const useAdminText = () => usePageText(zh, en);`.
 */
export function usePageText<K extends string>(
  zh: Record<K, string>,
  en: Record<K, string>,
): { pt: PageText<K>; lang: 'zh' | 'en' } {
  const lang = useLang();
  const pt = useCallback<PageText<K>>(
    (key, params) => {
      const template = (lang === 'en' ? en : zh)[key];
      return params ? template.replace(/\{(\w+)\}/g, (w, n: string) => String(params[n] ?? w)) : template;
    },
    [lang, zh, en],
  );
  return { pt, lang };
}
