import type { WebSocket } from 'ws';
import { isAppError } from '@sutiao/domain/errors.ts';
import type { Deps } from '../../../../deps.ts';
import { cancelSession } from '../../../../use-cases/mediation/sessions/cancel-session.ts';
import { endSession } from '../../../../use-cases/mediation/sessions/end-session.ts';
import { getIceServers } from '../../../../use-cases/mediation/sessions/get-ice-servers.ts';
import { joinSession } from '../../../../use-cases/mediation/sessions/join-session.ts';
import { listSessions } from '../../../../use-cases/mediation/sessions/list-sessions.ts';
import { openSession } from '../../../../use-cases/mediation/sessions/open-session.ts';
import { scheduleSession } from '../../../../use-cases/mediation/sessions/schedule-session.ts';
import { SIGNAL_CLOSE } from '../../../../use-cases/mediation/sessions/session-hub.ts';
import { sessionSignaling } from '../../../../use-cases/mediation/sessions/signaling-relay.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { IdParams, replies } from '../common/shared.schemas.ts';
import {
  IceConfig,
  MediationSession,
  MediationSessions,
  ScheduleSessionBody,
  SessionEventBody,
  SessionParams,
} from './sessions.schemas.ts';

const tags = ['sessions'];

/** A browser's WebSocket must come from this platform's own pages (no cross-site hijacking of the session cookie). */
function sameOrigin(
  origin: string | undefined,
  host: string | undefined,
  protocol: string,
  deps: Deps,
): boolean {
  if (origin === undefined) return true;
  return origin === new URL(deps.publicUrl).origin || origin === `${protocol}://${host}`;
}

/** Audio/video mediation sessions on a case: schedule, list, open, end, cancel, and the signaling WebSocket. */
export function sessionRoutes(app: RouteApp, deps: Deps) {
  const config = { access: 'signed-in' as const };
  app.get(
    '/api/cases/:id/sessions',
    {
      config,
      schema: {
        tags,
        summary: 'The sessions of a case, upcoming and past',
        params: IdParams,
        response: replies({ 200: MediationSessions }),
      },
    },
    async (request) => listSessions(deps, signedIn(request), request.params.id),
  );
  app.post(
    '/api/cases/:id/sessions',
    {
      config,
      schema: {
        tags,
        summary: 'The mediator schedules an audio/video session; invitations go to everyone invited',
        description:
          '400 SESSION_INVALID (time, length, participants, case not being mediated); 403 FORBIDDEN.',
        params: IdParams,
        body: ScheduleSessionBody,
        response: replies({ 200: MediationSession }),
      },
    },
    async (request) =>
      scheduleSession(deps, signedIn(request), { caseId: request.params.id, ...request.body }),
  );
  app.get(
    '/api/sessions/ice-servers',
    {
      config,
      schema: {
        tags,
        summary: 'STUN and TURN servers for a session’s browser, with TURN credentials of its own (hours)',
        response: replies({ 200: IceConfig }),
      },
    },
    async (request) => getIceServers(deps, signedIn(request)),
  );
  const verbs = [
    ['open', openSession, 'Open the session (from 30 minutes before its start)'],
    ['end', endSession, 'End the session for everyone'],
    ['cancel', cancelSession, 'Cancel a session that has not opened'],
  ] as const;
  for (const [verb, useCase, summary] of verbs) {
    app.post(
      `/api/cases/:id/sessions/:sessionId/${verb}`,
      {
        config,
        schema: {
          tags,
          summary,
          description: '409 CASE_ILLEGAL_EVENT / CASE_STATE_CONFLICT; 422 GUARD_FAILED; 403 FORBIDDEN.',
          params: SessionParams,
          body: SessionEventBody,
          response: replies({ 200: MediationSession }),
        },
      },
      async (request) =>
        useCase(deps, signedIn(request), {
          caseId: request.params.id,
          sessionId: request.params.sessionId,
          expectedVersion: request.body.expectedVersion,
        }),
    );
  }
  app.get(
    '/api/cases/:id/sessions/:sessionId/signal',
    { config, websocket: true, schema: { params: SessionParams } },
    (socket: WebSocket, request) => {
      // Frames that arrive while the join is checked wait for it, in order.
      const pending: string[] = [];
      let handlers: { onFrame(text: string): void; onClose(): void } | null = null;
      socket.on('message', (data, isBinary) => {
        if (isBinary) return socket.close(1003, 'text frames only');
        const text = data.toString();
        if (handlers) handlers.onFrame(text);
        else pending.push(text);
      });
      socket.on('close', () => handlers?.onClose());
      if (!sameOrigin(request.headers.origin, request.headers.host, request.protocol, deps)) {
        socket.close(SIGNAL_CLOSE.refused, 'cross-origin');
        return;
      }
      const ctx = signedIn(request);
      joinSession(deps, ctx, { caseId: request.params.id, sessionId: request.params.sessionId })
        .then(async (ticket) => {
          if (socket.readyState !== socket.OPEN) return;
          const connected = await sessionSignaling(deps).connect(ticket, {
            send: (text) => {
              if (socket.readyState === socket.OPEN) socket.send(text);
            },
            close: (code, reason) => socket.close(code, reason),
          });
          // Closed while it was being seated: it leaves at once.
          if (socket.readyState !== socket.OPEN) return connected.onClose();
          handlers = connected;
          for (const text of pending.splice(0)) connected.onFrame(text);
        })
        .catch((err: unknown) => {
          // Refused for a reason, or not seated for a fault (the database, the relay): then the browser retries.
          const code = !isAppError(err)
            ? SIGNAL_CLOSE.restarting
            : err.code === 'SESSION_NOT_OPEN'
              ? SIGNAL_CLOSE.notOpen
              : SIGNAL_CLOSE.refused;
          const message = isAppError(err)
            ? { code: err.code, message: { zh: err.messageZh, en: err.messageEn } }
            : { code: 'INTERNAL', message: { zh: '系统内部错误', en: 'Internal error' } };
          socket.send(JSON.stringify({ type: 'error', ...message }));
          socket.close(code, message.code);
        });
    },
  );
}
