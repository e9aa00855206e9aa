import type { Kysely } from 'kysely';
import { blindIndex, decryptField, encryptField } from '../../adapters/crypto/sm4.ts';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { CourtParty } from '@sutiao/domain/docking/message-bodies.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { isValidIdNumber, normalizeIdNumber } from '@sutiao/domain/id-number.ts';
import { maskIdNumber, maskName, maskPhone } from '@sutiao/domain/masking.ts';

/** A party as a court case stores it: a complaint's plaintiffs and defendants, or a confirmation's applicants. */
export type StoredCourtParty = Omit<CourtParty, 'role'> & { role: CourtParty['role'] | 'applicant' };

export type PartyInput = Omit<CourtParty, 'phone' | 'address'> & {
  phone?: string | null;
  address?: string | null;
};

/** A party as the case page shows it: people's names, ID numbers and phones masked; organizations' names public. */
export interface PresentedParty {
  kind: CourtParty['kind'];
  role: StoredCourtParty['role'];
  name: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  address: string | null;
}

/** GB 32100 unified social credit code: 18 characters of its alphabet (no I, O, S, V, Z). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const trimmedOrNull = (text: string | null | undefined) => {
  const value = text?.trim();
  return value ? value : null;
};

/**
 * The complaint's parties, checked and normalized: at least one plaintiff and one defendant, each with a valid
 * resident ID number (person) or unified social credit code (organization).
 */
export function normalizeParties(parties: readonly PartyInput[]): CourtParty[] {
  const named = parties.map((p) => ({
    kind: p.kind,
    role: p.role,
    name: p.name.trim(),
    idNumber: normalizeIdNumber(p.idNumber),
    phone: trimmedOrNull(p.phone),
    address: trimmedOrNull(p.address),
  }));
  const complete = named.filter((p) => p.name.length > 0 && p.idNumber.length > 0);
  if (
    complete.length !== named.length ||
    !complete.some((p) => p.role === 'plaintiff') ||
    !complete.some((p) => p.role === 'defendant')
  ) {
    throw appError('COURT_PARTIES_MISSING');
  }
  for (const p of complete) {
    const valid = p.kind === 'person' ? isValidIdNumber(p.idNumber) : CREDIT_CODE.test(p.idNumber);
    if (!valid) throw appError('COURT_PARTY_ID_INVALID', { name: p.name });
  }
  return complete;
}

const ID_CONTEXT = 'court_case_parties.id_number';
const PHONE_CONTEXT = 'court_case_parties.phone';

export async function insertParties(
  deps: Deps,
  trx: Kysely<DB>,
  caseId: string,
  parties: readonly StoredCourtParty[],
): Promise<void> {
  const { dataKeys, blindIndexKey } = deps.keys;
  await trx
    .insertInto('court_case_parties')
    .values(
      parties.map((p, position) => ({
        case_id: caseId,
        position,
        kind: p.kind,
        role: p.role,
        name: p.name,
        id_number_enc: encryptField(dataKeys.current, p.idNumber, ID_CONTEXT),
        id_number_index: blindIndex(blindIndexKey, p.idNumber),
        phone_enc: p.phone ? encryptField(dataKeys.current, p.phone, PHONE_CONTEXT) : null,
        address: p.address,
      })),
    )
    .execute();
}

/** Copies a case's parties (still encrypted) to the case filed from it. */
export async function copyParties(trx: Kysely<DB>, fromCaseId: string, toCaseId: string): Promise<void> {
  const rows = await trx
    .selectFrom('court_case_parties')
    .selectAll()
    .where('case_id', '=', fromCaseId)
    .execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('court_case_parties')
    .values(rows.map((row) => ({ ...row, case_id: toCaseId })))
    .execute();
}

/** A complaint's parties as a referral message names them (a complaint has no applicants). */
export const complaintParties = (parties: readonly StoredCourtParty[]): CourtParty[] =>
  parties.flatMap((p) => (p.role === 'applicant' ? [] : [{ ...p, role: p.role }]));

/** The parties in full, for the referral message to the organization (decrypted here, never stored in clear). */
export async function loadParties(deps: Deps, db: Kysely<DB>, caseId: string): Promise<StoredCourtParty[]> {
  const rows = await db
    .selectFrom('court_case_parties')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    kind: row.kind,
    role: row.role,
    name: row.name,
    idNumber: decryptField(deps.keys.dataKeys, row.id_number_enc, ID_CONTEXT),
    phone: row.phone_enc ? decryptField(deps.keys.dataKeys, row.phone_enc, PHONE_CONTEXT) : null,
    address: row.address,
  }));
}

export function presentParty(party: StoredCourtParty): PresentedParty {
  return {
    kind: party.kind,
    role: party.role,
    name: party.kind === 'person' ? maskName(party.name) : party.name,
    idNumberMasked: maskIdNumber(party.idNumber),
    phoneMasked: party.phone ? maskPhone(party.phone) : null,
    address: party.kind === 'person' ? null : party.address,
  };
}
