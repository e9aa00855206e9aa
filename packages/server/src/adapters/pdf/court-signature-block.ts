import {
  type Doc,
  drawPageNumbers,
  drawVerificationQr,
  keepTogether,
  MARGIN,
  MUTED,
} from './pdf-document.ts';
import { abbreviateHex } from './pdf-format.ts';

/** What the signature block of a court document (调解书, 裁定书) prints. */
export interface CourtSignature {
  digestSm3: string;
  algorithm: string;
  signatureHex: string;
  publicKeyFingerprint: string;
  verificationCode: string;
  verifyUrl: string;
}

/** The last part of every court document: digest, signature, key fingerprint, where and how to verify, page numbers. */
export async function drawCourtSignatureBlock(
  doc: Doc,
  input: CourtSignature,
  caption: string,
): Promise<void> {
  keepTogether(doc, 170);
  doc.moveDown(1).fontSize(12).fillColor('black').text('电子签名与核验', MARGIN);
  doc.fontSize(8.5).fillColor(MUTED);
  doc.text(`文书摘要（SM3）：${input.digestSm3}`);
  doc.text(`${input.algorithm} 签名：${abbreviateHex(input.signatureHex)}`);
  doc.text(`法院平台公钥指纹：${abbreviateHex(input.publicKeyFingerprint)}`);
  doc.text(`核验地址：${input.verifyUrl}`);
  doc.moveDown(0.5);
  await drawVerificationQr(doc, { ...input, caption }, MARGIN, doc.y);
  doc.x = MARGIN;
  doc.y += 90;
  drawPageNumbers(doc);
}
