import type { PeerAnswer, PeerClient, SignedFetch } from '../../use-cases/docking/docking-link.ts';

const DELIVERY_TIMEOUT_MS = 10_000;

async function answerOf(response: Response): Promise<PeerAnswer> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text.slice(0, 500);
  }
  return { status: response.status, body };
}

/** Delivers envelopes to a peer over real HTTP (POST <base>/api/docking/messages). */
export function httpPeerClient(options: { timeoutMs?: number } = {}): PeerClient {
  const timeout = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return {
    async deliver(baseUrl, envelope) {
      const response = await fetch(new URL('/api/docking/messages', baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope),
        signal: AbortSignal.timeout(timeout),
      });
      return answerOf(response);
    },
    async fetchAttachment(baseUrl, request: SignedFetch) {
      const response = await fetch(new URL('/api/docking/attachments', baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(timeout * 3),
      });
      if (!response.ok) return { status: response.status, bytes: null };
      return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
    },
  };
}
