import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { TestApp } from './test-platform.ts';

export type Frame = { type: string } & Record<string, unknown>;

/** A participant's signaling WebSocket in a test: every frame received is kept, and can be awaited by a predicate. */
export interface SignalingClient {
  frames: Frame[];
  send(message: unknown): void;
  /** Takes the first kept or coming frame that matches, within `ms`. */
  next(match: (f: Frame) => boolean, ms?: number): Promise<Frame>;
  /** Resolves with the close code. */
  closed: Promise<number>;
  close(): void;
}

/** The address of the test app's HTTP listener, started on an ephemeral port on first use. */
export async function listenOnce(t: Pick<TestApp, 'app'>): Promise<string> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}`;
}

export function connectSignaling(
  base: string,
  path: string,
  headers: Record<string, string>,
): Promise<SignalingClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base}${path}`, { headers });
    const frames: Frame[] = [];
    const waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
    let closedCode: (code: number) => void = () => undefined;
    const closed = new Promise<number>((r) => {
      closedCode = r;
    });
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      frames.push(frame);
      for (const w of [...waiters]) {
        if (w.match(frame)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    });
    ws.on('close', (code) => closedCode(code));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        frames,
        send: (message) => ws.send(JSON.stringify(message)),
        next(match, ms = 5000) {
          const already = frames.find(match);
          if (already) {
            frames.splice(frames.indexOf(already), 1);
            return Promise.resolve(already);
          }
          return new Promise((res, rej) => {
            const timer = setTimeout(
              () => rej(new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(frames)}`)),
              ms,
            );
            waiters.push({
              match,
              resolve: (f) => {
                clearTimeout(timer);
                frames.splice(frames.indexOf(f), 1);
                res(f);
              },
            });
          });
        },
        closed,
        close: () => ws.close(),
      }),
    );
  });
}
