import type { DockingMessageType } from './message-types.ts';

/**
 * Where a case stands on the link, in a vocabulary both platforms share (their own lifecycles differ). Each side
 * derives it from the messages of the case: those it wrote and those it applied. Reconciliation compares the two.
 */
export const LINK_STATES = [
  'none',
  'referred',
  'received',
  'declined',
  'closed',
  'withdrawn',
  'concluded',
] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** The state a message moves the case to; extension and progress keep it where it is. */
const MOVES: Record<DockingMessageType, LinkState | null> = {
  'directory.sync': null,
  'link.reconciliation': null,
  'case.delegate': 'referred',
  'case.entrust': 'referred',
  'case.receipt': 'received',
  'case.decline': 'declined',
  'case.extension': null,
  'case.progress': null,
  'case.closing-report': 'closed',
  'case.withdrawal': 'withdrawn',
  'case.filing-notice': 'concluded',
  // A confirmation application is a case of its own on the link: applied, accepted or not, ruled or withdrawn.
  'confirmation.apply': 'referred',
  'confirmation.acceptance': 'received',
  'confirmation.supplement-request': null,
  'confirmation.supplement': null,
  'confirmation.ruling': 'concluded',
  'confirmation.withdrawal': 'withdrawn',
};

const RANK: Record<LinkState, number> = {
  none: 0,
  referred: 1,
  received: 2,
  declined: 3,
  closed: 3,
  withdrawn: 4,
  concluded: 5,
};

/** The furthest state any of the case's messages reaches (messages may be seen in any order). */
export function linkStateOf(types: Iterable<string>): LinkState {
  let state: LinkState = 'none';
  for (const type of types) {
    const to = MOVES[type as DockingMessageType] ?? null;
    if (to && RANK[to] > RANK[state]) state = to;
  }
  return state;
}

/** One side's summary of one case, as a reconciliation message carries it. */
export interface CaseLinkSummary {
  caseRef: string;
  linkState: LinkState;
  /** The highest sequence number this side wrote for the case. */
  lastSequenceSent: number;
  /** The highest sequence number of the other side's messages this side has consumed (applied or refused). */
  lastSequenceApplied: number;
}

export type Comparison = 'agree' | 'in-flight' | 'diverged';

/**
 * Compares our summary with the peer's: while messages are still in flight either way the sides may differ;
 * once every message written has been consumed on the other side, a different link state is a divergence.
 */
export function compareSummaries(ours: CaseLinkSummary, theirs: CaseLinkSummary): Comparison {
  const settled =
    ours.lastSequenceSent === theirs.lastSequenceApplied &&
    theirs.lastSequenceSent === ours.lastSequenceApplied;
  if (!settled) return 'in-flight';
  return ours.linkState === theirs.linkState ? 'agree' : 'diverged';
}
