import type { Lifecycle } from '../lifecycles/state-machine.ts';

/**
 * An audio/video mediation session on a case: the mediator schedules it, opens it (from 30 minutes before its start),
 * and ends it for everyone; a session that never opened can be cancelled. Participants connect only while it is open.
 */
export const SESSION_STATES = ['scheduled', 'open', 'ended', 'cancelled'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const SESSION_EVENTS = ['open', 'end', 'cancel'] as const;
export type SessionEvent = (typeof SESSION_EVENTS)[number];

/** How early before its start the mediator may open a session (the waiting room fills from then). */
export const SESSION_OPENS_EARLY_MS = 30 * 60 * 1000;

export interface SessionFacts {
  /** Whether the actor is the session's mediator. */
  isMediator: boolean;
  scheduledAt: Date;
  now: Date;
}

type Guard = 'opening_window';
type Party = 'mediator';

export const SESSION_LIFECYCLE: Lifecycle<SessionState, SessionEvent, Guard, Party, SessionFacts> = {
  name: 'mediation-session',
  states: SESSION_STATES,
  events: SESSION_EVENTS,
  terminalStates: ['ended', 'cancelled'],
  guards: {
    opening_window: {
      check: (f) => f.now.getTime() >= f.scheduledAt.getTime() - SESSION_OPENS_EARLY_MS,
      zh: '会话开始前30分钟内方可开启',
      en: 'A session opens at most 30 minutes before its start',
    },
  },
  parties: { mediator: (f) => f.isMediator },
  transitions: [
    { from: ['scheduled'], event: 'open', to: 'open', guards: ['opening_window'], actors: ['mediator'] },
    { from: ['open'], event: 'end', to: 'ended', guards: [], actors: ['mediator'] },
    { from: ['scheduled'], event: 'cancel', to: 'cancelled', guards: [], actors: ['mediator'] },
  ],
};

/** Case states in which a mediator may hold sessions: mediation under way, or an agreement being signed. */
export const SESSION_CASE_STATES: readonly string[] = ['mediating', 'agreement_pending'];

/** Limits of a session as scheduled: length in minutes, participants (mesh of peer connections). */
export const SESSION_LIMITS = {
  minMinutes: 15,
  maxMinutes: 240,
  /** A mesh of peer-to-peer connections stays usable up to six participants. */
  maxParticipants: 6,
  /** How long a dropped participant may come back without being admitted again. */
  rejoinGraceMs: 2 * 60 * 1000,
} as const;

export const SESSION_STATE_LABELS: Record<SessionState, { zh: string; en: string }> = {
  scheduled: { zh: '已预约', en: 'scheduled' },
  open: { zh: '进行中', en: 'open' },
  ended: { zh: '已结束', en: 'ended' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

export const SESSION_EVENT_LABELS: Record<SessionEvent, { zh: string; en: string }> = {
  open: { zh: '开启会话', en: 'open the session' },
  end: { zh: '结束会话', en: 'end the session' },
  cancel: { zh: '取消会话', en: 'cancel the session' },
};
