import { expect } from 'vitest';
import {
  caseClient,
  caseIn,
  type Headers,
  journeyActors,
  type JourneyActors,
  PDF_BYTES,
} from './case-fixtures.ts';
import { listenOnce } from './signaling-client.ts';
import type { TestApp } from './test-platform.ts';

const MINUTE = 60_000;

/**
 * A case in mediation (with one evidence file, `evidenceId`) with its people signed in, a stranger, user ids by name
 * and the WebSocket base address.
 */
export interface SessionCase {
  evidenceId: string;
  actors: JourneyActors;
  stranger: Headers;
  caseId: string;
  ids: Record<string, string>;
  base: string;
}

export async function sessionCase(t: TestApp): Promise<SessionCase> {
  const actors = await journeyActors(t);
  const stranger = await t.login('investor2');
  const base = await listenOnce(t);
  const uploaded = await caseClient(t).upload(actors.investor, '交易流水.pdf', PDF_BYTES);
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  const evidenceId = uploaded.json<{ id: string }>().id;
  const caseId = (await caseIn(t, actors, 'mediating', { evidenceIds: [evidenceId] })).id;
  const ids: Record<string, string> = {};
  for (const u of await t.deps.db.selectFrom('users').select(['id', 'username']).execute())
    ids[u.username] = u.id;
  return { evidenceId, actors, stranger, caseId, ids, base };
}

/** The mediator schedules a session ten minutes ahead and opens it. */
export async function openedSession(
  t: TestApp,
  c: Pick<SessionCase, 'actors' | 'caseId'>,
): Promise<{ id: string; version: number }> {
  const api = caseClient(t);
  const made = await api.post(c.actors.mediator, `/api/cases/${c.caseId}/sessions`, {
    scheduledAt: new Date(t.clock.now.getTime() + 10 * MINUTE).toISOString(),
    expectedMinutes: 60,
  });
  expect(made.statusCode, made.body).toBe(200);
  const opened = await api.post(c.actors.mediator, `/api/cases/${c.caseId}/sessions/${made.json().id}/open`, {
    expectedVersion: 1,
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json<{ id: string; version: number }>();
}
