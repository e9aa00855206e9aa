/** Trims and upper-cases the check letter, so the same person always gets the same blind index. */
export function normalizeIdNumber(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * An 18-character resident ID number: 17 digits and a digit or X. The GB 11643 check digit is not enforced: lists
 * from brokers carry numbers that fail it, and refusing them would hide those investors' results from them.
 */
export function isValidIdNumber(text: string): boolean {
  return /^\d{17}[\dX]$/.test(normalizeIdNumber(text));
}
