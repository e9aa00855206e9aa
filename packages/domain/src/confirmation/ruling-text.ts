import { chineseDate } from '../agreement-template.ts';
import type { IsoDate } from '../calendar/dates.ts';
import { type ConfirmationRejectionGround, isRejectionGround } from '../lifecycles/judicial-confirmation.ts';

/**
 * The text of the 民事裁定书 that ends a judicial confirmation case (民事诉讼法 第二百零五条、第二百零六条): either the
 * mediation agreement is valid — and a party may apply for enforcement if the other does not perform — or the
 * application is rejected — and the parties may change the agreement by mediation, reach a new one, or sue. The
 * ruling takes effect at once (本裁定立即生效).
 */
export interface RulingTextInput {
  /** The confirmation case's number (a 民特 number). */
  caseNumber: string;
  courtName: string;
  applicants: { name: string; side: 'investor' | 'respondent' }[];
  organizationName: string;
  /** The mediation case's number on the platform. */
  agreementCaseNumber: string;
  agreementEffectiveDate: IsoDate;
  /** The agreement's terms, one paragraph per line. */
  agreementTerms: string;
  decision: 'confirmed' | 'rejected';
  /** A code of CONFIRMATION_REJECTION_GROUNDS. */
  rejectionGround?: string | null;
  /** The judge's own words on the reason, added to the finding. */
  reason?: string | null;
  judgeName: string;
  ruledOn: IsoDate;
  /** The day the court accepted the application; the text says 本院受理后 without it. */
  acceptedOn?: IsoDate | null;
}

export interface RulingText {
  title: '民事裁定书';
  /** The court's name, the case number, then the paragraphs; the title is printed between the first two. */
  lines: string[];
}

/** The finding of each rejection ground as it reads after 该调解协议, and the item of 第三百五十八条 it rests on. */
const REJECTION_FINDINGS: Record<ConfirmationRejectionGround, { finding: string; item: string }> = {
  'violates-mandatory-law': { finding: '违反法律强制性规定', item: '一' },
  'harms-public-or-third-party': { finding: '损害国家利益、社会公共利益、他人合法权益', item: '二' },
  'against-public-order': { finding: '违背公序良俗', item: '三' },
  'not-voluntary': { finding: '违反自愿原则', item: '四' },
  'content-unclear': { finding: '内容不明确', item: '五' },
  other: { finding: '存在其他不能进行司法确认的情形', item: '六' },
};

const INTERPRETATION = '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》';

const trimEnd = (text: string) => text.trim().replace(/[。.；;，,\s]+$/, '');

/** The applicants as one phrase: the investors, then 与, then the respondents (张三、李四与某证券股份有限公司). */
export function applicantsPhrase(applicants: RulingTextInput['applicants']): string {
  const names = (side: 'investor' | 'respondent') =>
    applicants
      .filter((applicant) => applicant.side === side)
      .map((applicant) => applicant.name)
      .join('、');
  const investors = names('investor');
  const respondents = names('respondent');
  return investors && respondents ? `${investors}与${respondents}` : investors || respondents;
}

function finding(input: RulingTextInput): string {
  const reason = input.reason?.trim() ? `${trimEnd(input.reason)}，` : '';
  if (input.decision === 'confirmed') {
    return (
      '本院经审查认为，申请人达成的调解协议系双方自愿达成，内容明确，不违反法律、行政法规的强制性规定，' +
      '不损害国家利益、社会公共利益和他人合法权益，不违背公序良俗，符合司法确认调解协议的法定条件。'
    );
  }
  const ground = isRejectionGround(input.rejectionGround) ? REJECTION_FINDINGS[input.rejectionGround] : null;
  const cause = ground
    ? `该调解协议${ground.finding}（${INTERPRETATION}第三百五十八条第${ground.item}项），`
    : '';
  return `本院经审查认为，${reason}${cause}不符合司法确认调解协议的法定条件。`;
}

/** The 民事裁定书 of a judicial confirmation, one paragraph per line. */
export function rulingText(input: RulingTextInput): RulingText {
  const parties = applicantsPhrase(input.applicants);
  const terms = input.agreementTerms
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const accepted = input.acceptedOn ? `本院于${chineseDate(input.acceptedOn)}受理后` : '本院受理后';
  const operative =
    input.decision === 'confirmed'
      ? [
          `申请人${parties}经${input.organizationName}主持调解达成的调解协议有效。`,
          '当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。',
        ]
      : [
          `驳回申请人${parties}的司法确认申请。`,
          '当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。',
        ];
  return {
    title: '民事裁定书',
    lines: [
      input.courtName,
      input.caseNumber,
      ...input.applicants.map((applicant) => `申请人：${applicant.name}。`),
      `申请人${parties}经${input.organizationName}主持调解（调解案号：${input.agreementCaseNumber}），` +
        `达成调解协议，该协议于${chineseDate(input.agreementEffectiveDate)}生效。协议内容如下：`,
      ...terms,
      `申请人${parties}共同向本院申请司法确认。${accepted}，依法指定审判员${input.judgeName}进行了审查。`,
      finding(input),
      '依照《中华人民共和国民事诉讼法》第二百零五条、第二百零六条规定，裁定如下：',
      ...operative,
      '本裁定立即生效。',
      `审判员　${input.judgeName}`,
      chineseDate(input.ruledOn),
    ],
  };
}
