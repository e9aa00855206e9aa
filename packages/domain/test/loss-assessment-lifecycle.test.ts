import { describe, expect, it } from 'vitest';
import {
  LOSS_ASSESSMENT_LIFECYCLE as E,
  type LossContext,
  type LossEvent,
  type LossState,
} from '../src/lifecycles/loss-assessment.ts';
import { availableEvents, fire, illegalPairs } from '../src/lifecycles/state-machine.ts';

const analyst: LossContext = { isAnalyst: true, isSystem: false, inputsComplete: true };
const system: LossContext = { isAnalyst: false, isSystem: true, inputsComplete: true };
const investor: LossContext = { isAnalyst: false, isSystem: false, inputsComplete: true };

describe('lifecycle E (loss assessment) table', () => {
  const rows: [LossState, LossEvent, LossContext, LossState][] = [
    ['draft', 'update_params', analyst, 'data_ready'],
    ['draft', 'upload_file', { ...analyst, inputsComplete: false }, 'draft'],
    ['data_ready', 'upload_file', { ...analyst, inputsComplete: false }, 'draft'],
    ['calculated', 'upload_file', analyst, 'data_ready'],
    ['calculated', 'update_params', analyst, 'data_ready'],
    ['data_ready', 'run', analyst, 'calculating'],
    ['calculated', 'run', analyst, 'calculating'],
    ['calculating', 'finish', system, 'calculated'],
    ['calculating', 'fail', system, 'data_ready'],
    ['calculated', 'issue', analyst, 'issued'],
  ];
  it.each(rows)('%s --%s--> %s', (from, event, ctx, to) => {
    expect(fire(E, from, event, ctx)).toMatchObject({ ok: true, to });
  });

  it('runs only with complete inputs', () => {
    expect(fire(E, 'data_ready', 'run', { ...analyst, inputsComplete: false })).toEqual({
      ok: false,
      code: 'GUARD_FAILED',
      guard: 'inputs-complete',
    });
  });

  it('lets nobody but the analyst act, and only the system report a run', () => {
    expect(fire(E, 'data_ready', 'run', investor)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(fire(E, 'calculating', 'finish', analyst)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(availableEvents(E, 'calculated', investor)).toEqual([]);
  });

  it('freezes an issued report and a running calculation', () => {
    for (const event of E.events) expect(fire(E, 'issued', event, analyst).ok).toBe(false);
    expect(fire(E, 'calculating', 'upload_file', analyst)).toEqual({ ok: false, code: 'CASE_ILLEGAL_EVENT' });
    expect(illegalPairs(E)).toContainEqual({ state: 'draft', event: 'run' });
  });
});
