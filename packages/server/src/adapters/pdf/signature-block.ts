import {
  type Doc,
  drawPageNumbers,
  drawVerificationQr,
  keepTogether,
  MARGIN,
  MUTED,
} from './pdf-document.ts';
import { abbreviateHex } from './pdf-format.ts';

/** What the signature block of a signed document (a court's 调解书 or 裁定书, a training certificate) prints. */
export interface DocumentSignature {
  digestSm3: string;
  algorithm: string;
  signatureHex: string;
  publicKeyFingerprint: string;
  verificationCode: string;
  verifyUrl: string;
}

/**
 * The last part of every court document (and of the certificates either platform issues, with their own labels):
 * digest, signature, key fingerprint, where and how to verify, page numbers.
 */
export async function drawSignatureBlock(
  doc: Doc,
  input: DocumentSignature,
  caption: string,
  labels: { digest: string; key: string } = { digest: '文书摘要（SM3）', key: '法院平台公钥指纹' },
): Promise<void> {
  keepTogether(doc, 170);
  doc.moveDown(1).fontSize(12).fillColor('black').text('电子签名与核验', MARGIN);
  doc.fontSize(8.5).fillColor(MUTED);
  doc.text(`${labels.digest}：${input.digestSm3}`);
  doc.text(`${input.algorithm} 签名：${abbreviateHex(input.signatureHex)}`);
  doc.text(`${labels.key}：${abbreviateHex(input.publicKeyFingerprint)}`);
  doc.text(`核验地址：${input.verifyUrl}`);
  doc.moveDown(0.5);
  await drawVerificationQr(doc, { ...input, caption }, MARGIN, doc.y);
  doc.x = MARGIN;
  doc.y += 90;
  drawPageNumbers(doc);
}
