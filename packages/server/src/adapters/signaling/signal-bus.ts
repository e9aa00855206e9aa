import { randomBytes } from 'node:crypto';

/**
 * Carries signaling between the server instances of one platform: each instance has an id and receives, in the order
 * they were sent, the messages addressed to it. Messages are plain JSON objects; the bus neither keeps nor retries
 * them (a lost instance is found by its missing heartbeat, and its participants reconnect).
 */
export interface SignalBus {
  readonly instanceId: string;
  /** Starts receiving; `onReset` is told when messages may have been missed (the connection to the bus was lost). */
  start(onMessage: (message: unknown) => void, onReset: () => void): Promise<void>;
  /** Sends to one instance; messages from one sender arrive in the order sent. */
  publish(to: string, message: unknown): Promise<void>;
  close(): Promise<void>;
}

export const newInstanceId = () => randomBytes(8).toString('hex');

/** Instances of one process that hear each other (tests run several on one embedded database). */
export type MemoryNetwork = Map<string, (message: unknown) => void>;

const processNetwork: MemoryNetwork = new Map();

/** The bus of instances living in one process: the embedded database's case, where only one process can run. */
export function memoryBus(network: MemoryNetwork = processNetwork): SignalBus {
  const instanceId = newInstanceId();
  let delivered = Promise.resolve();
  return {
    instanceId,
    async start(onMessage) {
      network.set(instanceId, onMessage);
    },
    async publish(to, message) {
      const copy = JSON.parse(JSON.stringify(message)) as unknown;
      // Delivered later, as over a network, and in order.
      // A failing receiver drops its message only, as over a network.
      delivered = delivered.then(() => network.get(to)?.(copy)).catch(() => undefined);
      await delivered;
    },
    async close() {
      network.delete(instanceId);
    },
  };
}
