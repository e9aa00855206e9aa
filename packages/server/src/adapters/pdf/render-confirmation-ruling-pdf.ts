import {
  createPdfDocument,
  drawPageNumbers,
  drawVerificationQr,
  keepTogether,
  MARGIN,
  MUTED,
} from './pdf-document.ts';
import { abbreviateHex } from './pdf-format.ts';

/** What a judicial confirmation ruling shows: the court's text (domain `rulingText`) and how to verify it. */
export interface ConfirmationRulingPdfInput {
  courtName: string;
  caseNumber: string;
  title: string;
  /** The ruling's paragraphs, as signed. */
  lines: string[];
  issuedAt: Date;
  digestSm3: string;
  algorithm: string;
  signatureHex: string;
  publicKeyFingerprint: string;
  verificationCode: string;
  verifyUrl: string;
}

/** The 民事裁定书 of a judicial confirmation (确认 or 驳回), signed with the court platform's key. */
export async function renderConfirmationRulingPdf(input: ConfirmationRulingPdfInput): Promise<Buffer> {
  const { doc, finish } = await createPdfDocument({
    title: `${input.title} ${input.caseNumber}`,
    author: input.courtName,
    at: input.issuedAt,
  });
  doc.fontSize(16).text(input.courtName, { align: 'center' });
  doc.moveDown(0.3).fontSize(22).text(input.title, { align: 'center', characterSpacing: 4 });
  doc.moveDown(0.3).fontSize(10.5).fillColor(MUTED).text(input.caseNumber, { align: 'right' });
  doc.fillColor('black').moveDown(0.5).fontSize(10.5);
  for (const line of input.lines)
    doc.moveDown(0.25).text(line, MARGIN, undefined, { align: 'justify', lineGap: 2 });
  keepTogether(doc, 170);
  doc.moveDown(1).fontSize(12).fillColor('black').text('电子签名与核验', MARGIN);
  doc.fontSize(8.5).fillColor(MUTED);
  doc.text(`文书摘要（SM3）：${input.digestSm3}`);
  doc.text(`${input.algorithm} 签名：${abbreviateHex(input.signatureHex)}`);
  doc.text(`法院平台公钥指纹：${abbreviateHex(input.publicKeyFingerprint)}`);
  doc.text(`核验地址：${input.verifyUrl}`);
  doc.moveDown(0.5);
  await drawVerificationQr(doc, { ...input, caption: '扫描二维码核验本裁定书' }, MARGIN, doc.y);
  doc.x = MARGIN;
  doc.y += 90;
  drawPageNumbers(doc);
  return finish();
}
