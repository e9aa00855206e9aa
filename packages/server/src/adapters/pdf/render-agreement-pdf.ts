import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { AgreementPdfInput } from './agreement-pdf-input.ts';
import { amountInChinese, formatYuan } from './amount-in-chinese.ts';
import { cjkFont } from './fonts.ts';
import { abbreviateHex, formatChinaDate, formatChinaDateTime } from './pdf-format.ts';

export type { AgreementPdfInput } from './agreement-pdf-input.ts';

type Doc = PDFKit.PDFDocument;

const MARGIN = 56;
const SEAL_RED = '#c0392b';
const MUTED = '#555555';

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).fillColor('black').fontSize(13).text(text).moveDown(0.3).fontSize(10.5);
}

function line(doc: Doc, label: string, value: string): void {
  doc.fillColor(MUTED).text(`${label}：`, { continued: true }).fillColor('black').text(value);
}

/** Starts a new page when fewer than `height` points remain, so a block is never split. */
function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
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
  line(doc, '给付金额', `${formatYuan(amountFen)}（${amountInChinese(amountFen)}）`);
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

async function drawVerification(doc: Doc, input: AgreementPdfInput, top: number): Promise<void> {
  const qr = await QRCode.toBuffer(input.verifyUrl, { type: 'png', margin: 1, width: 240 });
  const size = 84;
  doc.image(qr, MARGIN, top, { width: size, height: size });
  const options = { width: 130 };
  doc
    .fillColor('black')
    .fontSize(10.5)
    .text('验证码', MARGIN + size + 10, top + 4, options);
  doc.text(input.verificationCode, options);
  doc.fontSize(8.5).fillColor(MUTED).text('扫描二维码核验本协议', options);
}

/** The organization's seal beside the verification QR code, then the digest, kept on one page. */
async function drawClosing(doc: Doc, input: AgreementPdfInput): Promise<void> {
  keepTogether(doc, 150);
  doc.moveDown(0.8);
  const top = doc.y;
  drawSeal(doc, input, top);
  await drawVerification(doc, input, top);
  const width = doc.page.width - 2 * MARGIN;
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(`文书摘要（SM3）：${input.digestSm3}`, MARGIN, top + 96, { width });
  doc.text(`核验地址：${input.verifyUrl}`, { width });
  doc.fillColor('black').fontSize(10.5);
}

function drawPageNumbers(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // Writing inside the margin would otherwise start a new page.
    doc.fontSize(9).fillColor(MUTED);
    doc.text(`第 ${i + 1} 页 共 ${count} 页`, 0, doc.page.height - 36, {
      width: doc.page.width,
      align: 'center',
    });
    doc.page.margins.bottom = bottom;
  }
}

/** Renders the signed mediation agreement as an A4 PDF with an embedded Noto Sans SC subset. */
export async function renderAgreementPdf(input: AgreementPdfInput): Promise<Buffer> {
  const title = input.title ?? '调解协议书';
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${title} ${input.caseNumber}`,
      Author: input.organizationName,
      Producer: 'Sutiao',
      Creator: 'Sutiao',
      CreationDate: input.sealedAt,
      ModDate: input.sealedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const font = cjkFont();
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  drawBody(doc, input);
  drawSignatures(doc, input);
  await drawClosing(doc, input);
  drawPageNumbers(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
