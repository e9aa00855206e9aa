import { usePageText } from '../i18n/page-text.ts';

/** The verify page's strings for what it learned to show: loss reports, and codes that cannot be codes. */
const zh = {
  intro:
    '输入调解协议书、调解笔录、损失核定报告、法院文书（调解书、裁定书）或培训证明上的验证码，核验文书真伪。无需登录。',
  codeMalformed: '验证码为 12 位字母和数字（如 7KQ4-MXTA-93HC），请核对文书末页。',
  agreementKind: '调解协议书',
  reportKind: '损失核定报告',
  kind: '文书类型',
  court: '委托法院',
  issuedAt: '出具时间',
  investors: '投资者人数',
  total: '核定损失合计',
  checks: '核验项目',
  checkContent: '内容完整',
  checkSignature: '平台签名',
  checkResults: '核定结果',
  reportOrganization: '核定机构',
  rulingKind: '民事裁定书（司法确认）',
  mediationDocumentKind: '民事调解书',
  issuingCourt: '出具法院',
  checkCourtSignature: '法院平台签名',
  checkPdf: 'PDF 文件',
  certificateKind: '培训证明',
  trainee: '学员',
  course: '培训课程',
  organizers: '主办单位',
  hours: '学时',
  creditedOn: '学时计入日期',
  pdfNotYet: '尚未下载',
  sessionRecordKind: '在线视频调解笔录',
  sessionTime: '调解时间',
  signers: '签名人',
  checkSignatures: '各方签名',
  checkSeal: '平台签章',
  sealedAt: '签章时间',
};
const en: typeof zh = {
  intro:
    'Enter the verification code printed on a mediation agreement, a loss report a court document (mediation document, ruling) or a training certificate to check it is genuine. No sign-in needed.',
  codeMalformed: 'A code has 12 letters and digits (e.g. 7KQ4-MXTA-93HC); see the last page of the document.',
  agreementKind: 'Mediation agreement',
  reportKind: 'Loss assessment report',
  kind: 'Document',
  court: 'Entrusting court',
  issuedAt: 'Issued',
  investors: 'Investors',
  total: 'Total assessed loss',
  checks: 'Checks',
  checkContent: 'Content intact',
  checkSignature: 'Platform signature',
  checkResults: 'Results',
  reportOrganization: 'Assessed by',
  rulingKind: 'Civil ruling (judicial confirmation)',
  mediationDocumentKind: 'Civil mediation document',
  issuingCourt: 'Issued by',
  checkCourtSignature: 'Court platform signature',
  checkPdf: 'PDF file',
  certificateKind: 'Training certificate',
  trainee: 'Trainee',
  course: 'Course',
  organizers: 'Organized by',
  hours: 'Hours',
  creditedOn: 'Hours counted on',
  pdfNotYet: 'not downloaded yet',
  sessionRecordKind: 'Record of an online video mediation',
  sessionTime: 'Held',
  signers: 'Signed by',
  checkSignatures: 'Signatures',
  checkSeal: 'Platform seal',
  sealedAt: 'Sealed',
};

export const useVerifyText = () => usePageText(zh, en);

// Twelve characters of the code alphabet, with or without dashes and spaces (server: lib/verification-code.ts).
const CODE_SHAPE = /^[3-9A-Za-z]{12}$/;

/** Whether the text can be a verification code at all (the server decides whether it is one). */
export function looksLikeCode(text: string): boolean {
  return CODE_SHAPE.test(text.replace(/[\s-]/g, ''));
}
