import type { Actor } from '../permissions.ts';
import { SYSTEM_USER_IDS } from '../system-actors.ts';
import type { Role } from '../roles.ts';
import type { DirectState, Track } from './direct-application-codes.ts';

type SigningParty = 'investor' | 'respondent' | 'mediator';
type ChoosingParty = 'investor' | 'respondent';

/** What the lifecycle needs to know about a direct-application case (loaded by the use case). */
export interface DirectCaseFacts {
  /** Null for a court-referred case until the investor named by the court is matched to an account. */
  applicantUserId: string | null;
  /** The applicant's agent (代理人), who acts for the applicant side. */
  agentUserId: string | null;
  respondentOrgId: string;
  /** The handling mediation organization. */
  organizationId: string;
  mediatorUserId: string | null;
  recusedMediatorUserIds: readonly string[];
  track: Track | null;
  /** Application has respondent, claim, facts, requests and current consents. */
  applicationComplete: boolean;
  respondentIsSecuritiesFirm: boolean;
  applicantIsOrdinaryInvestor: boolean;
  respondentReply: 'willing' | 'unwilling' | null;
  mediatorChoices: Readonly<Record<ChoosingParty, string | null>>;
  signatures: Readonly<Record<SigningParty, boolean>>;
  agreementAmountFen: number | null;
  agreementDueDate: string | null;
  paidFen: number;
  /** Direct application, or referred by a court (诉前委派 / 诉中委托) over the docking link. */
  source: 'direct' | 'delegated' | 'entrusted';
  /** The last day of the court's mediation period (30 days delegated, 15/7 entrusted, plus extensions). */
  courtDeadlineDate: string | null;
}

/** The event's body, as far as guards read it. */
export interface DirectEventInput {
  note?: string;
  reason?: string;
  reasonCode?: string;
  track?: string;
  mediatorId?: string;
  amountFen?: number;
  dueDate?: string;
  paymentTerms?: string;
  /** Calendar days a court referral's period is extended by (with the parties' recorded consent in `note`). */
  days?: number;
  willing?: boolean;
}

export interface DirectContext {
  actor: Actor;
  case: DirectCaseFacts;
  input?: DirectEventInput;
  state?: DirectState;
}

function holds(actor: Actor, role: Role): boolean {
  return actor.platform === 'mediation' && actor.roles.includes(role);
}

export const DIRECT_PARTIES = {
  /** The investor who applied, or their agent. */
  applicant: ({ actor, case: c }: DirectContext) =>
    (holds(actor, 'investor') && c.applicantUserId !== null && actor.userId === c.applicantUserId) ||
    (holds(actor, 'agent') && c.agentUserId !== null && actor.userId === c.agentUserId),
  /** Staff of the respondent firm. */
  respondent: ({ actor, case: c }: DirectContext) =>
    holds(actor, 'respondent') && actor.organizationId === c.respondentOrgId,
  /** The mediator assigned to this case. */
  mediator: ({ actor, case: c }: DirectContext) =>
    holds(actor, 'mediator') && c.mediatorUserId !== null && actor.userId === c.mediatorUserId,
  /** An administrator of the handling organization. */
  org_admin: ({ actor, case: c }: DirectContext) =>
    holds(actor, 'org_admin') && actor.organizationId === c.organizationId,
  /** The court, through the docking link (a withdrawal, an extension it granted). */
  court_link: ({ actor }: DirectContext) => actor.userId === SYSTEM_USER_IDS.courtLink,
  /** The platform's scheduler (a court's mediation period that ran out). */
  scheduler: ({ actor }: DirectContext) => actor.userId === SYSTEM_USER_IDS.scheduler,
} as const;

export type DirectParty = keyof typeof DIRECT_PARTIES;

/** Which signature/choice slot the actor fills, if any (applicant side signs as `investor`). */
export function signingPartyOf(ctx: DirectContext): SigningParty | null {
  if (DIRECT_PARTIES.applicant(ctx)) return 'investor';
  if (DIRECT_PARTIES.respondent(ctx)) return 'respondent';
  if (DIRECT_PARTIES.mediator(ctx)) return 'mediator';
  return null;
}

export function choosingPartyOf(ctx: DirectContext): ChoosingParty | null {
  if (DIRECT_PARTIES.applicant(ctx)) return 'investor';
  if (DIRECT_PARTIES.respondent(ctx)) return 'respondent';
  return null;
}

/** 证券法 art. 94: a securities firm must accept mediation requested by an ordinary investor. */
export function respondentMustMediate(c: DirectCaseFacts): boolean {
  return c.respondentIsSecuritiesFirm && c.applicantIsOrdinaryInvestor;
}
