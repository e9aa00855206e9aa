import type { LossInputError } from '@sutiao/loss-engine';

/** One problem in an uploaded file or the parameters, located as precisely as the engine knows (LossInputError). */
export interface LossProblem {
  code: string;
  file: string | null;
  line: number | null;
  column: number | null;
  columnName: string | null;
  zh: string;
  en: string;
}

export function toProblem(e: LossInputError): LossProblem {
  return {
    code: e.code,
    file: e.where.file ?? null,
    line: e.where.line ?? null,
    column: e.where.column ?? null,
    columnName: e.where.columnName ?? null,
    zh: e.zh,
    en: e.en,
  };
}

/** Problems in file order, so the table reads top to bottom. */
export function sortProblems(problems: LossProblem[]): LossProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
