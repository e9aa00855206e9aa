/**
 * The formats a signed envelope can have. The format tag `sutiao.<kind>.v<version>` sits inside what is signed (as
 * the `format` field), so nobody can relabel a signed text as another kind or version; a verifier refuses any tag
 * it does not list here.
 */

/** What a signature covers: the SM3 digest's 64 hex characters, or the canonical text itself (both as UTF-8). */
export type SignedPart = 'digest' | 'text';

export interface KindFormat {
  signs: SignedPart;
  /** Whether the signed text carries the public verification code (`verificationCode`) printed on the document. */
  verificationCode: boolean;
}

/**
 * Version 1 is byte for byte the format agreements, seals and loss reports were stored in before this module, so
 * every stored record still verifies: parties and the loss report sign the digest, the seal signs its canonical text.
 */
const VERSION_1 = {
  /** A party's signature on a mediation agreement; its code comes later, with the seal. */
  agreement: { signs: 'digest', verificationCode: false },
  /** The mediation organization's seal over the agreement digest and the party signatures. */
  'agreement-seal': { signs: 'text', verificationCode: true },
  /** The platform's signature on a loss assessment report (损失核定意见书). */
  'loss-report': { signs: 'digest', verificationCode: true },
  /** The court platform's signature on a 民事调解书 it issues (lifecycle C). */
  'mediation-document': { signs: 'digest', verificationCode: true },
  /** The court platform's signature on a judicial confirmation ruling (民事裁定书, lifecycle D). */
  'confirmation-ruling': { signs: 'digest', verificationCode: true },
  /** A platform's signature on a training certificate (培训证明) it issues when a course is completed. */
  'training-certificate': { signs: 'digest', verificationCode: true },
  /** A participant's signature on the record (笔录) of an audio/video session; its code comes with the seal. */
  'session-record': { signs: 'digest', verificationCode: false },
  /** The mediation platform's seal over a session record's digest and its participants' signatures. */
  'session-record-seal': { signs: 'text', verificationCode: true },
} as const satisfies Record<string, KindFormat>;

export type EnvelopeKind = keyof typeof VERSION_1;

const FORMATS: Readonly<Record<number, Readonly<Record<EnvelopeKind, KindFormat>>>> = { 1: VERSION_1 };

/** The version new envelopes are sealed in. */
export const CURRENT_FORMAT_VERSION = 1;

export const formatTag = (kind: EnvelopeKind, version: number) => `sutiao.${kind}.v${version}`;

/** The rules for a tag, or why it can't be read. */
export function readFormatTag(
  tag: unknown,
):
  | { kind: string; version: number; format: KindFormat | undefined }
  | 'malformed'
  | 'unknown-format-version' {
  const match = typeof tag === 'string' ? /^sutiao\.([a-z][a-z0-9-]*)\.v([1-9][0-9]{0,5})$/.exec(tag) : null;
  if (!match) return 'malformed';
  const [, kind = '', digits = ''] = match;
  const version = Number(digits);
  const kinds = FORMATS[version];
  if (!kinds) return 'unknown-format-version';
  return { kind, version, format: Object.hasOwn(kinds, kind) ? kinds[kind as EnvelopeKind] : undefined };
}

export function kindFormat(kind: EnvelopeKind, version: number): KindFormat {
  const format = FORMATS[version]?.[kind];
  if (!format) throw new Error(`no envelope format ${formatTag(kind, version)}`);
  return format;
}
