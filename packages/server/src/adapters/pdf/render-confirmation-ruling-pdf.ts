import { type DocumentSignature, drawSignatureBlock } from './signature-block.ts';
import { createPdfDocument, MARGIN, MUTED } from './pdf-document.ts';

/** What a judicial confirmation ruling shows: the court's text (domain `rulingText`) and how to verify it. */
export interface ConfirmationRulingPdfInput extends DocumentSignature {
  courtName: string;
  caseNumber: string;
  title: string;
  /** The ruling's paragraphs, as signed. */
  lines: string[];
  issuedAt: Date;
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
  await drawSignatureBlock(doc, input, '扫描二维码核验本裁定书');
  return finish();
}
