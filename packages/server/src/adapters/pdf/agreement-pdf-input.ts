import type { SignatureAlgorithm } from '../crypto/signer.ts';

export type AgreementPartyRole = '申请人' | '被申请人' | '调解员';

interface AgreementParty {
  role: AgreementPartyRole;
  name: string;
  /** Already masked (ID keeps its first and last character); never pass the clear number. */
  idMasked?: string;
}

export interface AgreementSignature {
  role: AgreementPartyRole;
  name: string;
  signedAt: Date;
  algorithm: SignatureAlgorithm;
  /** Full hex; the PDF shows it abbreviated. */
  signatureHex: string;
  publicKeyFingerprint: string;
}

export interface AgreementPdfInput {
  /** Defaults to 调解协议书. */
  title?: string;
  caseNumber: string;
  organizationName: string;
  parties: AgreementParty[];
  facts?: string;
  terms: {
    amountFen: number;
    paymentTerms: string;
    /** ISO date "YYYY-MM-DD" (shown as 2026年3月31日) or free text. */
    dueDate: string;
  };
  /** The agreement text the parties signed; paragraphs separated by blank lines or newlines. */
  text: string;
  /** SM3 digest (hex) of the signed agreement content. */
  digestSm3: string;
  signatures: AgreementSignature[];
  /** Also the PDF's CreationDate, so re-rendering the same agreement gives the same bytes. */
  sealedAt: Date;
  organizationSeal: { name: string; signatureHex: string };
  verificationCode: string;
  verifyUrl: string;
}
