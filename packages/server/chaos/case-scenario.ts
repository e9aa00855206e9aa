import type { UserSession } from './api-client.ts';
import { type Detail, eventsOf, type OperationLog, waitFor } from './operations.ts';
import type { Random } from './random.ts';

/** The users who work the cases, signed in on their own platform. */
export interface Actors {
  filingOfficer: UserSession;
  judge: UserSession;
  orgAdmin: UserSession;
  /** The organization the court delegates to (a workstation in the synced directory) and its mediator. */
  organizationId: string;
  mediatorId: string;
}

/** How long a user waits to see the other platform's message (faults and a restart included). */
const LINK_WAIT_MS = 180_000;

const complaint = (amountFen: number) => ({
  parties: [
    // investor1 and firm-huaxin of the demo data: parties the mediation platform can match (a case whose parties it
    // cannot match answers 500 today: test/docking/referral-of-unregistered-parties.test.ts).
    { kind: 'person', role: 'plaintiff', name: '张伟', idNumber: '31010119800101123X', phone: '13812345678' },
    { kind: 'organization', role: 'defendant', name: '华信证券股份有限公司', idNumber: '91310000MA1HX0001A' },
  ],
  claims: '判令被告赔偿原告投资差额损失',
  claimAmountFen: amountFen,
  facts: '原告因被告虚假陈述买入股票受损。',
});

/**
 * One court case from complaint to its end, driven through both platforms' HTTP APIs as their users do: the court
 * delegates, the organization signs for it (or declines), extensions from either side, a mediator, a closing
 * report, filing, then an entrustment of the filed case that is recalled or fails. Each side acts on what it sees
 * of the other's messages, so every step waits for the link. `amountFen` is unique per case: it is how the
 * organization's queue tells the case apart.
 */
export async function runCase(log: OperationLog, actors: Actors, random: Random, amountFen: number) {
  const { filingOfficer: court, orgAdmin: org } = actors;
  const courtCase = (id: string) => `/api/court/cases/${id}`;
  const courtFire = (
    id: string,
    event: string,
    body: Record<string, unknown>,
    done: (d: Detail) => boolean,
  ) =>
    log.fire({
      session: event === 'resume-trial' ? actors.judge : court,
      platform: 'court',
      caseId: id,
      event,
      detailPath: courtCase(id),
      eventPath: `${courtCase(id)}/${event}`,
      body,
      done,
    });
  const orgFire = (id: string, event: string, body: Record<string, unknown>, done: (d: Detail) => boolean) =>
    log.fire({
      session: org,
      platform: 'mediation',
      caseId: id,
      event,
      detailPath: `/api/cases/${id}`,
      eventPath: `/api/cases/${id}/${event}`,
      body,
      done,
    });
  const courtSees = (id: string, until: (d: Detail) => boolean) =>
    waitFor(court, courtCase(id), until, LINK_WAIT_MS);
  const orgSees = (id: string, until: (d: Detail) => boolean) =>
    waitFor(org, `/api/cases/${id}`, until, LINK_WAIT_MS);
  const status =
    (...states: string[]) =>
    (d: { status: string }) =>
      states.includes(d.status);

  /** The referred case as it arrives in the organization's queue (awaiting receipt). */
  const arrival = async (): Promise<string> => {
    const found = await waitFor(
      org,
      '/api/cases?status=awaiting_receipt&pageSize=100',
      (list: { items: Array<{ claimAmountFen: number }> }) =>
        list.items.some((c) => c.claimAmountFen === amountFen),
      LINK_WAIT_MS,
    );
    return (found.items as Array<{ id: string; claimAmountFen: number }>).find(
      (c) => c.claimAmountFen === amountFen,
    )!.id;
  };

  /** Sign for receipt (or decline, 1 in 8); resolves once the court has seen the answer. */
  const answerReferral = async (courtId: string, orgId: string): Promise<'received' | 'declined'> => {
    if (random.chance(0.125)) {
      await orgFire(
        orgId,
        'decline',
        { reasonCode: 'no-capacity', note: '本月调解员已满' },
        status('declined'),
      );
      await courtSees(courtId, status('declined'));
      return 'declined';
    }
    await orgFire(orgId, 'sign-for-receipt', {}, status('accepted', 'mediating'));
    await courtSees(courtId, status('mediating'));
    return 'received';
  };

  /** An extension agreed by the parties, recorded on either side; the other side sees it. */
  const extend = async (courtId: string, orgId: string) => {
    const before = eventsOf(await org.get(`/api/cases/${orgId}`).then((a) => a.body), 'extend');
    const courtBefore = eventsOf(await court.get(courtCase(courtId)).then((a) => a.body), 'extend');
    if (random.chance(0.5)) {
      await courtFire(
        courtId,
        'extend',
        { days: 5, note: '双方当事人同意延长调解期限' },
        (d) => eventsOf(d, 'extend') > courtBefore,
      );
      await orgSees(orgId, (d) => eventsOf(d, 'extend') > before);
    } else {
      await orgFire(
        orgId,
        'extend',
        { days: 5, consent: '双方当事人书面同意延长五日' },
        (d) => eventsOf(d, 'extend') > before,
      );
      await courtSees(courtId, (d) => eventsOf(d, 'extend') > courtBefore);
    }
  };

  /** The organization appoints the mediator; the court sees the progress message. */
  const appoint = async (courtId: string, orgId: string) => {
    const progress = eventsOf(await court.get(courtCase(courtId)).then((a) => a.body), 'progress');
    await orgFire(orgId, 'set-track', { track: 'simple' }, (d: { track: string | null }) => d.track !== null);
    await orgFire(orgId, 'assign-mediator', { mediatorId: actors.mediatorId }, status('mediating'));
    await courtSees(courtId, (d) => eventsOf(d, 'progress') > progress);
  };

  /** Mediation fails: the closing report reaches the court. */
  const fail = async (courtId: string, orgId: string) => {
    await orgFire(
      orgId,
      'fail',
      { reasonCode: 'amount-gap', undisputedFacts: '双方对开户及交易事实无争议' },
      status('failed'),
    );
    await courtSees(courtId, status('failed'));
  };

  // Lifecycle B: complaint → consent → delegation.
  const entered = await log.create(court, '/api/court/cases', complaint(amountFen));
  const delegationId = entered.id as string;
  log.created('court', delegationId, 'enter-complaint');
  await courtFire(
    delegationId,
    'record-consent',
    { note: '双方当事人同意诉前调解' },
    status('consented', 'delegated'),
  );
  await courtFire(
    delegationId,
    'delegate',
    { organizationId: actors.organizationId, mediatorId: null },
    (d: { status: string }) => d.status !== 'consented',
  );
  const delegated = await arrival();
  let toFile = true;
  if ((await answerReferral(delegationId, delegated)) === 'received') {
    if (random.chance(0.7)) await extend(delegationId, delegated);
    await appoint(delegationId, delegated);
    if (random.chance(0.2)) {
      await courtFire(
        delegationId,
        'withdraw',
        { note: '当事人已自行和解，法院撤回委派' },
        status('withdrawn'),
      );
      await orgSees(delegated, status('withdrawn'));
      toFile = false;
    } else {
      await fail(delegationId, delegated);
    }
  }
  if (!toFile) return;
  const notices = eventsOf(
    await org.get(`/api/cases/${delegated}`).then((a) => a.body),
    'court-filing-notice',
  );
  const filed = await courtFire(delegationId, 'file', {}, status('filed'));
  const reported = filed.status === 'filed' && eventsOf(filed, 'report-failed') > 0;
  if (reported) await orgSees(delegated, (d) => eventsOf(d, 'court-filing-notice') > notices);

  // Lifecycle C: the filed case is entrusted to the organization.
  const filedId = (filed.continuation ?? (await court.get(courtCase(delegationId))).body.continuation)
    ?.id as string;
  await courtFire(
    filedId,
    'record-consent',
    { note: '双方当事人同意诉中调解' },
    status('consented', 'entrusted'),
  );
  await courtFire(
    filedId,
    'entrust',
    {
      organizationId: actors.organizationId,
      mediatorId: null,
      procedure: random.pick(['ordinary', 'summary']),
    },
    (d: { status: string }) => d.status !== 'consented',
  );
  const entrusted = await arrival();
  if ((await answerReferral(filedId, entrusted)) === 'declined') {
    await courtFire(filedId, 'resume-trial', { note: '调解组织退回，恢复审理' }, status('trial'));
    return;
  }
  if (random.chance(0.3)) await extend(filedId, entrusted);
  if (random.chance(0.6)) {
    await courtFire(filedId, 'recall', { note: '法院收回委托，恢复审理' }, status('trial'));
    await orgSees(entrusted, status('withdrawn'));
    return;
  }
  await appoint(filedId, entrusted);
  await fail(filedId, entrusted);
  const after = eventsOf(await org.get(`/api/cases/${entrusted}`).then((a) => a.body), 'court-filing-notice');
  await courtFire(filedId, 'resume-trial', { note: '调解不成，恢复审理' }, status('trial'));
  await orgSees(entrusted, (d) => eventsOf(d, 'court-filing-notice') > after);
}
