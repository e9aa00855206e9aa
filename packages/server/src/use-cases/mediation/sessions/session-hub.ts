import { type AppError, appError, isAppError } from '@sutiao/domain/errors.ts';
import { SESSION_LIMITS } from '@sutiao/domain/sessions/session-lifecycle.ts';
import {
  MAIN_ROOM,
  mayReach,
  roomMates,
  roomOf,
  type PartySide,
  type RoomsState,
  type Seat,
  sideIsPresent,
} from '@sutiao/domain/sessions/session-rooms.ts';
import {
  missingConsents,
  recordingAudience,
  RECORDING_STOP_LABELS,
  type RecordingStopReason,
} from '@sutiao/domain/sessions/session-recording.ts';
import {
  type ClientMessage,
  type LiveRecording,
  MEDIATOR_COMMANDS,
  type MediatorCommand,
  parseClientMessage,
  type RosterEntry,
  type ServerMessage,
  type SharedDocument,
} from '@sutiao/domain/sessions/signaling-messages.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { auditUserAct } from '../../common/audit/audit-user-act.ts';
import type { JoinTicket } from './join-session.ts';
import { recordSessionChat, type SessionChatLine } from './record-session-chat.ts';
import { shareSessionDocument } from './share-session-document.ts';
import { auditRecordingAct } from './recording/recording-transition.ts';
import { startRecording } from './recording/start-recording.ts';
import { stopRunningRecording } from './recording/stop-recording.ts';
import { runSessionEvent } from './session-transition.ts';
import { forgetRoomState, type SavedRoomState, saveRoomState } from './room-state.ts';
import type { SeatRow } from './session-seats.ts';

/** One participant's open signaling channel (a WebSocket); the transport adapts its socket to this. */
export interface SignalingConnection {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** What the transport calls on a participant's frame and when their channel closes. */
export interface SignalingHandlers {
  onFrame(text: string): void;
  onClose(): void;
}

/** WebSocket close codes the server uses (4000–4999 are the application's; 1012: restarting, reconnect). */
export const SIGNAL_CLOSE = {
  restarting: 1012,
  removed: 4000,
  replaced: 4001,
  ended: 4002,
  refused: 4403,
  notOpen: 4409,
} as const;

const NOTICES = {
  toCaucus: { zh: '调解员请您进入单独会谈室。', en: 'The mediator has taken you into a private caucus.' },
  waiting: {
    zh: '调解员正在与另一方单独会谈，请稍候。',
    en: 'The mediator is meeting the other side privately; please wait.',
  },
  reunited: { zh: '各方已回到调解室。', en: 'Everyone is back in the mediation room.' },
};

interface LiveSeat extends Seat {
  name: string;
  /** Admitted before and dropped at this time: back within the grace period, no need to be admitted again. */
  awaySince: number | null;
  wasAdmitted: boolean;
  /** Consents to the session being recorded (given in the room; kept while the session is live). */
  consent: boolean;
}

/** A session while people are connected to it, in this server instance's memory. */
class LiveSession implements RoomsState {
  readonly seats = new Map<string, LiveSeat>();
  readonly connections = new Map<string, { conn: SignalingConnection; ctx: SignedInContext }>();
  caucus: PartySide | null = null;
  recording: LiveRecording | null = null;
  /** Audited commands and kept chat run one after another, in arrival order. */
  private queue: Promise<void> = Promise.resolve();

  /** The room state's save in flight, and whether it changed since that save began. */
  saving: Promise<void> | null = null;
  changed = false;

  constructor(
    readonly id: string,
    readonly caseId: string,
    seats: readonly SeatRow[],
    room: SavedRoomState | null,
  ) {
    for (const s of seats) {
      const saved = room?.seats[s.userId];
      this.seats.set(s.userId, {
        ...s,
        presence: 'away',
        awaySince: saved?.admitted ? saved.awaySince : null,
        wasAdmitted: saved?.admitted ?? false,
        consent: saved?.consent ?? false,
      });
    }
    this.caucus = room?.caucus ?? null;
  }

  /** What a next host needs of these rooms should this instance go (room-state.ts). */
  roomState(): SavedRoomState {
    const seats: SavedRoomState['seats'] = {};
    for (const [userId, seat] of this.seats) {
      if (!seat.wasAdmitted && !seat.consent) continue;
      seats[userId] = {
        admitted: seat.wasAdmitted,
        awaySince: seat.presence === 'away' ? seat.awaySince : null,
        consent: seat.consent,
      };
    }
    return { caucus: this.caucus, seats };
  }

  inTurn(task: () => Promise<void>) {
    this.queue = this.queue.then(task, task);
    return this.queue;
  }
}

const frame = (m: ServerMessage) => JSON.stringify(m);
const errorFrame = (err: AppError) =>
  frame({ type: 'error', code: err.code, message: { zh: err.messageZh, en: err.messageEn } });
const invalid = (zh: string, en: string) => errorFrame(appError('SESSION_INVALID', { reason: { zh, en } }));

/**
 * The signaling hub of one platform instance: relays offers, answers and ICE candidates between participants of a
 * session, keeps chat with the case, and carries out the mediator's controls — admit, mute, remove, caucus, reunite,
 * end. Every relay obeys `mayReach` (same room, both admitted), so rooms are isolated by the server.
 */
export class SessionHub {
  private readonly live = new Map<string, LiveSession>();
  /** Room-state saves in flight (of sessions held or just let go). */
  private readonly saves = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly deps: Deps,
    /** Told when a session's rooms are no longer held here. */
    private readonly onReleased: (sessionId: string) => void = () => undefined,
  ) {}

  /** Whether this hub holds the session's rooms. */
  holds(sessionId: string): boolean {
    return this.live.has(sessionId);
  }

  /** The sessions whose rooms are held here. */
  sessionIds(): string[] {
    return [...this.live.keys()];
  }

  /** Connects an admitted ticket's channel; returns the handlers the transport calls on a frame and on close. */
  connect(ticket: JoinTicket, conn: SignalingConnection): SignalingHandlers {
    let session = this.live.get(ticket.sessionId);
    if (!session) {
      session = new LiveSession(ticket.sessionId, ticket.caseId, ticket.seats, ticket.room);
      this.live.set(session.id, session);
    }
    const s = session;
    const userId = ticket.seat.userId;
    const seat = s.seats.get(userId);
    if (!seat) throw new Error('ticket without a seat');
    const previous = s.connections.get(userId);
    if (previous) previous.conn.close(SIGNAL_CLOSE.replaced, 'replaced by a newer connection');
    s.connections.set(userId, { conn, ctx: ticket.ctx });
    const now = this.deps.now().getTime();
    const back =
      seat.wasAdmitted && seat.awaySince !== null && now - seat.awaySince <= SESSION_LIMITS.rejoinGraceMs;
    seat.presence = seat.role === 'mediator' || back ? 'admitted' : 'waiting';
    seat.awaySince = null;
    if (seat.presence === 'admitted') seat.wasAdmitted = true;
    // Back without consent: the recording stops before anything of theirs can reach it.
    if (back && s.recording && !seat.consent && seat.role !== 'mediator')
      void this.stopRecording(s, ticket.ctx, 'joined-without-consent');
    conn.send(
      frame({
        type: 'welcome',
        userId,
        role: seat.role,
        presence: seat.presence === 'admitted' ? 'admitted' : 'waiting',
        room: roomOf(seat, s.caucus),
      }),
    );
    this.broadcastRoster(s);
    return {
      onFrame: (text: string) => this.onFrame(s, userId, conn, text),
      onClose: () => this.onClose(s, userId, conn),
    };
  }

  /** Ends every connection of a session that was ended (by its mediator, here or through the API). */
  closeSession(sessionId: string) {
    const s = this.live.get(sessionId);
    if (!s) return;
    this.live.delete(sessionId);
    // Ended: nothing to hand over (after a save in flight, which then stops).
    const forget = (s.saving ?? Promise.resolve())
      .then(() => forgetRoomState(this.deps.db, sessionId))
      .catch(() => undefined)
      .finally(() => this.saves.delete(forget));
    this.saves.add(forget);
    this.onReleased(sessionId);
    const stopped = s.recording;
    s.recording = null;
    for (const { conn } of s.connections.values()) {
      if (stopped) conn.send(frame(recordingOff(stopped.id, 'session-ended')));
      conn.send(frame({ type: 'ended' }));
      conn.close(SIGNAL_CLOSE.ended, 'session ended');
    }
    s.connections.clear();
  }

  /**
   * The instance stops: every channel is closed with 1012 and the browsers reconnect (to another instance, which
   * takes the session over). A recording under way stops with its recorder's signaling; the job finishes it.
   */
  shutdown() {
    this.stopping = true;
    const now = this.deps.now().getTime();
    for (const [sessionId, s] of this.live) {
      this.live.delete(sessionId);
      // Everyone leaves now: saved so, the next host seats them back within the grace period.
      for (const seat of s.seats.values()) {
        if (seat.presence === 'away') continue;
        seat.presence = 'away';
        seat.awaySince = seat.wasAdmitted ? now : null;
      }
      this.saveRooms(s);
      // Each close comes back as the participant's leave, audited as any other.
      for (const { conn } of [...s.connections.values()])
        conn.close(SIGNAL_CLOSE.restarting, 'server restarting');
    }
  }

  private onFrame(s: LiveSession, userId: string, conn: SignalingConnection, text: string) {
    if (s.connections.get(userId)?.conn !== conn) return;
    const parsed = parseClientMessage(text);
    if (!parsed.ok) {
      conn.send(invalid(parsed.reason, parsed.reason));
      return;
    }
    const m = parsed.message;
    if (m.type === 'consent') {
      void s.inTurn(() => this.consent(s, userId, m.given));
      return;
    }
    if ((MEDIATOR_COMMANDS as readonly string[]).includes(m.type)) {
      if (s.seats.get(userId)?.role !== 'mediator') {
        conn.send(errorFrame(appError('FORBIDDEN')));
        return;
      }
      void s.inTurn(() => this.command(s, userId, m as MediatorCommand));
      return;
    }
    this.relay(s, userId, conn, m as Extract<ClientMessage, { type: 'signal' | 'chat' | 'share' }>);
  }

  private relay(
    s: LiveSession,
    userId: string,
    conn: SignalingConnection,
    m: Extract<ClientMessage, { type: 'signal' | 'chat' | 'share' }>,
  ) {
    const seat = s.seats.get(userId);
    if (seat?.presence !== 'admitted') {
      conn.send(errorFrame(appError('SESSION_NOT_ADMITTED')));
      return;
    }
    if (m.type === 'signal') {
      if (!mayReach(s, userId, m.to)) {
        conn.send(invalid('对方不在同一会谈室', 'not in your room'));
        return;
      }
      s.connections.get(m.to)?.conn.send(frame({ type: 'signal', from: userId, data: m.data }));
      return;
    }
    // Chat and shared documents: the room and who hears it are fixed when it is said; kept first, then delivered.
    const room = roomOf(seat, s.caucus);
    const mates = roomMates(s, userId);
    const audience = s.caucus === null ? null : [userId, ...mates];
    const ctx = s.connections.get(userId)?.ctx;
    if (!ctx) return;
    void s.inTurn(async () => {
      try {
        const said = { caseId: s.caseId, sessionId: s.id, name: seat.name, role: seat.role, room, audience };
        let line: SessionChatLine & { document: SharedDocument | null };
        if (m.type === 'share') {
          const shared = await shareSessionDocument(this.deps, ctx, { ...said, uploadId: m.uploadId });
          if (!shared) {
            conn.send(invalid('该文件不是本案材料', 'not a document of this case'));
            return;
          }
          line = shared;
        } else
          line = { ...(await recordSessionChat(this.deps, ctx, { ...said, body: m.body })), document: null };
        const text = frame({ type: 'chat', ...line });
        for (const to of [userId, ...mates]) s.connections.get(to)?.conn.send(text);
      } catch {
        conn.send(errorFrame(appError('INTERNAL')));
      }
    });
  }

  private async command(s: LiveSession, mediatorId: string, m: MediatorCommand) {
    const mediator = s.connections.get(mediatorId);
    if (!mediator) return;
    const reply = (text: string) => mediator.conn.send(text);
    const target = 'userId' in m ? s.seats.get(m.userId) : undefined;
    if ('userId' in m && (!target || target.role === 'mediator')) {
      reply(invalid('无此参加人', 'no such participant'));
      return;
    }
    if (m.type === 'caucus' && !sideIsPresent(s, m.side)) {
      reply(invalid('该方无人在场', 'nobody of that side is present'));
      return;
    }
    if (m.type === 'end') {
      await this.end(s, mediator.ctx, reply);
      return;
    }
    if (m.type === 'record-start' || m.type === 'record-stop') {
      await this.record(s, mediator.ctx, m, reply);
      return;
    }
    if (m.type === 'admit' && target && s.recording && !target.consent && target.presence === 'waiting')
      await this.stopRecording(s, mediator.ctx, 'joined-without-consent');
    // A recording never spans two rooms: a caucus's pictures are for the people in it alone.
    if ((m.type === 'caucus' || m.type === 'reunite') && s.recording)
      await this.stopRecording(s, mediator.ctx, 'room-changed');
    try {
      await auditUserAct(this.deps.db, mediator.ctx, this.deps.now(), {
        action: `session.${m.type}`,
        targetType: 'mediation_session',
        targetId: s.id,
        details: {
          caseId: s.caseId,
          ...('userId' in m ? { userId: m.userId } : {}),
          ...('side' in m ? { side: m.side } : {}),
        },
      });
    } catch {
      reply(errorFrame(appError('INTERNAL')));
      return;
    }
    this.apply(s, m, target);
  }

  /** Carries out an audited control. */
  private apply(
    s: LiveSession,
    m: Exclude<MediatorCommand, { type: 'end' | 'record-start' | 'record-stop' }>,
    target: LiveSeat | undefined,
  ) {
    const send = (userId: string, message: ServerMessage) =>
      s.connections.get(userId)?.conn.send(frame(message));
    switch (m.type) {
      case 'admit':
        if (target?.presence !== 'waiting') return;
        target.presence = 'admitted';
        target.wasAdmitted = true;
        send(target.userId, { type: 'admitted', room: roomOf(target, s.caucus) });
        break;
      case 'mute':
        if (target) send(target.userId, { type: 'muted' });
        return;
      case 'remove': {
        if (!target) return;
        const held = s.connections.get(target.userId);
        target.presence = 'away';
        target.wasAdmitted = false;
        target.awaySince = null;
        s.connections.delete(target.userId);
        if (held) {
          held.conn.send(frame({ type: 'removed' }));
          held.conn.close(SIGNAL_CLOSE.removed, 'removed by the mediator');
        }
        break;
      }
      case 'caucus':
      case 'reunite': {
        s.caucus = m.type === 'caucus' ? m.side : null;
        for (const [userId, seat] of s.seats) {
          if (seat.presence !== 'admitted') continue;
          const room = roomOf(seat, s.caucus);
          const notice =
            s.caucus === null ? NOTICES.reunited : room === MAIN_ROOM ? NOTICES.waiting : NOTICES.toCaucus;
          send(userId, { type: 'room', room, notice });
        }
        break;
      }
    }
    this.broadcastRoster(s);
  }

  /** A participant consents to recording or withdraws; withdrawing stops a recording under way. */
  private async consent(s: LiveSession, userId: string, given: boolean) {
    const seat = s.seats.get(userId);
    const held = s.connections.get(userId);
    if (!seat || !held) return;
    const recordingId = s.recording?.id ?? null;
    // A withdrawal takes effect at once, whatever happens to its audit record; a consent only once audited.
    if (!given) {
      seat.consent = false;
      if (s.recording) await this.stopRecording(s, held.ctx, 'consent-withdrawn');
    }
    try {
      await auditUserAct(this.deps.db, held.ctx, this.deps.now(), {
        action: given ? 'session.recording.consent' : 'session.recording.withdraw',
        targetType: 'mediation_session',
        targetId: s.id,
        details: { caseId: s.caseId, recordingId },
      });
    } catch {
      held.conn.send(errorFrame(appError('INTERNAL')));
      if (given) return;
    }
    if (given) seat.consent = true;
    this.broadcastRoster(s);
  }

  private async record(
    s: LiveSession,
    ctx: SignedInContext,
    m: Extract<MediatorCommand, { type: 'record-start' | 'record-stop' }>,
    reply: (text: string) => void,
  ) {
    if (m.type === 'record-stop') {
      if (!s.recording) reply(invalid('当前未在录制', 'not recording'));
      else await this.stopRecording(s, ctx, 'mediator');
      return;
    }
    if (s.recording) {
      reply(invalid('本会话正在录制', 'already recording'));
      return;
    }
    const mediatorId = ctx.actor.userId;
    const consented = new Set([...s.seats.values()].filter((x) => x.consent).map((x) => x.userId));
    consented.add(mediatorId);
    const missing = missingConsents(s, consented);
    if (missing.length > 0) {
      const names = missing.map((id) => s.seats.get(id)?.name ?? id).join('、');
      reply(errorFrame(appError('RECORDING_CONSENT_MISSING', { names })));
      return;
    }
    try {
      const admitted = [...s.seats.values()].filter((x) => x.presence === 'admitted').map((x) => x.userId);
      s.recording = await startRecording(this.deps, ctx, {
        caseId: s.caseId,
        sessionId: s.id,
        consented: admitted,
        audience: recordingAudience(s, mediatorId),
        mimeType: m.mimeType,
      });
    } catch (err) {
      reply(errorFrame(isAppError(err) ? err : appError('INTERNAL')));
      return;
    }
    const on = frame({ type: 'recording', state: 'on', recordingId: s.recording.id, reason: null });
    for (const { conn } of s.connections.values()) conn.send(on);
    // Someone let back in while it was being started, without consent: stopped at once.
    const consentedNow = new Set([...s.seats.values()].filter((x) => x.consent).map((x) => x.userId));
    consentedNow.add(mediatorId);
    if (missingConsents(s, consentedNow).length > 0)
      await this.stopRecording(s, ctx, 'joined-without-consent');
    else this.broadcastRoster(s);
  }

  /** A recording its mediator's browser finished while the room still showed it running: the room is told. */
  recordingStopped(sessionId: string, recordingId: string, reason: RecordingStopReason) {
    const s = this.live.get(sessionId);
    if (s?.recording?.id !== recordingId) return;
    void this.stopRecording(s, null, reason);
  }

  /**
   * Stops the recording under way: in the room at once — everyone told, the mediator's recorder too — then kept and
   * audited (a withdrawal never waits on the database; a stop the database missed is finished by the job later).
   */
  private async stopRecording(s: LiveSession, ctx: SignedInContext | null, reason: RecordingStopReason) {
    const running = s.recording;
    if (!running) return;
    s.recording = null;
    const off = frame(recordingOff(running.id, reason));
    for (const { conn } of s.connections.values()) conn.send(off);
    this.broadcastRoster(s);
    try {
      await this.deps.db
        .transaction()
        .execute((trx) => stopRunningRecording(trx, ctx, this.deps.now(), s.id, reason));
    } catch {
      // Stopped in the room all the same: nobody's withdrawal waits on the database.
      await auditRecordingAct(
        this.deps.db,
        ctx,
        this.deps.now(),
        'session.recording.stop-unsaved',
        running.id,
        {
          caseId: s.caseId,
          reason,
        },
      ).catch(() => undefined);
    }
  }

  private async end(s: LiveSession, ctx: SignedInContext, reply: (text: string) => void) {
    try {
      const current = await this.deps.db
        .selectFrom('mediation_sessions')
        .select('version')
        .where('id', '=', s.id)
        .executeTakeFirstOrThrow();
      await runSessionEvent(this.deps, ctx, 'end', {
        caseId: s.caseId,
        sessionId: s.id,
        expectedVersion: current.version,
      });
      this.closeSession(s.id);
    } catch (err) {
      reply(errorFrame(isAppError(err) ? err : appError('INTERNAL')));
    }
  }

  private onClose(s: LiveSession, userId: string, conn: SignalingConnection) {
    const held = s.connections.get(userId);
    if (held?.conn !== conn) return;
    s.connections.delete(userId);
    const seat = s.seats.get(userId);
    if (seat && seat.presence !== 'away') {
      seat.presence = 'away';
      seat.awaySince = seat.wasAdmitted ? this.deps.now().getTime() : null;
    }
    // The recorder runs in the mediator's browser: without it nothing more is recorded.
    if (seat?.role === 'mediator' && s.recording)
      void s.inTurn(() => this.stopRecording(s, held.ctx, 'mediator-left'));
    void s.inTurn(async () => {
      await auditUserAct(this.deps.db, held.ctx, this.deps.now(), {
        action: 'session.leave',
        targetType: 'mediation_session',
        targetId: s.id,
        details: { caseId: s.caseId },
      }).catch(() => undefined);
    });
    this.broadcastRoster(s);
  }

  private broadcastRoster(s: LiveSession) {
    const participants: RosterEntry[] = [...s.seats.values()].map((seat) => ({
      userId: seat.userId,
      name: seat.name,
      role: seat.role,
      side: seat.side,
      presence: seat.presence,
      room: roomOf(seat, s.caucus),
      consent: seat.consent || seat.role === 'mediator',
    }));
    const text = frame({ type: 'roster', caucus: s.caucus, participants, recording: s.recording });
    for (const { conn } of s.connections.values()) conn.send(text);
    this.saveRooms(s);
  }

  /**
   * Keeps the rooms' state in the database as it changes (every change is broadcast as a roster), so that another
   * instance can take the session over. One save at a time per session; changes during a save give one more.
   */
  private saveRooms(s: LiveSession) {
    if (s.saving) {
      s.changed = true;
      return;
    }
    const save = async () => {
      do {
        s.changed = false;
        if (!this.live.has(s.id) && !this.stopping) return; // ended: nothing to hand over
        await saveRoomState(this.deps.db, s.id, s.roomState(), this.deps.now()).catch((error: unknown) =>
          console.error(
            `signaling: the rooms of session ${s.id} were not saved: ${(error as Error).message}`,
          ),
        );
      } while (s.changed);
    };
    const saving = save().finally(() => {
      s.saving = null;
      this.saves.delete(saving);
    });
    s.saving = saving;
    this.saves.add(saving);
  }

  /** Resolves once every session's latest room state is saved. */
  async saved(): Promise<void> {
    while (this.saves.size > 0) await Promise.all([...this.saves]);
  }
}

const recordingOff = (recordingId: string, reason: RecordingStopReason): ServerMessage => ({
  type: 'recording',
  state: 'off',
  recordingId,
  reason: { code: reason, ...RECORDING_STOP_LABELS[reason] },
});
