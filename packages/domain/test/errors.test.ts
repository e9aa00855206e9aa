import { describe, expect, it } from 'vitest';
import {
  AppError,
  appError,
  ERRORS,
  formatTemplate,
  isAppError,
  langFromAcceptLanguage,
  localize,
} from '../src/errors.ts';

describe('errors', () => {
  it('the catalogue has the statuses the API contract names', () => {
    expect(ERRORS.VALIDATION_FAILED.status).toBe(400);
    expect(ERRORS.AUTH_REQUIRED.status).toBe(401);
    expect(ERRORS.AUTH_INVALID_CREDENTIALS.status).toBe(401);
    expect(ERRORS.AUTH_LOCKED.status).toBe(423);
    expect(ERRORS.CSRF_INVALID.status).toBe(403);
    expect(ERRORS.FORBIDDEN.status).toBe(403);
    expect(ERRORS.NOT_FOUND.status).toBe(404);
    expect(ERRORS.CASE_STATE_CONFLICT.status).toBe(409);
    expect(ERRORS.CASE_ILLEGAL_EVENT.status).toBe(409);
    expect(ERRORS.GUARD_FAILED.status).toBe(422);
    expect(ERRORS.UPLOAD_TOO_LARGE.status).toBe(413);
    expect(ERRORS.UPLOAD_TYPE_NOT_ALLOWED.status).toBe(415);
    expect(ERRORS.PASSWORD_TOO_WEAK.status).toBe(400);
    expect(ERRORS.PASSWORD_REQUIRED.status).toBe(401);
    expect(ERRORS.VERIFY_NOT_FOUND.status).toBe(404);
    expect(ERRORS.RATE_LIMITED.status).toBe(429);
    expect(ERRORS.INTERNAL.status).toBe(500);
  });

  it('every entry has both languages and matching placeholders', () => {
    for (const [code, def] of Object.entries(ERRORS)) {
      expect(def.zh.length, code).toBeGreaterThan(0);
      expect(def.en.length, code).toBeGreaterThan(0);
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(def.zh), code).toEqual(names(def.en));
    }
  });

  it('appError fills templates and localizes', () => {
    const err = appError('CASE_ILLEGAL_EVENT', { state: 'draft', event: 'accept' }, { caseId: 'c1' });
    expect(err).toBeInstanceOf(AppError);
    expect(err).toBeInstanceOf(Error);
    expect(isAppError(err)).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(err.status).toBe(409);
    expect(err.details).toEqual({ caseId: 'c1' });
    expect(localize(err, 'en')).toBe('Action "accept" is not allowed while the case is draft.');
    expect(localize(err, 'zh')).toBe('案件当前状态（draft）不允许执行“accept”。');
    expect(err.message).toBe(err.messageEn);
    expect(err.toBody('zh')).toEqual({ code: 'CASE_ILLEGAL_EVENT', message: err.messageZh });
  });

  it('leaves unknown placeholders visible', () => {
    expect(formatTemplate('a {x} {y}', { x: 1 })).toBe('a 1 {y}');
    expect(appError('FORBIDDEN').details).toBeUndefined();
  });

  it('reads Accept-Language, defaulting to Chinese', () => {
    expect(langFromAcceptLanguage('en')).toBe('en');
    expect(langFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(langFromAcceptLanguage('zh-CN')).toBe('zh');
    expect(langFromAcceptLanguage(undefined)).toBe('zh');
  });
});
