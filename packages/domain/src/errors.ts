import { type ErrorCode, ERRORS } from './error-catalogue.ts';

export { type ErrorCode, type ErrorDefinition, ERRORS } from './error-catalogue.ts';

export type Lang = 'zh' | 'en';
/** A parameter worded per language, e.g. the entity of NOT_FOUND: `{ zh: '案件', en: 'Case' }`. */
export type LocalizedParam = Readonly<Record<Lang, string>>;
type ErrorParams = Readonly<Record<string, string | number | LocalizedParam>>;

/** Fills `{name}` placeholders; unknown placeholders are left visible so a missing param is noticed, not hidden. */
export function formatTemplate(template: string, params: ErrorParams = {}, lang: Lang = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** A domain or transport error with a stable code, its HTTP status and both localized messages. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    const def = ERRORS[code];
    const messageEn = formatTemplate(def.en, params, 'en');
    super(messageEn);
    this.name = 'AppError';
    this.code = code;
    this.status = def.status;
    this.messageZh = formatTemplate(def.zh, params, 'zh');
    this.messageEn = messageEn;
    if (details !== undefined) this.details = details;
  }

  /** The JSON body the API returns: `{code, message}` in the requested language. */
  toBody(lang: Lang): { code: ErrorCode; message: string } {
    return { code: this.code, message: localize(this, lang) };
  }
}

export function appError(code: ErrorCode, params?: ErrorParams, details?: unknown): AppError {
  return new AppError(code, params, details);
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function localize(err: AppError, lang: Lang): string {
  return lang === 'zh' ? err.messageZh : err.messageEn;
}

/** Maps an Accept-Language header to our two languages; Chinese is the default. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'zh';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
