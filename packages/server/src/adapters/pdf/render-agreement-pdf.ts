import type { AgreementPdfInput } from './agreement-pdf-input.ts';
import { amountInChinese, formatFen } from '@sutiao/domain/money.ts';
import {
  createPdfDocument,
  type Doc,
  drawPageNumbers,
  drawVerificationQr,
  keepTogether,
  MARGIN,
  MUTED,
} from './pdf-document.ts';
import { abbreviateHex, formatChinaDate, formatChinaDateTime } from './pdf-format.ts';

export type { AgreementPdfInput } from './agreement-pdf-input.ts';

const SEAL_RED = '#c0392b';

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).fillColor('black').fontSize(13).text(text).moveDown(0.3).fontSize(10.5);
}

function line(doc: Doc, label: string, value: string): void {
  doc.fillColor(MUTED).text(`${label}：`, { continued: true }).fillColor('black').text(value);
}

function drawBody(doc: Doc, input: AgreementPdfInput): void {
  doc.fontSize(22).text(input.title ?? '调解协议书', { align: 'center', characterSpacing: 4 });
  doc.moveDown(0.4).fontSize(10.5).fillColor(MUTED);
  doc.text(`案号：${input.caseNumber}`, { align: 'center' });
  doc.text(`调解组织：${input.organizationName}`, { align: 'center' });

  heading(doc, '一、当事人');
  for (const party of input.parties) {
    line(doc, party.role, party.idMasked ? `${party.name}（证件号码：${party.idMasked}）` : party.name);
  }
  if (input.facts) {
    heading(doc, '二、案件事实');
    doc.text(input.facts, { paragraphGap: 4 });
  }
  heading(doc, input.facts ? '三、协议内容' : '二、协议内容');
  for (const paragraph of input.text.split(/\n+/).filter((p) => p.trim())) {
    doc.text(paragraph.trim(), { indent: 21, paragraphGap: 4, align: 'justify' });
  }
  doc.moveDown(0.4);
  const { amountFen, paymentTerms, dueDate } = input.terms;
  line(doc, '给付金额', `${formatFen(amountFen)}（${amountInChinese(amountFen)}）`);
  line(doc, '履行方式', paymentTerms);
  line(doc, '履行期限', formatChinaDate(dueDate));
}

function drawSignatures(doc: Doc, input: AgreementPdfInput): void {
  heading(doc, input.facts ? '四、电子签名' : '三、电子签名');
  for (const signature of input.signatures) {
    keepTogether(doc, 48);
    line(doc, signature.role, `${signature.name}    签署时间：${formatChinaDateTime(signature.signedAt)}`);
    doc.fontSize(8.5).fillColor(MUTED);
    doc.text(`${signature.algorithm} 签名：${abbreviateHex(signature.signatureHex)}`, { indent: 21 });
    doc.text(`公钥指纹：${abbreviateHex(signature.publicKeyFingerprint)}`, { indent: 21 });
    doc.fontSize(10.5).fillColor('black').moveDown(0.3);
  }
}

function drawSeal(doc: Doc, input: AgreementPdfInput, top: number): void {
  const width = 250;
  const left = doc.page.width - MARGIN - width;
  doc.lineWidth(1.5).roundedRect(left, top, width, 70, 6).stroke(SEAL_RED);
  const options = { width: width - 20 };
  doc
    .fillColor(SEAL_RED)
    .fontSize(11)
    .text(`${input.organizationSeal.name}（电子签章）`, left + 10, top + 8, options);
  doc.fontSize(8.5).text(`签章时间：${formatChinaDateTime(input.sealedAt)}`, options);
  doc.text(`签章：${abbreviateHex(input.organizationSeal.signatureHex)}`, options);
}

/** The organization's seal beside the verification QR code, then the digest, kept on one page. */
async function drawClosing(doc: Doc, input: AgreementPdfInput): Promise<void> {
  keepTogether(doc, 150);
  doc.moveDown(0.8);
  const top = doc.y;
  drawSeal(doc, input, top);
  await drawVerificationQr(doc, { ...input, caption: '扫描二维码核验本协议' }, MARGIN, top);
  const width = doc.page.width - 2 * MARGIN;
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(`文书摘要（SM3）：${input.digestSm3}`, MARGIN, top + 96, { width });
  doc.text(`核验地址：${input.verifyUrl}`, { width });
  doc.fillColor('black').fontSize(10.5);
}

/** Renders the signed mediation agreement as an A4 PDF with an embedded Noto Sans SC subset. */
export async function renderAgreementPdf(input: AgreementPdfInput): Promise<Buffer> {
  const title = input.title ?? '调解协议书';
  const { doc, finish } = await createPdfDocument({
    title: `${title} ${input.caseNumber}`,
    author: input.organizationName,
    at: input.sealedAt,
  });
  drawBody(doc, input);
  drawSignatures(doc, input);
  await drawClosing(doc, input);
  drawPageNumbers(doc);
  return finish();
}
