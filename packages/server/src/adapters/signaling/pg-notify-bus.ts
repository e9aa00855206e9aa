import pg from 'pg';
import { newInstanceId, type SignalBus } from './signal-bus.ts';

/** NOTIFY's payload must stay under 8000 bytes; larger messages wait in `signaling_spill` and the notice names them. */
const MAX_NOTIFY_BYTES = 7000;
const RECONNECT_MS = 1000;

const channelOf = (instanceId: string) => `sutiao_signal_${instanceId}`;

/**
 * The signaling bus over PostgreSQL LISTEN/NOTIFY: one dedicated connection per instance listens on the instance's
 * channel and sends every NOTIFY, so one sender's messages keep their order. Should the connection drop, it is opened
 * again and `onReset` says messages may be lost.
 */
export function pgNotifyBus(connectionString: string): SignalBus {
  const instanceId = newInstanceId();
  let client: pg.Client | null = null;
  let closed = false;
  let handlers: { onMessage(m: unknown): void; onReset(): void } | null = null;
  // Notices are handled one after another: a spilled one is read before the next is delivered.
  let handling = Promise.resolve();

  const receive = (c: pg.Client, payload: string) => {
    handling = handling.then(async () => {
      try {
        const notice = JSON.parse(payload) as { spill?: string; message?: unknown };
        let message = notice.message;
        if (notice.spill) {
          const row = await c.query<{ payload: string }>(
            'delete from signaling_spill where id = $1 returning payload',
            [notice.spill],
          );
          if (!row.rows[0]) return;
          message = JSON.parse(row.rows[0].payload);
        }
        handlers?.onMessage(message);
      } catch (error) {
        console.error(`signaling bus: a message was dropped: ${(error as Error).message}`);
      }
    });
  };

  const open = async () => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      if (n.payload) receive(c, n.payload);
    });
    c.on('error', (error) => {
      console.error(`signaling bus connection lost: ${error.message}`);
      if (client === c) client = null;
      c.end().catch(() => undefined);
      if (!closed) setTimeout(() => void reopen(), RECONNECT_MS).unref();
    });
    await c.connect();
    await c.query(`listen "${channelOf(instanceId)}"`);
    client = c;
  };
  const reopen = async () => {
    if (closed || client) return;
    try {
      await open();
      handlers?.onReset();
    } catch {
      setTimeout(() => void reopen(), RECONNECT_MS).unref();
    }
  };
  let sending = Promise.resolve();

  return {
    instanceId,
    async start(onMessage, onReset) {
      handlers = { onMessage, onReset };
      await open();
    },
    publish(to, message) {
      const next = sending.then(async () => {
        const c = client;
        if (!c) throw new Error('signaling bus not connected');
        const body = JSON.stringify({ message });
        if (Buffer.byteLength(body) <= MAX_NOTIFY_BYTES) {
          await c.query('select pg_notify($1, $2)', [channelOf(to), body]);
          return;
        }
        const id = newInstanceId() + newInstanceId();
        await c.query('insert into signaling_spill (id, payload) values ($1, $2)', [
          id,
          JSON.stringify(message),
        ]);
        await c.query('select pg_notify($1, $2)', [channelOf(to), JSON.stringify({ spill: id })]);
      });
      sending = next.catch(() => undefined);
      return next;
    },
    async close() {
      closed = true;
      await sending;
      await handling;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
