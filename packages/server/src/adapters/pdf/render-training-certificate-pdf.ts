import { createPdfDocument, MARGIN } from './pdf-document.ts';
import { formatChinaDate, formatChinaDateTime } from './pdf-format.ts';
import { type DocumentSignature, drawSignatureBlock } from './signature-block.ts';

/** What a training certificate (培训证明) prints: the signed facts and how to verify them. */
export interface TrainingCertificatePdfInput extends DocumentSignature {
  platformName: string;
  traineeName: string;
  traineeOrganization: string | null;
  courseTitle: string;
  organizers: string[];
  mode: 'online' | 'in_person';
  startDate: string;
  endDate: string;
  hours: string;
  creditedOn: string;
  issuedAt: Date;
}

/** The certificate of a completed course, signed with the issuing platform's key. */
export async function renderTrainingCertificatePdf(input: TrainingCertificatePdfInput): Promise<Buffer> {
  const { doc, finish } = await createPdfDocument({
    title: `培训证明 ${input.courseTitle}`,
    author: input.platformName,
    at: input.issuedAt,
  });
  doc.fontSize(14).text(input.platformName, { align: 'center' });
  doc.moveDown(0.4).fontSize(24).text('培 训 证 明', { align: 'center', characterSpacing: 4 });
  doc.moveDown(1.2).fontSize(12).fillColor('black');
  const who = input.traineeOrganization
    ? `${input.traineeName}（${input.traineeOrganization}）`
    : input.traineeName;
  const period =
    input.startDate === input.endDate
      ? formatChinaDate(input.startDate)
      : `${formatChinaDate(input.startDate)}至${formatChinaDate(input.endDate)}`;
  const mode = input.mode === 'online' ? '线上' : '线下';
  doc.text(
    `兹证明 ${who} 于${period}参加由${input.organizers.join('、')}举办的“${input.courseTitle}”（${mode}），完成培训 ${input.hours} 学时，学时计入 ${formatChinaDate(input.creditedOn)}。`,
    MARGIN,
    undefined,
    { align: 'justify', lineGap: 6 },
  );
  doc.moveDown(1.5).text(`主办单位：${input.organizers.join('、')}`, { align: 'right' });
  doc.text(`出具日期：${formatChinaDateTime(input.issuedAt).split(' ')[0]}`, { align: 'right' });
  await drawSignatureBlock(doc, input, '扫描二维码核验本证明', {
    digest: '证明摘要（SM3）',
    key: '平台公钥指纹',
  });
  return finish();
}
