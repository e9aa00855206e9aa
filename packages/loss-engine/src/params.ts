import { parseDay } from './dates';
import { type LossInputError, inputError } from './errors';
import { type Exact, E_ONE, eCmp, eSign, parseDecimal } from './exact';

export type RuleVersion = '2022' | '2003';
export type Direction = 'inflation' | 'deflation';
export type BuyAverage = 'mwa' | 'actual-cost' | 'weighted-buys' | 'fifo';
export type SystemicRisk =
  | { method: 'none' }
  | { method: 'ratio'; ratio: Exact }
  | { method: 'index'; indices: string[] };

export interface Segment {
  implementationDate: string;
  disclosureDate: string;
  /** null: derive it from market data with the base-date helper (docs/loss-rules.md §6). */
  baseDate: string | null;
  /** Yuan; null: derive it from market data. */
  basePrice: Exact | null;
}

/** Validated case parameters with every default filled in (docs/loss-rules.md §2). */
export interface LossParams {
  ruleVersion: RuleVersion;
  direction: Direction;
  segments: Segment[];
  buyAverage: BuyAverage;
  eligibleChannels: string[];
  commissionRate: Exact | null;
  stampDutyRate: Exact | null;
  interestRate: Exact | null;
  systemicRisk: SystemicRisk;
  averagePriceDecimals: number | null;
  /** When set, trades of other securities are excluded; when absent, the file must hold one security. */
  security: string | null;
}

export const DEFAULT_ELIGIBLE_CHANNELS = ['auction', 'ipo'];

const KNOWN_KEYS = new Set([
  'ruleVersion',
  'direction',
  'segments',
  'buyAverage',
  'eligibleChannels',
  'commissionRate',
  'stampDutyRate',
  'interestRate',
  'systemicRisk',
  'averagePriceDecimals',
  'security',
]);

export type ParamsResult = { ok: true; params: LossParams } | { ok: false; errors: LossInputError[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates a parameter object (e.g. parsed case.json) and fills in the defaults. */
export function validateParams(input: unknown, file?: string): ParamsResult {
  const errors: LossInputError[] = [];
  const bad = (path: string, zh: string, en: string): void => {
    errors.push(inputError('BAD_PARAM', `${path}：${zh}`, `${path}: ${en}`, { file, columnName: path }));
  };
  if (!isRecord(input)) {
    bad('(root)', '参数必须是 JSON 对象', 'parameters must be a JSON object');
    return { ok: false, errors };
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) bad(key, '未知参数', 'unknown parameter');
  }
  const pick = <T extends string>(key: string, allowed: readonly T[], dflt: T): T => {
    const v = input[key];
    if (v === undefined) return dflt;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    bad(key, `应为 ${allowed.join(' | ')}`, `must be one of ${allowed.join(' | ')}`);
    return dflt;
  };
  const decimal = (path: string, v: unknown, min: Exact | null, max: Exact | null): Exact | null => {
    if (v === undefined || v === null) return null;
    const x = typeof v === 'number' || typeof v === 'string' ? parseDecimal(String(v)) : null;
    if (!x) {
      bad(path, '不是十进制数', 'not a decimal number');
      return null;
    }
    if ((min && eCmp(x, min) < 0) || (max && eCmp(x, max) > 0)) {
      bad(path, '超出允许范围', 'out of the allowed range');
      return null;
    }
    return x;
  };
  const zero = { n: 0n, d: 1n };
  const ruleVersion = pick('ruleVersion', ['2022', '2003'] as const, '2022');
  const direction = pick('direction', ['inflation', 'deflation'] as const, 'inflation');
  const buyAverage = pick('buyAverage', ['mwa', 'actual-cost', 'weighted-buys', 'fifo'] as const, 'mwa');
  const segments = validateSegments(input.segments, bad, errors, file);
  let eligibleChannels = DEFAULT_ELIGIBLE_CHANNELS;
  if (input.eligibleChannels !== undefined) {
    const v = input.eligibleChannels;
    if (Array.isArray(v) && v.every((c) => typeof c === 'string' && c.length > 0)) eligibleChannels = v;
    else bad('eligibleChannels', '应为非空字符串数组', 'must be an array of non-empty strings');
  }
  const commissionRate = decimal('commissionRate', input.commissionRate, zero, E_ONE);
  const stampDutyRate = decimal('stampDutyRate', input.stampDutyRate, zero, E_ONE);
  const interestRate = decimal('interestRate', input.interestRate, zero, E_ONE);
  if (interestRate && ruleVersion !== '2003')
    bad('interestRate', '仅适用于 2003 规则', 'applies to the 2003 rules only');
  let systemicRisk: SystemicRisk = { method: 'none' };
  const sr = input.systemicRisk;
  if (sr !== undefined) {
    if (!isRecord(sr)) bad('systemicRisk', '应为对象', 'must be an object');
    else if (sr.method === 'none') systemicRisk = { method: 'none' };
    else if (sr.method === 'ratio') {
      const ratio = decimal('systemicRisk.ratio', sr.ratio, zero, E_ONE);
      if (ratio) systemicRisk = { method: 'ratio', ratio };
      else if (sr.ratio === undefined) bad('systemicRisk.ratio', '缺少比例', 'ratio is required');
    } else if (sr.method === 'index') {
      const ix = sr.indices;
      if (Array.isArray(ix) && ix.length > 0 && ix.every((c) => typeof c === 'string' && c.length > 0))
        systemicRisk = { method: 'index', indices: ix };
      else bad('systemicRisk.indices', '应为非空的指数名数组', 'must be a non-empty array of index names');
    } else bad('systemicRisk.method', '应为 none | ratio | index', 'must be none | ratio | index');
  }
  let averagePriceDecimals: number | null = null;
  const apd = input.averagePriceDecimals;
  if (apd !== undefined && apd !== null) {
    if (typeof apd === 'number' && Number.isInteger(apd) && apd >= 0 && apd <= 12) averagePriceDecimals = apd;
    else bad('averagePriceDecimals', '应为 0–12 的整数或 null', 'must be an integer 0–12 or null');
  }
  let security: string | null = null;
  if (input.security !== undefined && input.security !== null) {
    if (typeof input.security === 'string' && input.security.length > 0) security = input.security;
    else bad('security', '应为非空字符串', 'must be a non-empty string');
  }
  if (errors.length > 0) return { ok: false, errors };
  const params: LossParams = {
    ruleVersion,
    direction,
    segments,
    buyAverage,
    eligibleChannels,
    commissionRate,
    stampDutyRate,
    interestRate,
    systemicRisk,
    averagePriceDecimals,
    security,
  };
  validated.add(params);
  return { ok: true, params };
}

const validated = new WeakSet<object>();

/** True for objects returned by `validateParams` (so they are not validated twice). */
export const isValidatedParams = (x: unknown): x is LossParams =>
  typeof x === 'object' && x !== null && validated.has(x);

function validateSegments(
  v: unknown,
  bad: (path: string, zh: string, en: string) => void,
  errors: LossInputError[],
  file: string | undefined,
): Segment[] {
  if (!Array.isArray(v) || v.length === 0) {
    bad('segments', '至少需要一个区间', 'at least one segment is required');
    return [];
  }
  const out: Segment[] = [];
  let prevDisclosure = Number.NEGATIVE_INFINITY;
  v.forEach((s: unknown, i) => {
    const p = `segments[${i}]`;
    if (!isRecord(s)) {
      bad(p, '应为对象', 'must be an object');
      return;
    }
    const date = (key: string, required: boolean): { text: string; day: number } | null => {
      const t = s[key];
      if (t === undefined || t === null) {
        if (required) bad(`${p}.${key}`, '缺少日期', 'date is required');
        return null;
      }
      const day = typeof t === 'string' ? parseDay(t) : Number.NaN;
      if (Number.isNaN(day)) {
        bad(
          `${p}.${key}`,
          `日期无法解析 "${String(t)}"（应为 YYYY-MM-DD）`,
          `unparseable date "${String(t)}" (want YYYY-MM-DD)`,
        );
        return null;
      }
      return { text: t as string, day };
    };
    const impl = date('implementationDate', true);
    const disc = date('disclosureDate', true);
    const base = date('baseDate', false);
    let basePrice: Exact | null = null;
    if (s.basePrice !== undefined && s.basePrice !== null) {
      const x =
        typeof s.basePrice === 'number' || typeof s.basePrice === 'string'
          ? parseDecimal(String(s.basePrice))
          : null;
      if (!x || eSign(x) < 0) bad(`${p}.basePrice`, '应为非负十进制数', 'must be a non-negative decimal');
      else basePrice = x;
    }
    if (
      impl &&
      disc &&
      !(impl.day < disc.day && (!base || disc.day <= base.day) && prevDisclosure <= impl.day)
    ) {
      errors.push(
        inputError(
          'SEGMENT_ORDER',
          `${p}：须满足 上一区间揭露日 ≤ 实施日 < 揭露日 ≤ 基准日`,
          `${p}: need previous disclosure ≤ implementation < disclosure ≤ base date`,
          { file, columnName: p },
        ),
      );
    }
    if (disc) prevDisclosure = disc.day;
    if (impl && disc)
      out.push({
        implementationDate: impl.text,
        disclosureDate: disc.text,
        baseDate: base?.text ?? null,
        basePrice,
      });
  });
  return out;
}
