import type { Lifecycle, Transition } from './state-machine.ts';

/**
 * Lifecycle E, loss assessment entrustment (DOMAIN §3E): draft → data_ready → calculating → calculated → issued.
 * Data queries (数据质询 ↺) are new uploads or parameter changes: they send a computed assessment back to
 * data_ready (its results are discarded) or to draft when something required is missing.
 */
export const LOSS_STATES = ['draft', 'data_ready', 'calculating', 'calculated', 'issued'] as const;
export type LossState = (typeof LOSS_STATES)[number];

export const LOSS_EVENTS = ['update_params', 'upload_file', 'run', 'finish', 'fail', 'issue'] as const;
export type LossEvent = (typeof LOSS_EVENTS)[number];

export type LossParty = 'analyst' | 'system';
export type LossGuard = 'inputs-complete';

export interface LossContext {
  /** The actor holds loss.assess. */
  isAnalyst: boolean;
  /** The background run reporting back (no user). */
  isSystem: boolean;
  /** Parameters validate and the trades file and investor list are present (after the change being made). */
  inputsComplete: boolean;
}

const readiness = (ctx: LossContext): LossState => (ctx.inputsComplete ? 'data_ready' : 'draft');
const EDITABLE: readonly LossState[] = ['draft', 'data_ready', 'calculated'];

type Row = Transition<LossState, LossEvent, LossGuard, LossParty, LossContext>;

const TRANSITIONS: readonly Row[] = [
  { event: 'update_params', from: EDITABLE, to: readiness, actors: ['analyst'], guards: [] },
  { event: 'upload_file', from: EDITABLE, to: readiness, actors: ['analyst'], guards: [] },
  {
    event: 'run',
    from: ['data_ready', 'calculated'],
    to: 'calculating',
    actors: ['analyst'],
    guards: ['inputs-complete'],
  },
  { event: 'finish', from: ['calculating'], to: 'calculated', actors: ['system'], guards: [] },
  // A failed run keeps the inputs; the analyst fixes them and runs again.
  { event: 'fail', from: ['calculating'], to: 'data_ready', actors: ['system'], guards: [] },
  { event: 'issue', from: ['calculated'], to: 'issued', actors: ['analyst'], guards: [] },
];

export const LOSS_ASSESSMENT_LIFECYCLE: Lifecycle<LossState, LossEvent, LossGuard, LossParty, LossContext> = {
  name: 'loss-assessment',
  states: LOSS_STATES,
  events: LOSS_EVENTS,
  terminalStates: ['issued'],
  guards: {
    'inputs-complete': {
      check: (ctx) => ctx.inputsComplete,
      zh: '参数、交易数据和投资者名单须齐全有效',
      en: 'parameters, trades and the investor list must be complete and valid',
    },
  },
  parties: { analyst: (ctx) => ctx.isAnalyst, system: (ctx) => ctx.isSystem },
  transitions: TRANSITIONS,
};
