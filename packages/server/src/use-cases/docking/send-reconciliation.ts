import type { Deps } from '../../deps.ts';
import { caseLinkSummaries } from './case-link-summary.ts';

/** Cases per reconciliation message (the body's schema allows 10,000). */
const MAX_CASES = 5_000;

/**
 * Sends each active peer this side's summary of the cases they share (link state, last sequence written, last
 * applied), most recently active first; the peer compares them with its own (`receive-reconciliation.ts`).
 */
export async function sendReconciliation(deps: Deps): Promise<{ peers: number; cases: number }> {
  const peers = await deps.db.selectFrom('docking_peers').select('id').where('active', '=', true).execute();
  let cases = 0;
  for (const { id } of peers) {
    const summaries = [...(await caseLinkSummaries(deps.db, id)).values()].slice(0, MAX_CASES);
    if (summaries.length === 0) continue;
    cases += summaries.length;
    await deps.db.transaction().execute((trx) =>
      deps.outbox.enqueue(trx, [
        {
          type: 'link.reconciliation',
          peerId: id,
          caseRef: null,
          body: { at: deps.now().toISOString(), cases: summaries },
        },
      ]),
    );
  }
  return { peers: peers.length, cases };
}
