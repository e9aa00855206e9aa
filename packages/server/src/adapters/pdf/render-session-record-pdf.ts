import { createPdfDocument, MARGIN, MUTED } from './pdf-document.ts';
import { abbreviateHex, formatChinaDateTime } from './pdf-format.ts';
import { type DocumentSignature, drawSignatureBlock } from './signature-block.ts';

/** What a session record (调解笔录) prints: the session, who sat in it, the text, each signature, the seal. */
export interface SessionRecordPdfInput extends DocumentSignature {
  platformName: string;
  caseNumber: string | null;
  openedAt: Date | null;
  endedAt: Date | null;
  participants: { name: string; roleLabel: string }[];
  text: string;
  /** The record's own digest, which each participant signed. */
  recordDigestSm3: string;
  signatures: { name: string; roleLabel: string; signedAt: Date; algorithm: string; signatureHex: string }[];
  sealedAt: Date;
}

/** The sealed record of an online audio/video mediation session, signed by its participants and the platform. */
export async function renderSessionRecordPdf(input: SessionRecordPdfInput): Promise<Buffer> {
  const { doc, finish } = await createPdfDocument({
    title: `调解笔录 ${input.caseNumber ?? ''}`.trim(),
    author: input.platformName,
    at: input.sealedAt,
  });
  doc.fontSize(14).text(input.platformName, { align: 'center' });
  doc.moveDown(0.3).fontSize(22).text('调 解 笔 录', { align: 'center', characterSpacing: 4 });
  doc
    .moveDown(0.3)
    .fontSize(10.5)
    .fillColor(MUTED)
    .text(input.caseNumber ?? '', { align: 'right' });
  doc.fillColor('black').moveDown(0.5).fontSize(10.5);
  doc.text('方式：在线音视频调解', MARGIN);
  if (input.openedAt && input.endedAt)
    doc.text(`时间：${formatChinaDateTime(input.openedAt)} 至 ${formatChinaDateTime(input.endedAt)}`);
  doc.text(`参加人：${input.participants.map((p) => `${p.name}（${p.roleLabel}）`).join('、')}`);
  doc.moveDown(0.6).fontSize(12).text('笔录内容');
  doc.moveDown(0.2).fontSize(10.5).text(input.text, { align: 'justify', lineGap: 2 });
  doc.moveDown(0.8).fontSize(12).text('参加人签名');
  doc.fontSize(9).fillColor(MUTED).text(`笔录摘要（SM3）：${input.recordDigestSm3}`);
  for (const s of input.signatures) {
    doc
      .fillColor('black')
      .fontSize(10.5)
      .text(`${s.name}（${s.roleLabel}）  ${formatChinaDateTime(s.signedAt)}`);
    doc
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`${s.algorithm} 签名：${abbreviateHex(s.signatureHex)}`);
  }
  await drawSignatureBlock(doc, input, '扫描二维码核验本笔录', {
    digest: '签章摘要（SM3）',
    key: '平台公钥指纹',
  });
  return finish();
}
