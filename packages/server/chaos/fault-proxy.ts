import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import type { ReceiptOutcome, SignedReceipt } from '@sutiao/domain/docking/receipt.ts';
import type { Random } from './random.ts';

/** Per delivery, the chance of each fault (at most one applies; the rest pass untouched). */
export interface FaultRates {
  /** Not forwarded: the connection is cut or a 502 comes back. */
  drop: number;
  /** Forwarded after 20–600 ms. */
  delay: number;
  /** Forwarded twice at once (two deliveries race in the receiver). */
  duplicate: number;
  /** Forwarded now, and a copy 0.5–4 s later, after the messages that followed it (reordering). */
  reorder: number;
  /** Forwarded and applied, but the answer is lost: the sender's connection is cut. */
  loseAnswer: number;
}

export const NO_FAULTS: FaultRates = { drop: 0, delay: 0, duplicate: 0, reorder: 0, loseAnswer: 0 };

type Fault = keyof FaultRates | 'none';

/** What the proxy saw of one message: its header and every answer the receiver gave to a copy of it. */
export interface SeenMessage {
  envelope: DockingEnvelope;
  deliveries: number;
  outcomes: ReceiptOutcome[];
}

/**
 * A fault-injecting HTTP proxy for one direction of the link (sender's relay → receiver's peer endpoint). It
 * records every envelope and every receipt, so the checker can compare what crossed with both databases.
 */
export class FaultProxy {
  rates: FaultRates;
  readonly seen = new Map<string, SeenMessage>();
  readonly faults: Record<Fault, number> = {
    none: 0,
    drop: 0,
    delay: 0,
    duplicate: 0,
    reorder: 0,
    loseAnswer: 0,
  };
  /** Answers of the receiver that were neither a receipt nor a connection error (a 5xx is a bug). */
  readonly serverErrors: string[] = [];
  lastActivity = Date.now();
  /** GET /api/docking/identity answered through this proxy: the sender has looked its peer up. */
  identityLookups = 0;
  private inFlight = 0;
  private server: Server | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly name: string,
    private readonly targetUrl: () => string,
    rates: FaultRates,
    private readonly random: Random,
  ) {
    this.rates = rates;
  }

  listen(port: number): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch(() => res.socket?.destroy());
    });
    this.server.keepAliveTimeout = 5_000;
    return new Promise((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
  }

  /** Nothing in flight, no late copy pending, and quiet for `ms`. */
  idleFor(ms: number): boolean {
    return this.inFlight === 0 && this.timers.size === 0 && Date.now() - this.lastActivity >= ms;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(resolve);
    });
  }

  private pickFault(): Fault {
    let roll = this.random.next();
    for (const fault of ['drop', 'delay', 'duplicate', 'reorder', 'loseAnswer'] as const) {
      if (roll < this.rates[fault]) return fault;
      roll -= this.rates[fault];
    }
    return 'none';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    this.inFlight += 1;
    this.lastActivity = Date.now();
    try {
      if (req.method !== 'POST' || path !== '/api/docking/messages') {
        const answer = await this.forward(req.method ?? 'GET', path, req.method === 'GET' ? undefined : text);
        if (path === '/api/docking/identity' && answer.status === 200) this.identityLookups += 1;
        return reply(res, answer);
      }
      const envelope = JSON.parse(text) as DockingEnvelope;
      const entry = this.seen.get(envelope.header.messageId) ?? { envelope, deliveries: 0, outcomes: [] };
      this.seen.set(envelope.header.messageId, entry);
      const fault = this.pickFault();
      this.faults[fault] += 1;
      if (fault === 'drop') {
        if (this.random.chance(0.5)) return void res.socket?.destroy();
        return reply(res, { status: 502, body: '{"code":"PROXY_DROP"}' });
      }
      if (fault === 'delay') await pause(this.random.between(20, 600));
      if (fault === 'reorder') this.later(this.random.between(500, 4000), () => this.deliver(text, entry));
      if (fault === 'duplicate') {
        const [first] = await Promise.all([this.deliver(text, entry), this.deliver(text, entry)]);
        return reply(res, first);
      }
      const answer = await this.deliver(text, entry);
      if (fault === 'loseAnswer') return void res.socket?.destroy();
      return reply(res, answer);
    } finally {
      this.inFlight -= 1;
      this.lastActivity = Date.now();
    }
  }

  private later(ms: number, run: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.inFlight += 1;
      void run()
        .catch(() => undefined)
        .finally(() => {
          this.inFlight -= 1;
          this.lastActivity = Date.now();
        });
    }, ms);
    this.timers.add(timer);
  }

  /** One copy to the receiver; its answer is recorded (a connection error stands for a receiver that is down). */
  private async deliver(text: string, entry: SeenMessage): Promise<{ status: number; body: string }> {
    entry.deliveries += 1;
    const answer = await this.forward('POST', '/api/docking/messages', text);
    if (answer.status >= 500 && answer.status !== 502) {
      this.serverErrors.push(
        `${this.name} ${entry.envelope.header.type}: ${answer.status} ${answer.body.slice(0, 300)}`,
      );
    }
    try {
      const signed = (JSON.parse(answer.body) as { receipt?: SignedReceipt }).receipt;
      if (signed?.receipt?.outcome) entry.outcomes.push(signed.receipt.outcome);
    } catch {
      // not a receipt: counted by the relay as a failed attempt
    }
    return answer;
  }

  private async forward(
    method: string,
    path: string,
    body?: string,
  ): Promise<{ status: number; body: string }> {
    try {
      const response = await fetch(new URL(path, this.targetUrl()), {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: response.status, body: await response.text() };
    } catch {
      return { status: 502, body: '{"code":"PROXY_TARGET_DOWN"}' };
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reply(res: ServerResponse, answer: { status: number; body: string }): void {
  res.writeHead(answer.status, { 'content-type': 'application/json' });
  res.end(answer.body);
}
