import type { RecordingStopReason } from '@sutiao/domain/sessions/session-recording.ts';
import type { Deps } from '../../../deps.ts';
import type { JoinTicket } from './join-session.ts';
import { SessionHub, SIGNAL_CLOSE, type SignalingConnection, type SignalingHandlers } from './session-hub.ts';
import {
  aliveInstances,
  claimHost,
  endedSessions,
  heartbeat,
  liveHostOf,
  liveHosts,
  releaseHosts,
  retireInstance,
  SIGNALING_HEARTBEAT,
  sweepSignaling,
} from './signaling-hosts.ts';

/** What instances tell each other about the participants of a session (host = the instance holding its rooms). */
type RelayMessage =
  // edge → host: a participant connected to the edge; their frames; they left.
  | { kind: 'join'; from: string; legId: string; ticket: JoinTicket }
  | { kind: 'frame'; legId: string; text: string }
  | { kind: 'leave'; legId: string }
  // host → edge: a frame for the participant; their channel is closed.
  | { kind: 'deliver'; legId: string; text: string }
  | { kind: 'close'; legId: string; code: number; reason: string }
  // any → host: the session was ended, or its recording finished, through the API of another instance.
  | { kind: 'end'; sessionId: string }
  | { kind: 'recording-stopped'; sessionId: string; recordingId: string; reason: RecordingStopReason };

/** A participant connected here whose session is hosted elsewhere. */
interface EdgeLeg {
  sessionId: string;
  host: string;
  conn: SignalingConnection;
}

/** A participant connected to another instance, seated in a session hosted here. */
interface HostedLeg {
  edge: string;
  handlers: SignalingHandlers;
}

const SWEEP_EVERY_TICKS = 60;

/**
 * Signaling across the server instances of one platform. Each live session is hosted by one instance (the first a
 * participant reaches, or the next one after its host went silent), which holds its rooms in a `SessionHub`; a
 * participant connected to any other instance is relayed to the host over the signal bus (PostgreSQL NOTIFY), so
 * room isolation, caucus and the mediator's controls are decided in one place. A host that stops closes its
 * participants' channels with 1012 (the browser reconnects, and another instance takes the session over); one that
 * dies is found by its missing heartbeat.
 */
export class SignalingRelay {
  readonly hub: SessionHub;
  private readonly me: string;
  private readonly edgeLegs = new Map<string, EdgeLeg>();
  private readonly hostedLegs = new Map<string, HostedLeg>();
  private started: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;
  private legCount = 0;
  private stopped = false;

  constructor(private readonly deps: Deps) {
    this.me = deps.signals.instanceId;
    this.hub = new SessionHub(deps, (sessionId) => this.released(sessionId));
  }

  /** Connects an admitted ticket's channel here or to its session's host; returns what the transport calls. */
  async connect(ticket: JoinTicket, conn: SignalingConnection): Promise<SignalingHandlers> {
    await this.start();
    const host = await claimHost(this.deps.db, ticket.sessionId, this.me);
    if (host === this.me) return this.hub.connect(ticket, conn);
    const legId = `${this.me}.${++this.legCount}`;
    this.edgeLegs.set(legId, { sessionId: ticket.sessionId, host, conn });
    const lost = () => {
      if (!this.edgeLegs.delete(legId)) return;
      conn.close(SIGNAL_CLOSE.restarting, 'signaling host unreachable');
    };
    const toHost = (message: RelayMessage) => {
      if (this.edgeLegs.has(legId)) this.deps.signals.publish(host, message).catch(lost);
    };
    toHost({ kind: 'join', from: this.me, legId, ticket });
    return {
      onFrame: (text) => toHost({ kind: 'frame', legId, text }),
      onClose: () => {
        toHost({ kind: 'leave', legId });
        this.edgeLegs.delete(legId);
      },
    };
  }

  /** Ends the live rooms of a session ended through the API, wherever they are held. */
  async closeSession(sessionId: string): Promise<void> {
    if (this.hub.holds(sessionId)) {
      this.hub.closeSession(sessionId);
      return;
    }
    await this.toHostOf(sessionId, { kind: 'end', sessionId });
  }

  /** A recording finished through the API while its room still showed it running: the room is told. */
  async recordingStopped(sessionId: string, recordingId: string, reason: RecordingStopReason): Promise<void> {
    if (this.hub.holds(sessionId)) {
      this.hub.recordingStopped(sessionId, recordingId, reason);
      return;
    }
    await this.toHostOf(sessionId, { kind: 'recording-stopped', sessionId, recordingId, reason });
  }

  /**
   * The periodic check (every few seconds, and callable at once): says this instance is alive, closes the channels
   * of participants whose host went silent (they reconnect and another instance takes over), and seats out
   * participants whose instance went silent.
   */
  async check(): Promise<void> {
    const db = this.deps.db;
    await heartbeat(db, this.me);
    const hosts = await liveHosts(db, [...new Set([...this.edgeLegs.values()].map((l) => l.sessionId))]);
    for (const [legId, leg] of this.edgeLegs)
      if (hosts.get(leg.sessionId) !== leg.host) {
        this.edgeLegs.delete(legId);
        leg.conn.close(SIGNAL_CLOSE.restarting, 'signaling host gone');
      }
    const alive = await aliveInstances(db, [...new Set([...this.hostedLegs.values()].map((l) => l.edge))]);
    for (const [legId, leg] of this.hostedLegs)
      if (!alive.has(leg.edge)) {
        this.hostedLegs.delete(legId);
        leg.handlers.onClose();
      }
    for (const sessionId of await endedSessions(db, this.hub.sessionIds())) this.hub.closeSession(sessionId);
    if (++this.ticks % SWEEP_EVERY_TICKS === 0) await sweepSignaling(db);
  }

  /** The instance stops: every channel it holds or relays is closed with 1012, and it hosts nothing any more. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (!this.started) return;
    await this.started.catch(() => undefined);
    for (const [legId, leg] of this.edgeLegs) {
      this.edgeLegs.delete(legId);
      await this.deps.signals.publish(leg.host, { kind: 'leave', legId }).catch(() => undefined);
      leg.conn.close(SIGNAL_CLOSE.restarting, 'server restarting');
    }
    this.hub.shutdown();
    await this.hub.saved();
    await this.deps.signals.close().catch(() => undefined);
    await retireInstance(this.deps.db, this.me).catch(() => undefined);
  }

  private start(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('signaling stopped'));
    this.started ??= (async () => {
      await this.deps.signals.start(
        (m) => this.receive(m as RelayMessage),
        () => this.reset(),
      );
      await heartbeat(this.deps.db, this.me);
      this.timer = setInterval(() => {
        this.check().catch((error: Error) => console.error(`signaling check failed: ${error.message}`));
      }, SIGNALING_HEARTBEAT.everyMs);
      this.timer.unref();
    })();
    return this.started;
  }

  private async toHostOf(sessionId: string, message: RelayMessage) {
    const host = await liveHostOf(this.deps.db, sessionId);
    if (host && host !== this.me) await this.deps.signals.publish(host, message);
  }

  private receive(m: RelayMessage) {
    switch (m.kind) {
      case 'join':
        void this.hostJoin(m);
        return;
      case 'frame':
        this.hostedLegs.get(m.legId)?.handlers.onFrame(m.text);
        return;
      case 'leave': {
        const leg = this.hostedLegs.get(m.legId);
        this.hostedLegs.delete(m.legId);
        leg?.handlers.onClose();
        return;
      }
      case 'deliver':
        this.edgeLegs.get(m.legId)?.conn.send(m.text);
        return;
      case 'close': {
        const leg = this.edgeLegs.get(m.legId);
        this.edgeLegs.delete(m.legId);
        leg?.conn.close(m.code, m.reason);
        return;
      }
      case 'end':
        this.hub.closeSession(m.sessionId);
        return;
      case 'recording-stopped':
        this.hub.recordingStopped(m.sessionId, m.recordingId, m.reason);
        return;
    }
  }

  /** A participant of another instance joins a session: seated here if this instance (still) hosts it. */
  private async hostJoin(m: Extract<RelayMessage, { kind: 'join' }>) {
    const edge = m.from;
    const send = (message: RelayMessage) => this.deps.signals.publish(edge, message).catch(() => undefined);
    const conn: SignalingConnection = {
      send: (text) => void send({ kind: 'deliver', legId: m.legId, text }),
      close: (code, reason) => {
        this.hostedLegs.delete(m.legId);
        void send({ kind: 'close', legId: m.legId, code, reason });
      },
    };
    // Frames relayed while the claim is checked wait for the seat (the bus keeps one sender's order).
    const waiting: string[] = [];
    const leg: HostedLeg = {
      edge,
      handlers: { onFrame: (text) => void waiting.push(text), onClose: () => undefined },
    };
    this.hostedLegs.set(m.legId, leg);
    let host = '';
    try {
      host = this.hub.holds(m.ticket.sessionId)
        ? this.me
        : await claimHost(this.deps.db, m.ticket.sessionId, this.me);
    } catch {
      // Unreachable database: refused below, and the participant reconnects.
    }
    if (this.hostedLegs.get(m.legId) !== leg) return;
    if (host !== this.me) {
      conn.close(SIGNAL_CLOSE.restarting, 'not the signaling host');
      return;
    }
    leg.handlers = this.hub.connect(m.ticket, conn);
    for (const text of waiting.splice(0)) leg.handlers.onFrame(text);
  }

  /** The bus lost messages: every relayed channel is closed, and its participant reconnects. */
  private reset() {
    for (const [legId, leg] of this.edgeLegs) {
      this.edgeLegs.delete(legId);
      leg.conn.close(SIGNAL_CLOSE.restarting, 'signaling relay interrupted');
    }
    for (const [legId, leg] of this.hostedLegs) {
      this.hostedLegs.delete(legId);
      leg.handlers.onClose();
    }
  }

  /** A session's rooms ended here: its host row goes. */
  private released(sessionId: string) {
    releaseHosts(this.deps.db, this.me, [sessionId]).catch(() => undefined);
  }
}

const relays = new WeakMap<Deps, SignalingRelay>();

/** The signaling of a platform instance (its `Deps`). */
export function sessionSignaling(deps: Deps): SignalingRelay {
  let relay = relays.get(deps);
  if (!relay) {
    relay = new SignalingRelay(deps);
    relays.set(deps, relay);
  }
  return relay;
}

/** Stops the instance's signaling, if it was ever used. */
export async function stopSessionSignaling(deps: Deps): Promise<void> {
  await relays.get(deps)?.stop();
}
