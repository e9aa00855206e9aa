import type { SignatureAlgorithm } from '../crypto/signer.ts';

/** One appendix row; the name is already masked. */
export interface LossReportRow {
  investorId: string;
  nameMasked: string;
  N: string;
  C: string;
  Ns: string;
  Nh: string;
  B: string;
  L_deducted: string;
  fees: string;
  interest: string;
  total: string;
}

export interface LossReportPdfInput {
  caseNumber: string;
  courtName: string;
  entrustedOn: string;
  organizationName: string;
  issuedAt: Date;
  /** Parameter lines as the court fixed them, e.g. ["规则版本：2022", …]. */
  parameterLines: string[];
  summary: { investors: number; withLoss: number; zeroLoss: number; totals: Record<string, string> };
  rows: LossReportRow[];
  digestSm3: string;
  algorithm: SignatureAlgorithm;
  signatureHex: string;
  publicKeyFingerprint: string;
  verificationCode: string;
  verifyUrl: string;
}
