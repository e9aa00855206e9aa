import { describe, expect, it } from 'vitest';
import {
  DIRECT_EVENT_LABELS,
  DIRECT_EVENTS,
  DIRECT_STATE_LABELS,
  DIRECT_STATES,
  FAILURE_REASONS,
  isFailureReasonCode,
  isRefusalReasonCode,
  isTrack,
  REFUSAL_REASONS,
  TRACK_LABELS,
  TRACKS,
} from '../src/lifecycles/direct-application-codes.ts';
import {
  DEADLINE_KIND_LABELS,
  DIRECT_DEADLINES,
  TRACK_MEDIATION_PERIODS,
} from '../src/lifecycles/direct-application-deadlines.ts';
import { DIRECT_GUARDS } from '../src/lifecycles/direct-application-guards.ts';

const HAN = /[\u4e00-\u9fa5]/;

describe('lifecycle A catalogues', () => {
  it('labels every state, event, track and reason in zh and en', () => {
    const catalogues = [
      ...DIRECT_STATES.map((s) => DIRECT_STATE_LABELS[s]),
      ...DIRECT_EVENTS.map((e) => DIRECT_EVENT_LABELS[e]),
      ...TRACKS.map((t) => TRACK_LABELS[t]),
      ...Object.values(REFUSAL_REASONS),
      ...Object.values(FAILURE_REASONS),
      ...Object.values(DIRECT_GUARDS),
      ...Object.values(DEADLINE_KIND_LABELS),
    ];
    for (const labels of catalogues) {
      expect(labels.zh).toMatch(HAN);
      expect(labels.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('every deadline kind has a label', () => {
    const kinds = [...Object.values(DIRECT_DEADLINES), ...Object.values(TRACK_MEDIATION_PERIODS)].map(
      (r) => r.kind,
    );
    for (const kind of [...kinds, 'payment']) expect(DEADLINE_KIND_LABELS[kind], kind).toBeDefined();
  });

  it('documents the default periods', () => {
    expect(DIRECT_DEADLINES.registration.count).toBe(0);
    expect(DIRECT_DEADLINES.consultation).toMatchObject({ unit: 'working-days', count: 2 });
    expect(DIRECT_DEADLINES.acceptance).toMatchObject({ unit: 'working-days', count: 3 });
    expect(TRACK_MEDIATION_PERIODS).toEqual({
      'small-claim': { kind: 'mediation', unit: 'working-days', count: 15 },
      simple: { kind: 'mediation', unit: 'calendar-days', count: 30 },
      ordinary: { kind: 'mediation', unit: 'calendar-days', count: 60 },
      complex: { kind: 'mediation', unit: 'calendar-days', count: 90 },
    });
  });

  it('type guards recognise only catalogue codes', () => {
    expect(isTrack('small-claim')).toBe(true);
    expect(isTrack('fast')).toBe(false);
    expect(isRefusalReasonCode('respondent-unwilling')).toBe(true);
    expect(isRefusalReasonCode('toString')).toBe(false);
    expect(isFailureReasonCode('amount-gap')).toBe(true);
    expect(isFailureReasonCode(undefined)).toBe(false);
  });
});
