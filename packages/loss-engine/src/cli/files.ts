import { createReadStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { inputError } from '../errors';
import { cellText } from '../io/cell-text';
import { CsvSplitter, feedAsync } from '../io/csv';

/** exceljs is loaded only for XLSX files (it costs ~0.1 s of start-up). */
const excel = async () => (await import('exceljs')).default;

export const isXlsx = (path: string): boolean => path.toLowerCase().endsWith('.xlsx');

/** Streams records (fields + 1-based line/row number) of a CSV or the first sheet of an XLSX file. */
export async function readRecords(
  path: string,
  onRecord: (fields: string[], line: number) => void,
  onBytes?: (read: number, total: number) => void,
): Promise<void> {
  let size = 0;
  try {
    size = (await stat(path)).size;
  } catch {
    throw inputError('FILE', `无法读取文件 ${path}`, `cannot read file ${path}`, { file: path });
  }
  if (isXlsx(path)) {
    const ExcelJS = await excel();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {});
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const fields: string[] = [];
        for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]));
        onRecord(fields, row.number);
      }
      break;
    }
    return;
  }
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let read = 0;
  const splitter = new CsvSplitter(onRecord);
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      onBytes?.(read, size);
      yield chunk;
    }
  }
  await feedAsync(counted(), splitter);
}

/** Whole small file as CSV text (XLSX converted), for market data and corporate actions. */
export async function readSmallAsCsv(path: string): Promise<string> {
  if (!isXlsx(path)) {
    try {
      return await readFile(path, 'utf8');
    } catch {
      throw inputError('FILE', `无法读取文件 ${path}`, `cannot read file ${path}`, { file: path });
    }
  }
  const lines: string[] = [];
  await readRecords(path, (f) => lines.push(f.join(',')));
  return `${lines.join('\n')}\n`;
}

/** Writes to `<path>.tmp-<pid>` and renames, so `path` is never half-written. */
export async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}${isXlsx(path) ? '.xlsx' : ''}`;
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Streams rows to an XLSX file (exceljs streaming writer); every cell a string, so values stay exact. */
export async function writeXlsx(
  path: string,
  header: readonly string[],
  rows: Iterable<string[]>,
): Promise<void> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('results');
  ws.addRow([...header]).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}
