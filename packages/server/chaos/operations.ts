import { type Answer, Unreachable, type UserSession } from './api-client.ts';

/** One operation a user made and the platform acknowledged (HTTP 200): the checker looks for it in the database. */
export interface AcknowledgedOperation {
  platform: 'court' | 'mediation';
  /** The case whose timeline has the event; on the mediation platform, a confirmation application's id too. */
  caseId: string;
  event: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// biome-ignore lint/suspicious/noExplicitAny: a case detail as the platform's API answers it
export type Detail = any;

/**
 * The record of a run: operations acknowledged to their caller, and answers that should never happen (a 5xx, or a
 * refusal the scenario did not expect).
 */
export class OperationLog {
  readonly acknowledged: AcknowledgedOperation[] = [];
  readonly unexpected: string[] = [];
  /** Operations sent whose answer never came (the platform died under them): their effect may or may not exist. */
  unanswered = 0;

  get count(): number {
    return this.acknowledged.length;
  }

  /**
   * Fires `event` on a case as a user does: read the case, send the event with the version read. A 409 (the case
   * moved, e.g. a link message just applied) reads again; an unreachable platform is waited for, and `done` then
   * tells whether the lost request took effect after all (so it is not sent twice).
   */
  async fire(options: {
    session: UserSession;
    platform: 'court' | 'mediation';
    caseId: string;
    event: string;
    detailPath: string;
    eventPath: string;
    body: Record<string, unknown>;
    done: (detail: Detail) => boolean;
    /**
     * The object `done` reads and whose version is sent, in the detail read and in the answer (default: the body
     * itself). A judicial confirmation application is read from its case's confirmation panel.
     */
    view?: (body: Detail) => Detail;
    /** The id the operation is recorded under, from the answer's view (default: `caseId`), e.g. a new application. */
    recordAs?: (viewed: Detail) => string;
  }): Promise<Detail> {
    const { session } = options;
    const view = options.view ?? ((body: Detail) => body);
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const current = await session.get(options.detailPath);
      if (current.status !== 200) throw new Error(`${options.detailPath}: ${current.status}`);
      const seen = view(current.body);
      if (options.done(seen)) return seen;
      let answer: Answer;
      try {
        answer = await session.call('POST', options.eventPath, {
          expectedVersion: seen?.version,
          ...options.body,
        });
      } catch (error) {
        if (!(error instanceof Unreachable)) throw error;
        this.unanswered += 1;
        await pause(300);
        continue;
      }
      if (answer.status === 200) {
        const result = view(answer.body);
        const caseId = options.recordAs ? options.recordAs(result) : options.caseId;
        this.acknowledged.push({ platform: options.platform, caseId, event: options.event });
        return result;
      }
      if (answer.status === 409) {
        await pause(50);
        continue;
      }
      this.unexpected.push(
        `${options.platform} ${options.event} on ${options.caseId}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
      throw new Error(this.unexpected.at(-1));
    }
    throw new Error(`${options.event} on ${options.caseId}: the case kept moving`);
  }

  /**
   * Creates (a complaint): an answer lost to a dying platform leaves at most a complaint nobody works on, so the
   * user simply enters it again.
   */
  async create(session: UserSession, path: string, body: unknown): Promise<Detail> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      try {
        const answer = await session.call('POST', path, body);
        if (answer.status === 200) return answer.body;
        this.unexpected.push(`${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        throw new Error(this.unexpected.at(-1));
      } catch (error) {
        if (!(error instanceof Unreachable)) throw error;
        this.unanswered += 1;
        await pause(500);
      }
    }
    throw new Error(`${path}: the platform did not answer`);
  }

  /** Records an acknowledged create (its case id is known only from the answer). */
  created(platform: 'court' | 'mediation', caseId: string, event: string): void {
    this.acknowledged.push({ platform, caseId, event });
  }
}

/** Polls a read until `until` holds: what a user sees when the other platform's message has arrived. */
export async function waitFor(
  session: UserSession,
  path: string,
  until: (body: Detail) => boolean,
  timeoutMs: number,
): Promise<Detail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await session.get(path);
    if (answer.status === 200 && until(answer.body)) return answer.body;
    if (Date.now() > deadline) {
      throw new Error(`waited ${timeoutMs} ms on ${path}: ${JSON.stringify(answer.body).slice(0, 400)}`);
    }
    await pause(150 + Math.floor(Math.random() * 150));
  }
}

/** How many times an event is on a case's timeline. */
export const eventsOf = (detail: Detail, event: string): number =>
  (detail.timeline as Array<{ event: string }>).filter((e) => e.event === event).length;
