import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/jobs/job-registry.ts';
import { startJobs } from '../../src/jobs/job-runner.ts';
import { forgetPeers } from '../../src/use-cases/docking/peer-directory.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { TEST_PLATFORM_IDS } from '../support/test-deps.ts';
import { ENGINES } from '../support/test-databases.ts';

/**
 * Found by the chaos harness (`npm run chaos`): `npm start` wires the demo peers after the platform's start-up run
 * of the scheduled jobs, then triggers the directory sync (platform/main.ts). The start-up run keeps the job's lease
 * for most of its 5-minute period, so the trigger does nothing and the court sees no directory for 5 minutes.
 */
describe.each(ENGINES)('the directory sync triggered after a peer is registered, on %s', (engine) => {
  let link: LinkedPlatforms;

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
  });
  afterAll(async () => link?.close());

  it('publishes the directory to the new peer at once', async () => {
    const deps = link.mediation.deps;
    const setCourt = async (active: boolean) => {
      await deps.db
        .updateTable('docking_peers')
        .set({ active })
        .where('id', '=', TEST_PLATFORM_IDS.court)
        .execute();
      forgetPeers(deps.db);
    };
    const jobs = startJobs(deps, JOBS, { schedule: false, log: () => undefined });
    try {
      await setCourt(false);
      expect(await jobs.runNow('docking.directory-sync')).toBe(true); // the start-up run: no court known yet
      await setCourt(true); // the demo wiring registers the court, then triggers the sync
      expect(await jobs.trigger('docking.directory-sync')).toBe(true);
      const sent = await deps.db.selectFrom('docking_outbox').select('type').execute();
      expect(sent.map((m) => m.type)).toContain('directory.sync');
    } finally {
      await jobs.stop();
    }
  });
});
