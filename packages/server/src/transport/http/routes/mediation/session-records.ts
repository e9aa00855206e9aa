import type { Deps } from '../../../../deps.ts';
import { finalizeSessionRecord } from '../../../../use-cases/mediation/sessions/record/finalize-session-record.ts';
import { getSessionRecord } from '../../../../use-cases/mediation/sessions/record/get-session-record.ts';
import { saveRecordDraft } from '../../../../use-cases/mediation/sessions/record/save-record-draft.ts';
import { sessionRecordPdf } from '../../../../use-cases/mediation/sessions/record/session-record-pdf.ts';
import { signSessionRecord } from '../../../../use-cases/mediation/sessions/record/sign-session-record.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, replies } from '../common/shared.schemas.ts';
import {
  RecordDraftBody,
  RecordFinalizeBody,
  RecordSignBody,
  SessionParams,
  SessionRecordView,
} from './sessions.schemas.ts';

const tags = ['sessions'];

/** A session's record (笔录): the mediator's drafts, fixing it, each participant's signature, the sealed PDF. */
export function sessionRecordRoutes(app: RouteApp, deps: Deps) {
  const config = { access: 'signed-in' as const };
  const path = '/api/cases/:id/sessions/:sessionId/record';
  const ids = (params: { id: string; sessionId: string }) => ({
    caseId: params.id,
    sessionId: params.sessionId,
  });
  app.get(
    path,
    {
      config,
      schema: {
        tags,
        summary: 'The record of a session',
        params: SessionParams,
        response: replies({ 200: SessionRecordView }),
      },
    },
    async (request) => getSessionRecord(deps, signedIn(request), ids(request.params)),
  );
  app.post(
    `${path}/draft`,
    {
      config,
      schema: {
        tags,
        summary: 'The mediator saves the record as they type (while the session runs or after, until fixed)',
        description:
          '409 CASE_STATE_CONFLICT (another revision was saved); 409 SESSION_NOT_OPEN; 403 FORBIDDEN.',
        params: SessionParams,
        body: RecordDraftBody,
        response: replies({ 200: SessionRecordView }),
      },
    },
    async (request) => saveRecordDraft(deps, signedIn(request), { ...ids(request.params), ...request.body }),
  );
  app.post(
    `${path}/finalize`,
    {
      config,
      schema: {
        tags,
        summary: 'After the session ended, the mediator fixes the record for the participants to sign',
        description: '400 SESSION_INVALID (session not ended, empty record); 409 CASE_STATE_CONFLICT.',
        params: SessionParams,
        body: RecordFinalizeBody,
        response: replies({ 200: SessionRecordView }),
      },
    },
    async (request) =>
      finalizeSessionRecord(deps, signedIn(request), { ...ids(request.params), ...request.body }),
  );
  app.post(
    `${path}/sign`,
    {
      config,
      schema: {
        tags,
        summary:
          'A participant signs the fixed record (SM2, password re-entered); the last signature seals it',
        description:
          '401 AUTH_PASSWORD_INVALID; 409 CASE_STATE_CONFLICT (not fixed, already signed); 403 FORBIDDEN.',
        params: SessionParams,
        body: RecordSignBody,
        response: replies({ 200: SessionRecordView }),
      },
    },
    async (request) =>
      signSessionRecord(deps, signedIn(request), { ...ids(request.params), ...request.body }),
  );
  app.get(
    `${path}.pdf`,
    {
      config,
      schema: {
        tags,
        summary: 'The sealed record as a PDF',
        params: SessionParams,
        response: replies({ 200: binary('application/pdf', 'The sealed session record') }),
      },
    },
    async (request, reply) => {
      const { filename, body } = await sessionRecordPdf(deps, signedIn(request), ids(request.params));
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentDisposition('session-record.pdf', filename))
        .send(body);
    },
  );
}
