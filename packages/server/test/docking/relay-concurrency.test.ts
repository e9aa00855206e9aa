import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONCURRENT_DELIVERIES,
  RELAY_BATCH,
  relayDue,
  relayOutbox,
} from '../../src/use-cases/docking/relay-outbox.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { TEST_PLATFORM_IDS } from '../support/test-deps.ts';
import { ENGINES } from '../support/test-databases.ts';

/**
 * Found by `npm run bench:docking`: a pass sent all 200 messages it claimed at once, the receiver answered after the
 * 10 s timeout, and every message was applied and then sent again. A pass now claims a small batch, keeps a few
 * deliveries in flight, and the relay job runs passes back to back while there is a backlog.
 */
describe.each(ENGINES)('the relay under a backlog, on %s', (engine) => {
  let link: LinkedPlatforms;
  let inFlight = 0;
  let mostInFlight = 0;

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
    const client = link.mediation.deps.docking.client;
    link.mediation.deps.docking.client = {
      ...client,
      async deliver(baseUrl, envelope) {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return await client.deliver(baseUrl, envelope);
        } finally {
          inFlight -= 1;
        }
      },
    };
  });
  afterAll(async () => link?.close());

  const pending = async () =>
    (
      await link.mediation.deps.db
        .selectFrom('docking_outbox')
        .select('message_id')
        .where('status', '=', 'pending')
        .execute()
    ).length;

  it('claims a batch per pass, keeps a bounded number in flight, and drains the backlog in one run', async () => {
    const deps = link.mediation.deps;
    const cases = 3 * RELAY_BATCH + 5;
    await deps.db.transaction().execute((trx) =>
      deps.outbox.enqueue(
        trx,
        Array.from({ length: cases }, (_, i) => ({
          type: 'case.progress' as const,
          peerId: TEST_PLATFORM_IDS.court,
          caseRef: `backlog-${i}`,
          body: { note: `进展 ${i}` },
        })),
      ),
    );
    expect(await pending()).toBe(cases);

    const first = await relayOutbox(deps);
    expect(first.claimed).toBe(RELAY_BATCH);
    expect(mostInFlight).toBe(CONCURRENT_DELIVERIES);
    expect(await pending()).toBe(cases - RELAY_BATCH);

    const rest = await relayDue(deps, 60_000);
    expect(rest.claimed).toBe(cases - RELAY_BATCH);
    expect(await pending()).toBe(0);
    expect(mostInFlight).toBe(CONCURRENT_DELIVERIES);
  });
});
