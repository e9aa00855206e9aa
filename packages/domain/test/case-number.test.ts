import { describe, expect, it } from 'vitest';
import {
  type CaseNumber,
  formatCaseNumber,
  formatCourtCaseNumber,
  formatMediationCaseNumber,
  isValidOrgPrefix,
  parseCaseNumber,
  parseCaseNumberOrThrow,
  SEED_ORG_PREFIXES,
} from '../src/case-number.ts';

describe('case numbers', () => {
  it.each([
    [
      '(2026)沪74民诉前调123号',
      { kind: 'court', year: 2026, courtCode: '沪74', caseType: '民诉前调', seq: 123 },
    ],
    ['(2026)沪74民初45号', { kind: 'court', year: 2026, courtCode: '沪74', caseType: '民初', seq: 45 }],
    ['(2026)沪74民特6号', { kind: 'court', year: 2026, courtCode: '沪74', caseType: '民特', seq: 6 }],
    [
      '(2025)京0105民初10001号',
      { kind: 'court', year: 2025, courtCode: '京0105', caseType: '民初', seq: 10001 },
    ],
    ['(2026)最高法民终1号', { kind: 'court', year: 2026, courtCode: '最高法', caseType: '民终', seq: 1 }],
    ['(2026)中证调字第000123号', { kind: 'mediation', year: 2026, orgPrefix: '中证调', seq: 123 }],
    ['(2026)中证调沪字第1234567号', { kind: 'mediation', year: 2026, orgPrefix: '中证调沪', seq: 1234567 }],
  ] as const)('%s round-trips', (text, parsed) => {
    expect(parseCaseNumber(text)).toEqual(parsed);
    expect(formatCaseNumber(parsed as CaseNumber)).toBe(text);
  });

  it('accepts full-width brackets and surrounding space when parsing', () => {
    expect(parseCaseNumber(' （2026）沪74民初45号 ')).toMatchObject({ courtCode: '沪74', seq: 45 });
  });

  it('pads mediation sequences to six digits', () => {
    expect(
      formatMediationCaseNumber({
        year: 2026,
        orgPrefix: SEED_ORG_PREFIXES['csrc-legal-service-center'],
        seq: 7,
      }),
    ).toBe('(2026)中证调字第000007号');
  });

  it('rejects malformed numbers', () => {
    for (const text of [
      '2026沪74民初45号',
      '(2026)沪74民初号',
      '(2026)沪74刑初4号',
      '(26)中证调字第000001号',
      '',
    ]) {
      expect(parseCaseNumber(text), text).toBeNull();
    }
    expect(() => parseCaseNumberOrThrow('nope')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('validates parts when formatting', () => {
    expect(() =>
      formatCourtCaseNumber({ year: 2026, courtCode: 'SH74', caseType: '民初', seq: 1 }),
    ).toThrow();
    expect(() =>
      formatCourtCaseNumber({ year: 2026, courtCode: '沪74', caseType: '民初', seq: 0 }),
    ).toThrow();
    expect(() => formatMediationCaseNumber({ year: 1999, orgPrefix: '中证调', seq: 1 })).toThrow();
    expect(() => formatMediationCaseNumber({ year: 2026, orgPrefix: '中证调字', seq: 1 })).toThrow();
    expect(isValidOrgPrefix('中')).toBe(false);
    for (const prefix of Object.values(SEED_ORG_PREFIXES)) expect(isValidOrgPrefix(prefix)).toBe(true);
  });
});
