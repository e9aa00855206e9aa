import type { Platform } from './api/types.ts';
import type { MessageKey } from './i18n/index.ts';

interface PlatformLook {
  nameKey: MessageKey;
  /** Primary colour; white text on it must reach 4.5:1. */
  primary: string;
  /** Hover/active shade: darker than primary, so text on white stays ≥ 4.5:1. */
  primaryHover: string;
  headerBg: string;
}

export const PLATFORM_LOOK: Record<Platform, PlatformLook> = {
  // Court red (白字对比度 ≈ 7:1).
  court: { nameKey: 'platform.court', primary: '#a61d24', primaryHover: '#7f1d1d', headerBg: '#7f1d1d' },
  // Investor-service blue (白字对比度 ≈ 6:1).
  mediation: {
    nameKey: 'platform.mediation',
    primary: '#1d4ed8',
    primaryHover: '#1e40af',
    headerBg: '#1e3a8a',
  },
};
