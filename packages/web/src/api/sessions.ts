import { request } from './client.ts';
import type { components } from './generated/openapi.ts';

/** Audio/video sessions' shapes, from the generated API types. */
export type MediationSession = components['schemas']['MediationSession'];
export type SessionSeat = MediationSession['participants'][number];

const enc = encodeURIComponent;
const base = (caseId: string) => `/api/cases/${enc(caseId)}/sessions`;

export const listSessions = (caseId: string) => request<MediationSession[]>(base(caseId), { silent: true });
export const scheduleSession = (caseId: string, scheduledAt: string, expectedMinutes: number) =>
  request<MediationSession>(base(caseId), { body: { scheduledAt, expectedMinutes } });
export const sessionEvent = (s: MediationSession, event: 'open' | 'end' | 'cancel') =>
  request<MediationSession>(`${base(s.caseId)}/${enc(s.id)}/${event}`, {
    body: { expectedVersion: s.version },
  });

/** The signaling WebSocket's address on this page's own origin (the session cookie goes with it). */
export const signalingUrl = (caseId: string, sessionId: string) => {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${base(caseId)}/${enc(sessionId)}/signal`;
};

export type IceConfig = components['schemas']['IceConfig'];
/** Silent: without them the browser still connects on a local network (host candidates). */
export const getIceServers = () =>
  request<IceConfig>('/api/sessions/ice-servers', { silent: true }).catch(
    (): IceConfig => ({ iceServers: [], iceTransportPolicy: 'all' }),
  );

export type SessionRecord = components['schemas']['SessionRecord'];
const recordPath = (caseId: string, sessionId: string) => `${base(caseId)}/${enc(sessionId)}/record`;
export const getSessionRecord = (caseId: string, sessionId: string) =>
  request<SessionRecord>(recordPath(caseId, sessionId), { silent: true });
/** Silent: the editor shows a conflict or a failed save beside the text, without a toast per keystroke. */
export const saveRecordDraft = (caseId: string, sessionId: string, body: string, revision: number) =>
  request<SessionRecord>(`${recordPath(caseId, sessionId)}/draft`, {
    body: { body, revision },
    silent: true,
  });
export const finalizeRecord = (caseId: string, sessionId: string, revision: number) =>
  request<SessionRecord>(`${recordPath(caseId, sessionId)}/finalize`, { body: { revision } });
export const signRecord = (caseId: string, sessionId: string, password: string) =>
  request<SessionRecord>(`${recordPath(caseId, sessionId)}/sign`, { body: { password } });
export const recordPdfUrl = (caseId: string, sessionId: string) => `${recordPath(caseId, sessionId)}.pdf`;

export type SessionRecording = components['schemas']['SessionRecording'];
const recordingPath = (caseId: string, sessionId: string, recordingId: string) =>
  `${base(caseId)}/${enc(sessionId)}/recordings/${enc(recordingId)}`;
type ChunkReceipt = { seq: number; sha256: string; sizeBytes: number; duplicate: boolean };
/** Silent: the recorder retries a failed chunk and shows its own status. */
export const uploadRecordingChunk = (
  ids: { caseId: string; sessionId: string; recordingId: string },
  seq: number,
  chunk: Blob,
  sha256: string,
) => {
  const form = new FormData();
  form.append('file', chunk, `chunk-${seq}.webm`);
  return request<ChunkReceipt>(`${recordingPath(ids.caseId, ids.sessionId, ids.recordingId)}/chunks/${seq}`, {
    method: 'POST',
    body: form,
    headers: { 'x-chunk-sha256': sha256 },
    silent: true,
  });
};
export const finishRecording = (
  ids: { caseId: string; sessionId: string; recordingId: string },
  chunkCount: number,
) =>
  request<SessionRecording>(`${recordingPath(ids.caseId, ids.sessionId, ids.recordingId)}/finish`, {
    body: { chunkCount },
    silent: true,
  });
