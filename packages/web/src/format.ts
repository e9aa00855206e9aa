import { fenToYuanString, formatFen as formatFenExact, readTypedYuan } from '@sutiao/domain/money.ts';

/** Money and date formatting. Money is integer fen end to end, parsed and formatted by `@sutiao/domain/money.ts`. */

/** A yuan amount typed by a person ("12,345.67", "¥ 100", "0.5") → integer fen, or null when it is not one. */
export const parseYuanToFen = readTypedYuan;

/** Fen → plain yuan string for form fields: 1234567 → "12345.67". */
export { fenToYuanString };

/** 1234567 → "¥12,345.67"; a missing amount shows as a dash. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isSafeInteger(fen)) return '—';
  return formatFenExact(fen);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO time → "2026-11-27 14:05" in the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as YYYY-MM-DD in the browser's zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Calendar days from today to a YYYY-MM-DD date (negative when overdue). */
export function daysUntil(dueDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dueDate);
  if (!m) return null;
  const due = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((due - today) / 86_400_000);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
