import { compareSummaries, type CaseLinkSummary, type LinkState } from '@sutiao/domain/docking/link-state.ts';
import { caseLinkSummaries } from './case-link-summary.ts';
import type { InboundHandler } from './inbound-handler.ts';

const NONE = (caseRef: string): CaseLinkSummary => ({
  caseRef,
  linkState: 'none',
  lastSequenceSent: 0,
  lastSequenceApplied: 0,
});

/**
 * The peer's summaries against ours, case by case: a divergence (both sides settled, different link states) is
 * recorded with both versions for an administrator; one that agrees again is closed as resolved by itself.
 */
export const receiveReconciliation: InboundHandler<'link.reconciliation'> = async (deps, trx, message) => {
  const theirs = message.body.cases;
  const ours = await caseLinkSummaries(
    trx,
    message.senderId,
    theirs.map((c) => c.caseRef),
  );
  const at = deps.now();
  for (const their of theirs) {
    const our = ours.get(their.caseRef) ?? NONE(their.caseRef);
    const verdict = compareSummaries(our, { ...their, linkState: their.linkState as LinkState });
    if (verdict === 'diverged') {
      await trx
        .insertInto('docking_divergences')
        .values({
          peer_id: message.senderId,
          case_ref: their.caseRef,
          ours: JSON.stringify(our),
          theirs: JSON.stringify(their),
          found_at: at,
          resolved_at: null,
          resolution: null,
        })
        .onConflict((oc) =>
          oc
            .columns(['peer_id', 'case_ref'])
            .where('resolved_at', 'is', null)
            .doUpdateSet({ ours: JSON.stringify(our), theirs: JSON.stringify(their) }),
        )
        .execute();
    } else if (verdict === 'agree') {
      await trx
        .updateTable('docking_divergences')
        .set({ resolved_at: at, resolution: 'agrees again (reconciliation)' })
        .where('peer_id', '=', message.senderId)
        .where('case_ref', '=', their.caseRef)
        .where('resolved_at', 'is', null)
        .execute();
    }
  }
};
