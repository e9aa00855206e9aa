import { describe, expect, it } from 'vitest';
import { DEFAULT_RATES, runChaos } from '../../chaos/chaos-harness.ts';

/**
 * The short form of `npm run chaos` (same harness, a few hundred operations): both platforms as processes on real
 * HTTP, the fault proxy both ways, one SIGKILL and restart of each platform, attacks on the side, court referrals and
 * judicial confirmations worked through both APIs, then the check of both databases.
 */
describe('the docking link under faults (short chaos run)', () => {
  it('loses, duplicates and diverges nothing', { timeout: 900_000 }, async () => {
    const result = await runChaos({
      operations: 300,
      seed: 20_261_202,
      concurrency: 24,
      rates: DEFAULT_RATES,
      attacksPerSecond: 4,
    });
    expect(result.restarts).toHaveLength(2);
    expect(result.attacks.sent).toBeGreaterThan(0);
    expect({
      failedCases: result.failedCases,
      serverErrors: result.serverErrors,
      unexpected: result.unexpected,
      wrongAttackAnswers: result.attacks.wrongAnswers,
      findings: result.findings,
    }).toEqual({ failedCases: [], serverErrors: [], unexpected: [], wrongAttackAnswers: [], findings: [] });
    expect(result.operations).toBeGreaterThanOrEqual(300);
    // Judicial confirmation (lifecycle D) is part of the campaign: each of its six messages crossed.
    expect(Object.keys(result.messages['mediation→court'] ?? {})).toEqual(
      expect.arrayContaining(['confirmation.apply', 'confirmation.supplement', 'confirmation.withdrawal']),
    );
    expect(Object.keys(result.messages['court→mediation'] ?? {})).toEqual(
      expect.arrayContaining([
        'confirmation.acceptance',
        'confirmation.supplement-request',
        'confirmation.ruling',
      ]),
    );
    expect({ lost: result.lost, duplicated: result.duplicated, diverged: result.diverged }).toEqual({
      lost: 0,
      duplicated: 0,
      diverged: 0,
    });
  });
});
