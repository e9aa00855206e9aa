import { RECORDING_LIMITS } from '@sutiao/domain/sessions/session-recording.ts';
import type { Deps } from '../../../../deps.ts';
import { finishRecording } from '../../../../use-cases/mediation/sessions/recording/finish-recording.ts';
import { recordingMedia } from '../../../../use-cases/mediation/sessions/recording/recording-media.ts';
import { uploadRecordingChunk } from '../../../../use-cases/mediation/sessions/recording/upload-recording-chunk.ts';
import { readUploadedFile } from '../../multipart-file.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, replies } from '../common/shared.schemas.ts';
import {
  RecordingChunkParams,
  RecordingChunkReceipt,
  RecordingFinishBody,
  RecordingParams,
  SessionRecording,
} from './sessions.schemas.ts';

const tags = ['sessions'];

/**
 * A session's consented recordings: the mediator's browser uploads chunks and finishes; the session's people play it.
 * Starting and stopping happen in the room (the signaling WebSocket), where consent is given and withdrawn.
 */
export function sessionRecordingRoutes(app: RouteApp, deps: Deps) {
  const config = { access: 'signed-in' as const };
  const path = '/api/cases/:id/sessions/:sessionId/recordings/:recordingId';
  const ids = (p: { id: string; sessionId: string; recordingId: string }) => ({
    caseId: p.id,
    sessionId: p.sessionId,
    recordingId: p.recordingId,
  });
  app.post(
    `${path}/chunks/:seq`,
    {
      config,
      schema: {
        tags,
        summary: 'The recording mediator’s browser uploads chunk `seq` (multipart field `file`)',
        description:
          'Header x-chunk-sha256: the SHA-256 of the bytes. A retried chunk with the same bytes is accepted once. ' +
          '400 RECORDING_CHUNK_INVALID; 409 RECORDING_CHUNK_CONFLICT, CASE_ILLEGAL_EVENT (finished); 403 FORBIDDEN.',
        consumes: ['multipart/form-data'],
        params: RecordingChunkParams,
        response: replies({ 200: RecordingChunkReceipt }),
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const file = await readUploadedFile(request, RECORDING_LIMITS.maxChunkBytes);
      const header = request.headers['x-chunk-sha256'];
      return uploadRecordingChunk(deps, ctx, {
        ...ids(request.params),
        seq: request.params.seq,
        sha256: typeof header === 'string' ? header : undefined,
        bytes: file.bytes,
      });
    },
  );
  app.post(
    `${path}/finish`,
    {
      config,
      schema: {
        tags,
        summary:
          'After the recorder stopped, the mediator’s browser finishes the recording: SM3 into the audit',
        description:
          '409 RECORDING_INCOMPLETE (chunks missing: send them, then finish again), CASE_ILLEGAL_EVENT; 403 FORBIDDEN.',
        params: RecordingParams,
        body: RecordingFinishBody,
        response: replies({ 200: SessionRecording }),
      },
    },
    async (request) =>
      finishRecording(deps, signedIn(request), {
        ...ids(request.params),
        chunkCount: request.body.chunkCount,
      }),
  );
  app.get(
    `${path}/media`,
    {
      config,
      schema: {
        tags,
        summary: 'Play a finished recording (the session’s people and the case’s mediator only)',
        params: RecordingParams,
        response: replies({ 200: binary('video/webm', 'The recording, its chunks in order') }),
      },
    },
    async (request, reply) => {
      const media = await recordingMedia(deps, signedIn(request), ids(request.params));
      return reply
        .type(media.mimeType)
        .header('content-length', media.sizeBytes)
        .header('x-content-sm3', media.digestSm3)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(media.stream);
    },
  );
}
