import { formatFen } from './money.ts';

/** What the standard text of a 调解协议书 is written from: the case's facts and the terms the mediator set. */
interface AgreementTemplateInput {
  caseNumber: string;
  organizationName: string;
  investorName: string;
  respondentName: string;
  mediatorName: string;
  /** The applicant's requests (申请人请求) as filed. */
  requests: string;
  terms: { amountFen: number; paymentTerms: string; dueDate: string };
}

/** "2026-03-31" → "2026年3月31日", as the parties read dates in the agreement. */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : isoDate;
}

/**
 * The standard agreement text (one paragraph per line). It repeats the terms in words so the signed text alone
 * states the obligation; the PDF adds the amount in capital numerals beside it.
 */
export function agreementText(input: AgreementTemplateInput): string {
  const { terms } = input;
  const requests = input.requests.trim().replace(/\s+/g, ' ');
  return [
    `申请人${input.investorName}与被申请人${input.respondentName}证券期货纠纷一案（案号：${input.caseNumber}），` +
      `由${input.organizationName}受理，调解员${input.mediatorName}主持调解。申请人的请求为：${requests}`,
    '经调解，双方当事人在平等自愿、协商一致的基础上，达成如下协议：',
    `一、被申请人于${chineseDate(terms.dueDate)}前向申请人支付人民币${formatFen(terms.amountFen)}。`,
    `二、履行方式：${terms.paymentTerms.trim().replace(/[。.；;，,\s]+$/, '')}。`,
    '三、被申请人按本协议履行完毕后，双方就本纠纷再无其他争议，申请人不再就同一事实向被申请人主张权利。',
    `四、本协议经双方当事人、调解员签署并由${input.organizationName}加盖电子印章后生效，对双方具有法律约束力，当事人应当按照约定履行。`,
    '五、双方当事人可以自本协议生效之日起三十日内，共同向有管辖权的人民法院申请司法确认。',
  ].join('\n');
}
