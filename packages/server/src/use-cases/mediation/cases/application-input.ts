import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import { CONSENT_KINDS, type ConsentKind, isConsentKind, isCurrentConsent } from '@sutiao/domain/consents.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';

const MAX_EVIDENCE = INPUT_LIMITS.evidenceFiles;

/** VALIDATION_FAILED with the reason worded in both languages. */
export const invalid = (zh: string, en: string) => appError('VALIDATION_FAILED', { reason: { zh, en } });

/** Trimmed, non-empty, within the limit; the schema checks the raw length, this the meaningful one. */
export function requireText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) throw invalid(`${field} 不能为空`, `${field} must not be empty`);
  if ([...text].length > max)
    throw invalid(`${field} 不能超过 ${max} 个字`, `${field} must be at most ${max} characters`);
  return text;
}

/** A draft's text may still be empty; trimmed and within the limit. */
export function draftText(field: string, value: string, max: number): string {
  const text = value.trim();
  if ([...text].length > max)
    throw invalid(`${field} 不能超过 ${max} 个字`, `${field} must be at most ${max} characters`);
  return text;
}

/** What an application needs: complete text to submit; a draft keeps what has been written so far. */
export function applicationText(field: string, value: string, max: number, submitting: boolean): string {
  return submitting ? requireText(field, value, max) : draftText(field, value, max);
}

export function requirePositiveFen(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw invalid(`${field} 须为正整数（单位：分）`, `${field} must be a positive integer amount in fen`);
  return value;
}

/** Evidence ids must be distinct uploads of the actor's own; someone else's upload is as unknown as a missing one. */
export async function requireOwnUploads(
  db: Kysely<DB>,
  userId: string,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length > MAX_EVIDENCE)
    throw invalid(`证据材料最多 ${MAX_EVIDENCE} 份`, `at most ${MAX_EVIDENCE} evidence files`);
  if (unique.length === 0) return [];
  const owned = await db
    .selectFrom('uploads')
    .select('id')
    .where('id', 'in', unique)
    .where('owner_user_id', '=', userId)
    .execute();
  if (owned.length !== unique.length)
    throw invalid('证据材料须为您本人上传的文件', 'evidenceIds must be your own uploads');
  return unique;
}

/** Consents must name known kinds at the current version; a submission needs every kind. */
export function requireConsents(
  consents: readonly { kind: string; version: string }[],
  submitting: boolean,
): ConsentKind[] {
  const kinds = new Set<ConsentKind>();
  for (const consent of consents) {
    if (!isConsentKind(consent.kind))
      throw invalid(`未知的同意事项 ${consent.kind}`, `unknown consent kind ${consent.kind}`);
    if (!isCurrentConsent(consent.kind, consent.version)) {
      throw invalid(
        `同意书 ${consent.kind} 版本 ${consent.version} 已更新，请阅读最新版本`,
        `consent ${consent.kind} version ${consent.version} is not the current text`,
      );
    }
    kinds.add(consent.kind);
  }
  if (submitting && CONSENT_KINDS.some((kind) => !kinds.has(kind))) {
    throw invalid(
      '提交申请须同意在线调解告知书和个人信息处理授权书',
      `submitting needs consent to: ${CONSENT_KINDS.join(', ')}`,
    );
  }
  return [...kinds];
}
