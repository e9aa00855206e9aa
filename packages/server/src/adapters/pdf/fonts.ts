import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A CJK font file for pdfkit; `family` selects the face inside a TrueType collection. */
interface CjkFont {
  path: string;
  family?: string;
}

const bundledFont = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
// Debian's fonts-noto-cjk, used if the npm package is missing.
const systemCollection = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

let cached: CjkFont | undefined;

/** Noto Sans SC Regular (OFL) from node_modules, else Debian's Noto Sans CJK collection. */
export function cjkFont(): CjkFont {
  if (cached) return cached;
  try {
    cached = { path: createRequire(import.meta.url).resolve(bundledFont) };
  } catch {
    if (!existsSync(systemCollection)) {
      throw new Error(`No CJK font: install ${bundledFont.split('/400')[0]} or Debian fonts-noto-cjk`);
    }
    cached = { path: systemCollection, family: 'NotoSansCJKsc-Regular' };
  }
  return cached;
}
