import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireDemoPeer } from '../../src/platform/demo-peer.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { TEST_PLATFORM_IDS } from '../support/test-deps.ts';
import { ENGINES } from '../support/test-databases.ts';

/**
 * Found by the court journeys in Chromium: they start copies of one seeded demo data folder on new ports. The demo
 * wiring saw the peer already registered and kept its old address, so every message — the directory first — went
 * to a port nobody listened on, and the court never had an organization to delegate to.
 */
describe.each(ENGINES)('the demo wiring of a peer that moved to another address, on %s', (engine) => {
  let link: LinkedPlatforms;
  let courtUrl: string;

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
    courtUrl = await link.court.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => link?.close());

  const courtPeer = () =>
    link.mediation.deps.db
      .selectFrom('docking_peers')
      .select(['base_url', 'active'])
      .where('id', '=', TEST_PLATFORM_IDS.court)
      .executeTakeFirstOrThrow();

  const registrations = async () =>
    (
      await link.mediation.deps.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'docking.peer.register')
        .where('target_id', '=', TEST_PLATFORM_IDS.court)
        .execute()
    ).length;

  const wire = () =>
    new Promise<void>((resolve) => {
      const wiring = wireDemoPeer(link.mediation.deps, courtUrl, () => {
        wiring.stop();
        resolve();
      });
    });

  it('points the registered peer at the address it answers on, once', async () => {
    expect((await courtPeer()).base_url).toBe('http://court.test');
    const before = await registrations();
    await wire();
    expect(await courtPeer()).toEqual({ base_url: courtUrl, active: true });
    expect(await registrations()).toBe(before + 1);
    await wire(); // started again on the same address: nothing to change
    expect(await registrations()).toBe(before + 1);
  });
});
