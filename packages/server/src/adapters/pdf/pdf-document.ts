import { cjkFont } from './fonts.ts';

export type Doc = PDFKit.PDFDocument;

export const MARGIN = 56;
export const MUTED = '#555555';

/** An A4 document with the CJK font selected and its bytes collected; `finish()` ends it and returns them. */
export async function createPdfDocument(info: { title: string; author: string; at: Date }): Promise<{
  doc: Doc;
  finish: () => Promise<Buffer>;
}> {
  // Loaded on the first PDF, not at start-up: pdfkit and its font stack take ~0.3 s to load.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Producer: 'Sutiao',
      Creator: 'Sutiao',
      // Fixed dates so the same input always renders the same bytes.
      CreationDate: info.at,
      ModDate: info.at,
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
  return {
    doc,
    async finish() {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

/** "第 n 页 共 m 页" at the foot of every buffered page. */
export function drawPageNumbers(doc: Doc): void {
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

/** A verification QR code with its code beside it, top-left at (left, top). */
export async function drawVerificationQr(
  doc: Doc,
  input: { verifyUrl: string; verificationCode: string; caption: string },
  left: number,
  top: number,
): Promise<void> {
  const { default: QRCode } = await import('qrcode');
  const qr = await QRCode.toBuffer(input.verifyUrl, { type: 'png', margin: 1, width: 240 });
  const size = 84;
  doc.image(qr, left, top, { width: size, height: size });
  const options = { width: 130 };
  doc
    .fillColor('black')
    .fontSize(10.5)
    .text('验证码', left + size + 10, top + 4, options);
  doc.text(input.verificationCode, options);
  doc.fontSize(8.5).fillColor(MUTED).text(input.caption, options);
}

/** Starts a new page when fewer than `height` points remain, so a block is never split. */
export function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}
