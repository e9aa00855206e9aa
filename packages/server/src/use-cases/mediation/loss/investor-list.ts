import { CsvSplitter } from '@sutiao/loss-engine';
import { isValidIdNumber, normalizeIdNumber } from '@sutiao/domain/id-number.ts';
import type { LossProblem } from './loss-problems.ts';

export interface InvestorEntry {
  investorId: string;
  name: string;
  idNumber: string;
}

const COLUMNS = ['investor_id', 'name', 'id_number'] as const;

/** Parses the investor list `investor_id, name, id_number`, collecting every problem with its line and column. */
export function parseInvestorList(
  text: string,
  file: string,
): { entries: InvestorEntry[]; problems: LossProblem[] } {
  const entries: InvestorEntry[] = [];
  const problems: LossProblem[] = [];
  const seen = new Map<string, number>();
  const problem = (line: number, column: number | null, code: string, zh: string, en: string) =>
    problems.push({
      code,
      file,
      line,
      column,
      columnName: column === null ? null : (COLUMNS[column - 1] ?? null),
      zh,
      en,
    });
  let header = true;
  const splitter = new CsvSplitter((raw, line) => {
    const fields = raw.map((f) => f.trim());
    if (header) {
      header = false;
      COLUMNS.forEach((name, i) => {
        if (fields[i] !== name)
          problem(
            line,
            i + 1,
            'MISSING_COLUMN',
            `第 ${i + 1} 列应为 "${name}"`,
            `column ${i + 1} must be "${name}"`,
          );
      });
      return;
    }
    if (fields.length === 1 && fields[0] === '') return;
    if (fields.length !== COLUMNS.length) {
      problem(
        line,
        null,
        'FIELD_COUNT',
        `该行有 ${fields.length} 个字段，应为 3 个`,
        `row has ${fields.length} fields, want 3`,
      );
      return;
    }
    const [investorId = '', name = '', idNumber = ''] = fields;
    let ok = true;
    COLUMNS.forEach((col, i) => {
      if (fields[i] === '') {
        ok = false;
        problem(line, i + 1, 'EMPTY_FIELD', `${col} 为空`, `${col} is empty`);
      }
    });
    if (idNumber !== '' && !isValidIdNumber(idNumber)) {
      ok = false;
      problem(
        line,
        3,
        'BAD_ID_NUMBER',
        '身份证号码格式无效（应为 18 位）',
        'invalid ID number (want 18 characters: 17 digits and a digit or X)',
      );
    }
    const first = seen.get(investorId);
    if (investorId !== '' && first !== undefined) {
      ok = false;
      problem(
        line,
        1,
        'DUPLICATE_INVESTOR',
        `投资者编号与第 ${first} 行重复`,
        `investor_id repeats line ${first}`,
      );
    } else seen.set(investorId, line);
    if (ok) entries.push({ investorId, name, idNumber: normalizeIdNumber(idNumber) });
  });
  splitter.push(text);
  splitter.end();
  if (header) problem(1, null, 'MISSING_COLUMN', '名单文件为空', 'the investor list is empty');
  return { entries, problems };
}
