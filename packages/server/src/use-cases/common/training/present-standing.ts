import { x10ToHours } from '@sutiao/domain/training/hours.ts';
import type { TrainingStanding } from '@sutiao/domain/training/training-standing.ts';

/** A standing as the API answers it: hours as numbers of hours. */
export function presentStanding(s: TrainingStanding) {
  return {
    status: s.status,
    assignable: s.assignable,
    graceEnds: s.graceEnds,
    previous: {
      year: s.previous.year,
      required: x10ToHours(s.previous.requiredX10),
      earned: x10ToHours(s.previous.earnedX10),
      missing: x10ToHours(s.previous.missingX10),
    },
    current: {
      year: s.current.year,
      required: x10ToHours(s.current.requiredX10),
      earned: x10ToHours(s.current.earnedX10),
    },
  };
}

export type StandingView = ReturnType<typeof presentStanding>;
