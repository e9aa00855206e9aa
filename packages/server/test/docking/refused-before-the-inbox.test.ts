import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetPeers } from '../../src/use-cases/docking/peer-directory.ts';
import { publishDirectory } from '../../src/use-cases/docking/publish-directory.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { TEST_PLATFORM_IDS } from '../support/test-deps.ts';
import { ENGINES } from '../support/test-databases.ts';

/**
 * Found by the chaos harness (`npm run chaos`): with `npm start`'s demo wiring the mediation platform may publish
 * its directory before the court has registered it. That first message is refused at the envelope check
 * (UNKNOWN_SENDER: final, never retried) without reaching the inbox, so it does not consume its sequence number;
 * every later message of the same sender and case is then held behind a gap that can never fill.
 */
describe.each(ENGINES)('a message refused before the inbox on %s', (engine) => {
  let link: LinkedPlatforms;

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
  });
  afterAll(async () => link?.close());

  const setMediationKnownAtCourt = async (active: boolean) => {
    await link.court.deps.db
      .updateTable('docking_peers')
      .set({ active })
      .where('id', '=', TEST_PLATFORM_IDS.mediation)
      .execute();
    forgetPeers(link.court.deps.db);
  };

  it('is delivered again once the receiver knows the sender, and nothing after it is held', async () => {
    await setMediationKnownAtCourt(false);
    await publishDirectory(link.mediation.deps);
    await link.deliverAll();
    expect(
      await link.court.deps.db.selectFrom('docking_directory').select('organization_id').execute(),
    ).toEqual([]);

    await setMediationKnownAtCourt(true);
    await publishDirectory(link.mediation.deps);
    link.advance(60_000);
    await link.deliverAll();
    const inbox = await link.court.deps.db
      .selectFrom('docking_inbox')
      .select(['type', 'status'])
      .where('sender_id', '=', TEST_PLATFORM_IDS.mediation)
      .execute();
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.filter((m) => m.status !== 'applied')).toEqual([]);
    const directory = await link.court.deps.db
      .selectFrom('docking_directory')
      .select('organization_id')
      .execute();
    expect(directory.length).toBeGreaterThan(0);
    const outbox = await link.mediation.deps.db.selectFrom('docking_outbox').select('status').execute();
    expect(outbox.map((m) => m.status)).toEqual(outbox.map(() => 'delivered'));
  });
});
