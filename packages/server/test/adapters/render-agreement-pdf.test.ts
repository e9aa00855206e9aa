import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAgreementPdf } from '../../src/adapters/pdf/render-agreement-pdf.ts';
import { sealedAgreementInput } from './agreement-fixture.ts';

// Text extraction uses Debian's poppler-utils (pdftotext, pdfinfo, pdfimages).
const dir = mkdtempSync(join(tmpdir(), 'sutiao-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdfimages', pdf: Buffer, ...args: string[]): string {
  const file = join(dir, `${tool}.pdf`);
  writeFileSync(file, pdf);
  const output = execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
    encoding: 'utf8',
  });
  return tool === 'pdftotext' ? output.replace(/\s+/g, '') : output;
}

describe('renderAgreementPdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderAgreementPdf(sealedAgreementInput());
  });

  it('is a small PDF with an embedded Noto Sans SC subset', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(200 * 1024);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
  });

  it('extracts as Chinese text with the title, case, terms, signatures and verification details', () => {
    const text = poppler('pdftotext', pdf);
    for (const expected of [
      '调解协议书',
      '（2026）沪证调字第0001号',
      'SZ7K-Q4MP-2XRA',
      '¥12,345.67（人民币壹万贰仟叁佰肆拾伍元陆角柒分）',
      '履行期限：2026年3月31日',
      '申请人：张三',
      '签署时间：2026年2月10日10:15:00',
      'SM2签名：3045022100c1a5f0…25344352',
      '上海证券期货纠纷调解中心（电子签章）',
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      'https://sutiao.example.cn/verify/SZ7K-Q4MP-2XRA',
      '第1页共1页',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds the QR code as an image', () => {
    const rows = poppler('pdfimages', pdf, '-list').trim().split('\n').slice(2);
    const images = rows.map((row) => row.trim().split(/\s+/)).filter((cells) => cells[2] === 'image');
    expect(images.map((cells) => cells.slice(3, 5))).toEqual([['240', '240']]);
  });

  it('renders identical bytes for the same agreement, with CreationDate from sealedAt', async () => {
    const again = await renderAgreementPdf(sealedAgreementInput());
    expect(again.equals(pdf)).toBe(true);
    expect(poppler('pdfinfo', pdf, '-isodates')).toMatch(/CreationDate:\s+2026-02-10T03:30:00/);
  });

  it('numbers every page of a long agreement "第 x 页 共 y 页"', async () => {
    const text = Array.from(
      { length: 60 },
      (_, i) => `第${i + 1}条：双方同意按本协议约定履行各自义务。`,
    ).join('\n');
    const long = await renderAgreementPdf(sealedAgreementInput({ text, facts: undefined }));
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', long))?.[1]);
    expect(pages).toBeGreaterThan(1);
    const extracted = poppler('pdftotext', long);
    for (let page = 1; page <= pages; page++) expect(extracted).toContain(`第${page}页共${pages}页`);
    expect(extracted).toContain('二、协议内容');
  });
});
