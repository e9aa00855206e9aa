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
