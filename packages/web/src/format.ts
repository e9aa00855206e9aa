/** Money and date formatting. Money is integer fen end to end; yuan strings are parsed digit by digit, never via floats. */

const YUAN_PATTERN = /^(\d{1,13})(?:\.(\d{0,2}))?$/;

/** Largest claim accepted by the client: ¥ 99,999,999,999.99 (well inside Number.MAX_SAFE_INTEGER fen). */
export const MAX_FEN = 9_999_999_999_999;

/**
 * Parses a yuan amount typed by a person ("12,345.67", "¥ 100", "0.5") into integer fen.
 * Returns null for anything that is not a non-negative amount with at most two decimals.
 */
export function parseYuanToFen(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/[,，\s]/g, '');
  const match = YUAN_PATTERN.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  // Concatenate digits: "12345" + "67" → 1234567 fen, so no binary fraction is ever involved.
  const fen = Number(`${whole}${fraction}`);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return null;
  return fen;
}

const groupFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 → "¥12,345.67". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${groupFormat.format(yuan)}.${cents}`;
}

/** Fen → plain yuan string for form fields: 1234567 → "12345.67". */
export function fenToYuanString(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
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

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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
