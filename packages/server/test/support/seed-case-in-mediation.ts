import { expect } from 'vitest';
import { caseIn, type Headers, journeyActors } from './case-fixtures.ts';
import type { TestApp } from './test-platform.ts';

export type { Headers } from './case-fixtures.ts';

export interface CaseState {
  id: string;
  version: number;
  status: string;
  caseNumber: string | null;
}

/** POST /api/cases/:id/{event} as `headers` with the body as given, returning the raw response (errors too). */
export function fireEvent(
  t: TestApp,
  headers: Headers,
  caseId: string,
  event: string,
  body: Record<string, unknown>,
) {
  return t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/${event}`, headers, payload: body });
}

/** Fires an event from the version the caller last saw; it must succeed. Returns the new CaseDetail. */
export async function fireOk<T extends CaseState = CaseState & Record<string, unknown>>(
  t: TestApp,
  headers: Headers,
  c: Pick<CaseState, 'id' | 'version'>,
  event: string,
  body: Record<string, unknown> = {},
) {
  const res = await fireEvent(t, headers, c.id, event, { ...body, expectedVersion: c.version });
  expect(res.statusCode, `${event}: ${res.body}`).toBe(200);
  return res.json<T>();
}

export interface MediatingCase {
  case: CaseState;
  investor: Headers;
  respondent: Headers;
  mediator: Headers;
  admin: Headers;
}

/**
 * A case in `mediating` (the cases engineer's `caseIn` factory): investor1 against 华信证券, handled by the center,
 * mediator1 assigned; with the four actors of the agreement signed in.
 */
export async function seedCaseInMediation(t: TestApp, claimAmountFen = 5_000_000): Promise<MediatingCase> {
  const actors = await journeyActors(t);
  const c = await caseIn(t, actors, 'mediating', { claimAmountFen });
  return {
    case: { ...c, status: 'mediating' },
    investor: actors.investor,
    respondent: actors.firm,
    mediator: actors.mediator,
    admin: actors.admin,
  };
}
