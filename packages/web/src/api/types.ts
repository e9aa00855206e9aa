/**
 * Types of the direct-application journey API (docs/journey-api.md).
 * Kept in one file so they can be swapped for types generated from the server's OpenAPI document.
 */

export type Platform = 'court' | 'mediation';

/** Role codes; the server's catalogue is authoritative, unknown codes are shown raw. */
export type Role = string;
/** Permission codes such as `case:create`; the server's catalogue is authoritative. */
export type Permission = string;

export interface ApiErrorBody {
  code: string;
  message: string;
}

export interface Health {
  status: 'ok';
  platform: Platform;
  database: 'pglite' | 'postgres';
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  platform: Platform;
  organizationId?: string | null;
  organizationName?: string | null;
}

export interface Me {
  user: User;
  permissions: Permission[];
  csrfToken: string;
}

export interface LoginResponse {
  user: User;
  csrfToken: string;
  permissions?: Permission[];
}

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  caseId?: string | null;
  createdAt: string;
  readAt?: string | null;
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
}

export type OrganizationKind = 'firm' | 'mediation';

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  firmType?: string | null;
  region?: string | null;
}

export interface Mediator {
  id: string;
  displayName: string;
  organizationName: string;
  specialties: string[];
  workstation?: string | null;
}

export type ConsentKind = 'online-mediation' | 'personal-data';

export interface Consent {
  kind: ConsentKind;
  version: string;
  title: string;
  text: string;
}

export interface Upload {
  id: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

export type CaseStatus = string;
export type Track = 'simple' | 'ordinary' | 'small-claim' | 'complex';

export interface Deadline {
  kind: string;
  dueDate: string;
}

export interface CaseSummary {
  id: string;
  caseNumber?: string | null;
  status: CaseStatus;
  track?: Track | null;
  applicantName: string;
  respondentName: string;
  /** The mediation organization handling the case. */
  organizationName?: string;
  claimAmountFen: number;
  nextDeadline?: Deadline | null;
  updatedAt: string;
}

export interface CaseList {
  items: CaseSummary[];
  total: number;
  /** `total` is a lower bound: the server stops counting at 10,000 (docs/journey-api.md). */
  totalCapped?: boolean;
}

export interface Evidence {
  id: string;
  name: string;
  size?: number;
  mime?: string;
  sha256?: string;
  url?: string;
  uploadedAt?: string;
}

export interface CaseMediator {
  id: string;
  displayName: string;
  organizationName?: string;
}

export interface TimelineEntry {
  event: string;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  actorName: string;
  actorRole?: Role | null;
  at: string;
  note?: string | null;
}

/** Signing parties of an agreement. */
export type SigningParty = 'investor' | 'respondent' | 'mediator';

export interface AgreementSignature {
  role: SigningParty;
  signedAt?: string | null;
  name?: string | null;
}

export interface AgreementPayment {
  amountFen: number;
  paidAt: string;
  proofUploadId?: string | null;
  recordedAt: string;
}

export interface Agreement {
  id: string;
  version?: number;
  status?: 'draft' | 'signing' | 'effective';
  amountFen: number;
  paymentTerms: string;
  dueDate: string;
  text: string;
  digestSm3: string;
  signatures: AgreementSignature[];
  sealedAt?: string | null;
  verificationCode?: string | null;
  paidFen?: number;
  payments?: AgreementPayment[];
}

export interface CaseMessage {
  id: string;
  body: string;
  authorName: string;
  authorRole?: Role;
  createdAt: string;
}

export interface RecordEntry {
  id: string;
  body: string;
  authorName?: string;
  createdAt: string;
}

export interface CaseDetail extends CaseSummary {
  version: number;
  facts: string;
  requests: string;
  evidence: Evidence[];
  mediator?: CaseMediator | null;
  timeline: TimelineEntry[];
  abilities: CaseEvent[];
  agreement?: Agreement | null;
  messages: CaseMessage[];
  record: RecordEntry[];
  supplementRequest?: string | null;
  respondentReply?: 'willing' | 'unwilling' | null;
  /** Refusal reason code. */
  notAcceptedReason?: string | null;
  notAcceptedNote?: string | null;
  /** Failure reason code. */
  failureReason?: string | null;
  undisputedFacts?: string | null;
  closingReason?: string | null;
}

export interface ConsentAck {
  kind: ConsentKind;
  version: string;
}

export interface CreateCaseInput {
  respondentOrgId: string;
  claimAmountFen: number;
  facts: string;
  requests: string;
  evidenceIds: string[];
  consents: ConsentAck[];
  submit: boolean;
}

/** Event names accepted by POST /api/cases/:id/{event}. */
export type CaseEvent =
  | 'submit'
  | 'request-supplement'
  | 'supplement'
  | 'register'
  | 'consult-respondent'
  | 'respondent-reply'
  | 'accept'
  | 'refuse'
  | 'set-track'
  | 'assign-mediator'
  | 'choose-mediator'
  | 'recuse'
  | 'draft-agreement'
  | 'sign-agreement'
  | 'seal-agreement'
  | 'fail'
  | 'withdraw'
  | 'terminate'
  | 'record-payment';

/** Bodies per event (without `expectedVersion`, which the client adds). */
export interface CaseEventBodies {
  submit: Record<string, never>;
  'request-supplement': { note: string };
  supplement: { facts?: string; evidenceIds?: string[] };
  register: Record<string, never>;
  'consult-respondent': Record<string, never>;
  'respondent-reply': { willing: boolean; note?: string };
  accept: Record<string, never>;
  refuse: { reasonCode: string; note: string };
  'set-track': { track: Track };
  'assign-mediator': { mediatorId: string };
  'choose-mediator': { mediatorId: string };
  recuse: { reason: string };
  'draft-agreement': { amountFen: number; paymentTerms: string; dueDate: string };
  'sign-agreement': { password: string };
  'seal-agreement': { password: string };
  fail: { reasonCode: string; undisputedFacts?: string };
  withdraw: { reason?: string };
  terminate: { reason: string };
  'record-payment': { amountFen: number; paidAt: string; proofUploadId?: string };
}

export interface VerifySignature {
  role: SigningParty;
  name: string;
  signedAt: string;
  valid: boolean;
}

export interface VerifyResult {
  valid: boolean;
  caseNumber: string;
  organizationName: string;
  effectiveAt: string;
  digestSm3: string;
  signatures: VerifySignature[];
  seal?: { valid: boolean; algorithm: string; keyId: string; sealedAt: string };
}
