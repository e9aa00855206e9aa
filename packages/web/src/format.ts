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

// Beijing time has no daylight saving: UTC+8 all year. Shown so, whatever the viewer's own zone, like the PDFs.
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing wall-clock fields of an instant (read with getUTC*). */
function beijing(d: Date): Date {
  return new Date(d.getTime() + BEIJING_OFFSET_MS);
}

/** ISO time → "2026-11-27 14:05 (UTC+8)", in Beijing time as the PDFs print it, whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const b = beijing(d);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())} (UTC+8)`;
}

/** Today as YYYY-MM-DD in Beijing (the date deadlines and due dates are counted in). */
export function todayIso(): string {
  const b = beijing(new Date());
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())}`;
}

/** A YYYY-MM-DD date `days` calendar days later. */
export function addIsoDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from today to a YYYY-MM-DD date (negative when overdue). */
export function daysUntil(dueDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dueDate);
  if (!m) return null;
  const due = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const now = beijing(new Date());
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((due - today) / 86_400_000);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** A datetime-local value read as Beijing time, the time courses and sessions are announced in. */
export const beijingIso = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;
