/**
 * Consent texts an applicant accepts before submitting, as versioned data. A new version is a new entry: consents
 * given to an older version stay recorded against it, and a submission must carry the current version of each kind.
 */
export const CONSENT_KINDS = ['online-mediation', 'personal-data'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

interface ConsentText {
  readonly kind: ConsentKind;
  readonly version: string;
  readonly title: string;
  readonly text: string;
}

export const CURRENT_CONSENTS: Readonly<Record<ConsentKind, ConsentText>> = {
  'online-mediation': {
    kind: 'online-mediation',
    version: '2026-01',
    title: '在线调解告知书及同意书',
    text:
      '本人自愿通过中国投资者网在线调解平台申请调解，同意以在线方式进行材料提交、调解会议、文书送达与电子签名。' +
      '调解遵循自愿、合法原则，调解不成的，本人可依法通过诉讼、仲裁等途径解决纠纷。' +
      '本人承诺所提交的材料真实、完整，如有虚假，愿承担相应法律责任。',
  },
  'personal-data': {
    kind: 'personal-data',
    version: '2026-01',
    title: '个人信息处理授权书',
    text:
      '为办理本调解案件，本人同意平台在必要范围内收集、存储、使用本人的身份信息、联系方式、交易记录等个人信息，' +
      '并提供给受理调解组织、调解员及被申请人。平台对身份证件号码、联系电话等敏感信息加密存储，' +
      '在列表中脱敏显示，仅经授权人员可查看完整信息，且每次查看均记录审计日志。',
  },
};

export function isConsentKind(value: unknown): value is ConsentKind {
  return typeof value === 'string' && (CONSENT_KINDS as readonly string[]).includes(value);
}

export function isCurrentConsent(kind: string, version: string): boolean {
  return isConsentKind(kind) && CURRENT_CONSENTS[kind].version === version;
}
