import { Readable } from 'node:stream';
import { cellText, csvLine } from '@sutiao/loss-engine';

/** A ZIP local-file header: every XLSX starts with it, no CSV does. */
export const looksLikeXlsx = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * The first sheet of an XLSX workbook as CSV text, one line per sheet row, so the engine's CSV parsers (and their
 * line numbers in messages) apply unchanged: skipped empty rows become empty lines.
 */
export async function xlsxToCsv(bytes: Uint8Array): Promise<string> {
  // Loaded on the first upload, not at start-up: exceljs takes ~0.5 s to load.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {});
  const lines: string[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      while (lines.length < row.number - 1) lines.push('\n');
      const values = row.values as unknown[];
      const fields: string[] = [];
      for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]));
      lines.push(csvLine(fields));
    }
    break;
  }
  return lines.join('');
}
