import type { Deps, SignedInContext } from '../../../deps.ts';
import { presentStanding, type StandingView } from './present-standing.ts';
import { trainingScope } from './training-scope.ts';
import { standingsOf, traineesIn } from './training-standings.ts';

export interface RosterEntry {
  userId: string;
  displayName: string;
  role: string;
  organizationId: string;
  organizationName: string;
  standing: StandingView;
}

/**
 * Everyone with a trainee role in the organizations a reader oversees, with their hours and whether they are flagged
 * (short, in grace) or suspended from assignment; the flagged and suspended first.
 */
export async function trainingRoster(deps: Deps, ctx: SignedInContext): Promise<{ items: RosterEntry[] }> {
  const scope = await trainingScope(deps, ctx);
  const people = await traineesIn(deps.db, deps.platform, scope.organizationIds);
  const standings = await standingsOf(deps.db, people, deps.now());
  const rank = { suspended: 0, 'catching-up': 1, met: 2 } as const;
  const items = people.map((p) => {
    const standing = standings.get(p.userId);
    if (!standing) throw new Error(`no standing for ${p.userId}`);
    return {
      userId: p.userId,
      displayName: p.displayName,
      role: p.role,
      organizationId: p.organizationId,
      organizationName: p.organizationName,
      standing: presentStanding(standing),
    };
  });
  items.sort((a, b) => rank[a.standing.status] - rank[b.standing.status]);
  return { items };
}
