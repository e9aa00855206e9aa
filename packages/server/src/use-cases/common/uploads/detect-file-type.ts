/** The file types accepted as evidence, recognised by their leading bytes rather than the client's claim. */
type AllowedMime = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: ReadonlyArray<{ mime: AllowedMime; bytes: readonly number[] }> = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function detectFileType(data: Uint8Array): AllowedMime | null {
  const match = SIGNATURES.find(({ bytes }) => bytes.every((byte, i) => data[i] === byte));
  return match?.mime ?? null;
}
