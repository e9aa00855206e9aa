import type { ClientMessage, ServerMessage } from '@sutiao/domain/sessions/signaling-messages.ts';

/** Close codes after which the browser must not reconnect (removed, ended, refused, not open). */
const FINAL_CODES = new Set([4000, 4002, 4403, 4409]);

/**
 * The session's signaling WebSocket, reconnecting after a network drop (1 s, 2 s, 4 s … up to 15 s) — within the
 * server's grace period the participant is back in the room without being admitted again.
 */
export class SignalingSocket {
  private ws: WebSocket | null = null;
  private retry = 0;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: string,
    private readonly handlers: {
      onMessage(m: ServerMessage): void;
      onState(state: 'connecting' | 'open' | 'reconnecting' | 'closed', code?: number): void;
    },
  ) {
    this.connect();
  }

  send(m: ClientMessage) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ws?.close(1000, 'left');
  }

  private connect() {
    this.handlers.onState(this.retry === 0 ? 'connecting' : 'reconnecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.retry = 0;
      this.handlers.onState('open');
    };
    ws.onmessage = (e) => {
      try {
        this.handlers.onMessage(JSON.parse(String(e.data)) as ServerMessage);
      } catch {
        // not a protocol frame
      }
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      if (this.stopped || FINAL_CODES.has(e.code)) {
        this.handlers.onState('closed', e.code);
        return;
      }
      this.handlers.onState('reconnecting');
      const delay = Math.min(15_000, 1000 * 2 ** this.retry);
      this.retry += 1;
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }
}
