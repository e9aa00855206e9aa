import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { decryptField } from '../../../adapters/crypto/sm4.ts';
import type { Deps } from '../../../deps.ts';
import { type IsoDate, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { applicationWindow } from '@sutiao/domain/confirmation/clocks.ts';
import {
  type CourtCandidate,
  competentCourts,
  type RoutedCourt,
} from '@sutiao/domain/confirmation/competent-court.ts';
import { confirmationPrecheck, type PrecheckProblem } from '@sutiao/domain/confirmation/precheck.ts';
import { APPLICATION_OPEN_STATES } from '@sutiao/domain/lifecycles/confirmation-application.ts';
import { regionOfIdNumber } from '@sutiao/domain/region-of-id-number.ts';
import type { AgreementRow } from '../agreements/agreement-content.ts';
import { loadCurrentAgreement } from '../agreements/load-agreement.ts';
import type { LoadedCase } from '../cases/load-case.ts';

export interface ConfirmationOptions {
  agreement: AgreementRow | undefined;
  effectiveDate: IsoDate | null;
  window: { open: boolean; lastDay: IsoDate; daysLeft: number } | null;
  /** Competent courts reachable over the link, the first the suggestion, each with why it is competent. */
  courts: (RoutedCourt & { peerId: string })[];
  problems: PrecheckProblem[];
}

/** The registered court platform that carries a court's messages: the one active court peer (see the protocol). */
async function courtPeerId(db: Kysely<DB>): Promise<string | null> {
  const peer = await db
    .selectFrom('docking_peers')
    .select('id')
    .where('platform', '=', 'court')
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  return peer?.id ?? null;
}

/**
 * Where and whether the parties of a case may apply for judicial confirmation now: the agreement and its effective
 * date (the day it was sealed, Beijing time), the 30-day window, the competent courts (the referring court for a
 * court-referred case; else the basic courts of the investor's domicile — by default the ID number's registration —,
 * the respondent firm's seat and the organization's seat) and the pre-check against the non-acceptance grounds.
 */
export async function confirmationOptions(
  deps: Deps,
  db: Kysely<DB>,
  c: LoadedCase,
): Promise<ConfirmationOptions> {
  const today = todayInShanghai(deps.now());
  const agreement = await loadCurrentAgreement(db, c.id);
  const effective = agreement?.status === 'effective' && agreement.sealed_at ? agreement : undefined;
  const effectiveDate = effective?.sealed_at ? todayInShanghai(new Date(effective.sealed_at)) : null;
  const peerId = await courtPeerId(db);
  const idNumber = await investorIdNumber(deps, db, c);
  const courts = peerId ? await routedCourts(db, c, idNumber) : [];
  const applications = agreement
    ? await db
        .selectFrom('confirmation_applications')
        .select('status')
        .where('agreement_id', '=', agreement.id)
        .execute()
    : [];
  const problems = confirmationPrecheck({
    agreementStatus: agreement?.status ?? 'none',
    effectiveDate,
    today,
    disputeKind:
      c.respondent_firm_type === 'futures'
        ? 'futures'
        : c.respondent_firm_type === 'fund'
          ? 'fund'
          : 'securities',
    subject: 'payment',
    openApplication: applications.some((a) =>
      (APPLICATION_OPEN_STATES as readonly string[]).includes(a.status),
    ),
    confirmed: applications.some((a) => a.status === 'confirmed'),
    competentCourtCount: courts.length,
  });
  if (effective && !(await identitiesComplete(db, c, idNumber))) problems.push(IDENTITY_MISSING);
  return {
    agreement,
    effectiveDate,
    window: effectiveDate ? applicationWindow(effectiveDate, today) : null,
    courts: peerId ? courts.map((court) => ({ ...court, peerId })) : [],
    problems,
  };
}

const IDENTITY_MISSING: PrecheckProblem = {
  code: 'identity-missing',
  zh: '当事人身份信息不完整（投资者须完成实名认证，被申请人须登记统一社会信用代码），无法向法院提交申请',
  en: "the parties' identities are incomplete (the investor's real-name ID, the firm's credit code): the court cannot receive it",
};

async function investorIdNumber(deps: Deps, db: Kysely<DB>, c: LoadedCase): Promise<string | null> {
  const investor = c.applicant_user_id
    ? await db
        .selectFrom('users')
        .select('id_number_enc')
        .where('id', '=', c.applicant_user_id)
        .executeTakeFirst()
    : undefined;
  return investor?.id_number_enc
    ? decryptField(deps.keys.dataKeys, investor.id_number_enc, 'users.id_number')
    : null;
}

async function identitiesComplete(db: Kysely<DB>, c: LoadedCase, idNumber: string | null): Promise<boolean> {
  const firm = await db
    .selectFrom('organizations')
    .select('credit_code')
    .where('id', '=', c.respondent_org_id)
    .executeTakeFirst();
  return !!idNumber && /^[0-9A-Z]{18}$/.test(idNumber) && !!firm?.credit_code;
}

async function routedCourts(db: Kysely<DB>, c: LoadedCase, idNumber: string | null): Promise<RoutedCourt[]> {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'code', 'court_level', 'region', 'kind'])
    .where((eb) =>
      eb.or([eb('kind', '=', 'court'), eb('id', 'in', [c.organization_id, c.respondent_org_id])]),
    )
    .execute();
  const courts: CourtCandidate[] = rows
    .filter((r) => r.kind === 'court' && r.code && r.court_level)
    .map((r) => ({
      id: r.id,
      name: r.name,
      code: r.code as string,
      level: r.court_level as CourtCandidate['level'],
      region: r.region,
    }));
  const regionOf = (id: string) => rows.find((r) => r.id === id)?.region ?? null;
  const referring =
    c.source !== 'direct' && c.court_name
      ? (courts.find((court) => court.id === c.court_id) ??
        courts.find((court) => court.name === c.court_name) ?? {
          id: c.court_id ?? c.court_name,
          name: c.court_name,
        })
      : null;
  const routed = competentCourts({
    referringCourt: referring ? { id: referring.id, name: referring.name } : null,
    investorRegion: regionOfIdNumber(idNumber),
    respondentRegion: regionOf(c.respondent_org_id),
    subjectMatterRegion: null,
    organizationRegion: regionOf(c.organization_id),
    intermediateJurisdiction: false,
    courts,
  });
  // A referring court we do not list (another platform's) is addressed by the code its referral gave; with no code
  // at all it cannot be addressed, and the pre-check says there is no competent court.
  return routed.flatMap((court) =>
    court.courtCode ? [court] : c.court_code ? [{ ...court, courtCode: c.court_code }] : [],
  );
}
