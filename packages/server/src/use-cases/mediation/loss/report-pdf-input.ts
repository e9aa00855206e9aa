import { publicKeyFingerprint } from '../../../adapters/crypto/fingerprint.ts';
import type { LossReportPdfInput } from '../../../adapters/pdf/loss-report-pdf-input.ts';
import type { SignedEnvelope } from '../../../adapters/signing/signed-envelope.ts';
import { maskName } from '@sutiao/domain/masking.ts';
import { fenToYuanString, parseYuanToFen, sumFen } from '@sutiao/domain/money.ts';
import type { ReportContent } from './report-content.ts';

const RULES: Record<string, string> = { '2022': '法释〔2022〕2号', '2003': '法释〔2003〕2号' };
const METHODS: Record<string, string> = {
  mwa: '移动加权平均法',
  'actual-cost': '实际成本法',
  'weighted-buys': '综合加权平均法',
  fifo: '先进先出法',
};

/** The court's parameters as lines of the report (LOSS-SPEC §1 names in Chinese). */
export function parameterLines(params: Record<string, unknown>): string[] {
  const segments = Array.isArray(params.segments) ? (params.segments as Record<string, unknown>[]) : [];
  const risk = (params.systemicRisk ?? { method: 'none' }) as Record<string, unknown>;
  const riskText =
    risk.method === 'ratio'
      ? `按比例扣除 ${String(risk.ratio)}`
      : risk.method === 'index'
        ? `同步指数对比法（${(risk.indices as string[] | undefined)?.join('、') ?? ''}）`
        : '不扣除';
  return [
    `适用规则：${RULES[String(params.ruleVersion ?? '2022')] ?? String(params.ruleVersion)}；方向：${params.direction === 'deflation' ? '诱空' : '诱多'}`,
    ...segments.map(
      (s, i) =>
        `区间 ${i + 1}：实施日 ${String(s.implementationDate)}，揭露日 ${String(s.disclosureDate)}，基准日 ${String(s.baseDate ?? '按行情计算')}，基准价 ${String(s.basePrice ?? '按行情计算')}`,
    ),
    `买入均价计算方法：${METHODS[String(params.buyAverage ?? 'mwa')] ?? String(params.buyAverage)}`,
    `佣金费率：${String(params.commissionRate ?? '未主张')}；印花税率：${String(params.stampDutyRate ?? '未主张')}`,
    `系统风险扣除：${riskText}`,
  ];
}

/** Commission plus stamp duty, exactly, from the engine's two-decimal strings. */
const sum2 = (a = '0.00', b = '0.00'): string =>
  fenToYuanString(sumFen([parseYuanToFen(a), parseYuanToFen(b)]));

export function reportPdfInput(
  content: ReportContent,
  rows: { investor_id: string; row: Record<string, string>; name: string | null }[],
  envelope: SignedEnvelope,
  publicKeyPem: string,
  verifyUrl: string,
): LossReportPdfInput {
  const s = content.summary as {
    investors?: number;
    withLoss?: number;
    zeroLoss?: number;
    totals?: Record<string, string>;
  };
  return {
    caseNumber: content.caseNumber,
    courtName: content.court.name,
    entrustedOn: content.entrustedOn,
    organizationName: content.organization,
    issuedAt: new Date(content.issuedAt),
    parameterLines: parameterLines(content.params),
    summary: {
      investors: s.investors ?? 0,
      withLoss: s.withLoss ?? 0,
      zeroLoss: s.zeroLoss ?? 0,
      totals: s.totals ?? {},
    },
    rows: rows.map(({ investor_id, row, name }) => ({
      investorId: investor_id,
      nameMasked: name ? maskName(name) : '',
      N: row.N ?? '',
      C: row.C ?? '',
      Ns: row.Ns ?? '',
      Nh: row.Nh ?? '',
      B: row.B ?? '',
      L_deducted: row.L_deducted ?? '',
      fees: sum2(row.commission, row.stamp_duty),
      interest: row.interest ?? '',
      total: row.total ?? '',
    })),
    digestSm3: envelope.digestSm3,
    algorithm: envelope.algorithm,
    signatureHex: envelope.signature,
    publicKeyFingerprint: publicKeyFingerprint(publicKeyPem, envelope.algorithm),
    verificationCode: content.verificationCode,
    verifyUrl,
  };
}
