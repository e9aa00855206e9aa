const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (value: number) => value.toString().padStart(2, '0');

// Fixed UTC+8 rather than the host time zone, so the same input always renders the same bytes.
export function formatChinaDateTime(at: Date): string {
  const t = new Date(at.getTime() + CHINA_OFFSET_MS);
  const date = `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
  return `${date} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** "2026-03-31" → "2026年3月31日"; other text is shown as given. */
export function formatChinaDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : isoDate;
}

/** Long hex → "3045022100ab…9f01c2d3", enough to compare by eye; the full value is in the record. */
export function abbreviateHex(hex: string, head = 16, tail = 8): string {
  return hex.length <= head + tail + 1 ? hex : `${hex.slice(0, head)}…${hex.slice(-tail)}`;
}
