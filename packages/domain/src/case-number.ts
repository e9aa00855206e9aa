import { appError } from './errors.ts';

/** Court case-type codes (案件类型代字) we issue or receive. */
const COURT_CASE_TYPES = {
  民诉前调: { zh: '诉前调解', en: 'Pre-filing mediation' },
  民初: { zh: '民事一审', en: 'Civil first instance' },
  民终: { zh: '民事二审', en: 'Civil second instance' },
  民特: { zh: '特别程序（司法确认）', en: 'Special procedure (judicial confirmation)' },
  执: { zh: '执行', en: 'Enforcement' },
} as const;
type CourtCaseType = keyof typeof COURT_CASE_TYPES;

interface CourtCaseNumber {
  kind: 'court';
  year: number;
  /** Court code (法院代字), e.g. 沪74 (Shanghai Financial Court), 京0105, 最高法. */
  courtCode: string;
  caseType: CourtCaseType;
  seq: number;
}

interface MediationCaseNumber {
  kind: 'mediation';
  year: number;
  /** The organization's prefix (机构代字), e.g. 中证调; stored on the organization. */
  orgPrefix: string;
  seq: number;
}

export type CaseNumber = CourtCaseNumber | MediationCaseNumber;

/** Prefixes of the organizations we seed; every further organization gets its own prefix when created. */
export const SEED_ORG_PREFIXES = {
  'csrc-legal-service-center': '中证调',
  'csrc-center-shanghai': '中证调沪',
  'csrc-center-shenzhen': '中证调深',
} as const;

const HAN = '\\u4e00-\\u9fa5';
const COURT_CODE = new RegExp(`^(?:最高法|[${HAN}]\\d{1,4})$`);
const ORG_PREFIX = new RegExp(`^[${HAN}]{2,8}$`);
// Longest type code first so 民诉前调 is not read as 民 + …
const TYPE_ALTERNATION = Object.keys(COURT_CASE_TYPES)
  .sort((a, b) => b.length - a.length)
  .join('|');
const COURT_NUMBER = new RegExp(`^[(（](\\d{4})[)）](最高法|[${HAN}]\\d{1,4})(${TYPE_ALTERNATION})(\\d+)号$`);
const MEDIATION_NUMBER = new RegExp(`^[(（](\\d{4})[)）]([${HAN}]{2,8}?)字第(\\d{6,})号$`);

function checkYearAndSeq(year: number, seq: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) {
    throw appError('VALIDATION_FAILED', { reason: `case-number year out of range: ${year}` });
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw appError('VALIDATION_FAILED', {
      reason: `case-number sequence must be a positive integer: ${seq}`,
    });
  }
}

function isValidCourtCode(code: string): boolean {
  return COURT_CODE.test(code);
}

export function isValidOrgPrefix(prefix: string): boolean {
  return ORG_PREFIX.test(prefix) && !prefix.endsWith('字');
}

/** (2026)沪74民初45号 */
export function formatCourtCaseNumber(n: Omit<CourtCaseNumber, 'kind'>): string {
  checkYearAndSeq(n.year, n.seq);
  if (!isValidCourtCode(n.courtCode))
    throw appError('VALIDATION_FAILED', { reason: `bad court code: ${n.courtCode}` });
  if (!Object.hasOwn(COURT_CASE_TYPES, n.caseType)) {
    throw appError('VALIDATION_FAILED', { reason: `bad case type: ${n.caseType}` });
  }
  return `(${n.year})${n.courtCode}${n.caseType}${n.seq}号`;
}

/** (2026)中证调字第000123号 — sequence zero-padded to six digits. */
export function formatMediationCaseNumber(n: Omit<MediationCaseNumber, 'kind'>): string {
  checkYearAndSeq(n.year, n.seq);
  if (!isValidOrgPrefix(n.orgPrefix))
    throw appError('VALIDATION_FAILED', { reason: `bad org prefix: ${n.orgPrefix}` });
  return `(${n.year})${n.orgPrefix}字第${String(n.seq).padStart(6, '0')}号`;
}

export function formatCaseNumber(n: CaseNumber): string {
  return n.kind === 'court' ? formatCourtCaseNumber(n) : formatMediationCaseNumber(n);
}

/** Parses either scheme (ASCII or full-width brackets); null if the text is not a case number. */
export function parseCaseNumber(text: string): CaseNumber | null {
  const trimmed = text.trim();
  const court = COURT_NUMBER.exec(trimmed);
  if (court) {
    const [, year, courtCode, caseType, seq] = court as unknown as [
      string,
      string,
      string,
      CourtCaseType,
      string,
    ];
    return { kind: 'court', year: Number(year), courtCode, caseType, seq: Number(seq) };
  }
  const mediation = MEDIATION_NUMBER.exec(trimmed);
  if (mediation) {
    const [, year, orgPrefix, seq] = mediation as unknown as [string, string, string, string];
    return { kind: 'mediation', year: Number(year), orgPrefix, seq: Number(seq) };
  }
  return null;
}

/** Like parseCaseNumber but throws VALIDATION_FAILED. */
export function parseCaseNumberOrThrow(text: string): CaseNumber {
  const parsed = parseCaseNumber(text);
  if (!parsed) throw appError('VALIDATION_FAILED', { reason: `not a case number: ${text}` });
  return parsed;
}
