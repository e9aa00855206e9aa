import type { LossReportPdfInput, LossReportRow } from './loss-report-pdf-input.ts';
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

export type { LossReportPdfInput, LossReportRow } from './loss-report-pdf-input.ts';

const TITLE = '损失核定意见书';

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).fillColor('black').fontSize(13).text(text, MARGIN).moveDown(0.3).fontSize(10.5);
}

function line(doc: Doc, label: string, value: string): void {
  doc.fillColor(MUTED).text(`${label}：`, { continued: true }).fillColor('black').text(value);
}

const COLUMNS: { key: keyof LossReportRow; label: string; width: number }[] = [
  { key: 'investorId', label: '投资者编号', width: 62 },
  { key: 'nameMasked', label: '姓名', width: 36 },
  { key: 'N', label: '可索赔股数', width: 44 },
  { key: 'C', label: '买入均价', width: 48 },
  { key: 'Ns', label: '卖出股数', width: 38 },
  { key: 'Nh', label: '持有股数', width: 38 },
  { key: 'B', label: '基准价', width: 40 },
  { key: 'L_deducted', label: '扣除后损失', width: 50 },
  { key: 'fees', label: '佣金印花税', width: 44 },
  { key: 'interest', label: '利息', width: 36 },
  { key: 'total', label: '核定金额', width: 48 },
];

function tableRow(doc: Doc, cells: string[], bold = false): void {
  keepTogether(doc, 24);
  const top = doc.y;
  let x = MARGIN;
  let bottom = top;
  doc.fontSize(7).fillColor(bold ? 'black' : '#222222');
  COLUMNS.forEach((c, i) => {
    doc.text(cells[i] ?? '', x, top, { width: c.width - 3 });
    bottom = Math.max(bottom, doc.y);
    x += c.width;
  });
  doc.x = MARGIN;
  doc.y = bottom + 2;
}

function drawSummary(doc: Doc, input: LossReportPdfInput): void {
  doc.fontSize(22).text(TITLE, { align: 'center', characterSpacing: 4 });
  doc.moveDown(0.4).fontSize(10.5).fillColor(MUTED);
  doc.text(`委托法院案号：${input.caseNumber}`, { align: 'center' });
  doc.text(`核定机构：${input.organizationName}`, { align: 'center' });
  heading(doc, '一、委托情况');
  line(doc, '委托法院', input.courtName);
  line(doc, '委托日期', formatChinaDate(input.entrustedOn));
  line(doc, '出具时间', formatChinaDateTime(input.issuedAt));
  heading(doc, '二、核定参数');
  for (const p of input.parameterLines) doc.text(p);
  heading(doc, '三、核定结果汇总');
  const s = input.summary;
  line(doc, '投资者人数', `${s.investors} 人`);
  line(doc, '有损失人数', `${s.withLoss} 人`);
  line(doc, '无损失人数', `${s.zeroLoss} 人`);
  line(doc, '核定损失合计（元）', s.totals.total ?? '0.00');
  doc.fontSize(9).fillColor(MUTED).moveDown(0.3);
  doc.text('本意见书为咨询意见，不属于司法鉴定意见；各投资者明细见附件。', { align: 'left' });
}

async function drawClosing(doc: Doc, input: LossReportPdfInput): Promise<void> {
  keepTogether(doc, 170);
  heading(doc, '四、电子签章与核验');
  doc.fontSize(8.5).fillColor(MUTED);
  doc.text(`报告摘要（SM3）：${input.digestSm3}`);
  doc.text(`${input.algorithm} 签名：${abbreviateHex(input.signatureHex)}`);
  doc.text(`平台公钥指纹：${abbreviateHex(input.publicKeyFingerprint)}`);
  doc.text(`核验地址：${input.verifyUrl}`);
  doc.moveDown(0.5);
  await drawVerificationQr(doc, { ...input, caption: '扫描二维码核验本意见书' }, MARGIN, doc.y);
  doc.x = MARGIN;
  doc.y += 90;
}

function drawAppendix(doc: Doc, input: LossReportPdfInput): void {
  doc.addPage();
  doc.fontSize(13).fillColor('black').text('附件：投资者损失核定明细（单位：股、元）', MARGIN);
  doc.moveDown(0.5);
  tableRow(
    doc,
    COLUMNS.map((c) => c.label),
    true,
  );
  for (const r of input.rows)
    tableRow(
      doc,
      COLUMNS.map((c) => r[c.key]),
    );
}

/** The signed loss assessment report: summary, signature and verification QR, then the per-investor appendix. */
export async function renderLossReportPdf(input: LossReportPdfInput): Promise<Buffer> {
  const { doc, finish } = await createPdfDocument({
    title: `${TITLE} ${input.caseNumber}`,
    author: input.organizationName,
    at: input.issuedAt,
  });
  drawSummary(doc, input);
  await drawClosing(doc, input);
  drawAppendix(doc, input);
  drawPageNumbers(doc);
  return finish();
}
