/**
 * How long or how large a person's input may be: one table read by the route schemas (which reject the raw
 * request), the use cases (which check the trimmed text) and the web forms (which stop the typing), so the three
 * can never disagree about where the limit lies.
 */
export const INPUT_LIMITS = {
  /** Database ids travelling in paths and bodies. */
  id: 64,
  username: 64,
  password: 128,
  displayName: 64,
  /** The raw field; the ID-number check then wants exactly 18 characters. */
  idNumber: 32,
  phone: 32,
  email: 254,
  consentKind: 40,
  consentVersion: 32,
  /** 事实与理由 of an application, and a supplement's facts. */
  facts: 5000,
  /** 调解请求. */
  requests: 2000,
  /** Notes, reasons and replies attached to a lifecycle event. */
  note: 2000,
  /** A message on the case, and an entry of the mediation record (笔录). */
  message: 5000,
  /** 无争议事实记载 when mediation fails. */
  undisputedFacts: 5000,
  /** An agreement's payment terms. */
  paymentTerms: 500,
  /** An agreement's due date lies at most this many calendar days after today (Beijing): three years. */
  agreementDueWithinDays: 1096,
  evidenceFiles: 50,
  /** One evidence file, in megabytes (the request limit, the use case and the upload form). */
  evidenceFileMb: 10,
  /** A loss assessment's case number as the entrusting court wrote it. */
  lossCaseNumber: 60,
  lossInvestorId: 200,
} as const;

/**
 * A loss assessment's fee and tax rates are fractions (0.0003 = 0.03 %): anything at or above 1 (100 %) is a typing
 * error, and a rate above 1 % is no commission or stamp duty charged in China.
 */
export const LOSS_RATE_MAX = { commissionRate: 0.01, stampDutyRate: 0.01, interestRate: 0.2 } as const;

/** Page sizes lists accept. */
export const PAGE_LIMITS = { cases: 100, loss: 200 } as const;
