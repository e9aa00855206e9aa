import { type DocumentSignature, drawSignatureBlock } from './signature-block.ts';
import { createPdfDocument, type Doc, MARGIN, MUTED } from './pdf-document.ts';
import { formatChinaDateTime } from './pdf-format.ts';

/** What a court's 民事调解书 shows: the case, the parties (people masked), the claims, the agreed terms, the signature. */
export interface MediationDocumentPdfInput extends DocumentSignature {
  courtName: string;
  caseNumber: string;
  parties: { roleLabel: string; name: string; idNumberMasked: string }[];
  claims: string;
  facts: string;
  organizationName: string | null;
  terms: string;
  amountYuan: string | null;
  issuedAt: Date;
}

const TITLE = '民事调解书';

function section(doc: Doc, heading: string, body: string): void {
  doc.moveDown(0.6).fillColor('black').fontSize(12).text(heading, MARGIN);
  doc.moveDown(0.2).fontSize(10.5).text(body, { align: 'justify', lineGap: 2 });
}

/** The 调解书 a court issues after an entrusted mediation settled, signed with the court platform's key. */
export async function renderMediationDocumentPdf(input: MediationDocumentPdfInput): Promise<Buffer> {
  const { doc, finish } = await createPdfDocument({
    title: `${TITLE} ${input.caseNumber}`,
    author: input.courtName,
    at: input.issuedAt,
  });
  doc.fontSize(16).text(input.courtName, { align: 'center' });
  doc.moveDown(0.3).fontSize(22).text(TITLE, { align: 'center', characterSpacing: 4 });
  doc.moveDown(0.3).fontSize(10.5).fillColor(MUTED).text(input.caseNumber, { align: 'right' });
  doc.fillColor('black').moveDown(0.5);
  for (const p of input.parties) doc.text(`${p.roleLabel}：${p.name}（证件号码 ${p.idNumberMasked}）`);
  section(doc, '诉讼请求', input.claims);
  section(doc, '事实与理由', input.facts);
  const mediated = input.organizationName ? `本院委托${input.organizationName}进行调解，` : '';
  section(doc, '调解结果', `本案审理过程中，${mediated}双方当事人自愿达成如下协议：`);
  doc.moveDown(0.2).text(input.terms, { lineGap: 2 });
  if (input.amountYuan) doc.moveDown(0.2).text(`协议金额：人民币 ${input.amountYuan} 元。`);
  doc
    .moveDown(0.4)
    .text('上述协议，不违反法律规定，本院予以确认。本调解书经双方当事人签收后，即具有法律效力。');
  doc.moveDown(0.8).text(input.courtName, { align: 'right' });
  doc.text(formatChinaDateTime(input.issuedAt), { align: 'right' });
  await drawSignatureBlock(doc, input, '扫描二维码核验本调解书');
  return finish();
}
