import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DockingEnvelope } from '@sutiao/domain/docking/envelope.ts';
import { type MessageFields, sealMessage } from '@sutiao/domain/docking/protocol.ts';
import type { SignedReceipt } from '@sutiao/domain/docking/receipt.ts';
import { generateSigner } from '../../src/adapters/crypto/signer.ts';
import { dockingCrypto } from '../../src/adapters/docking/docking-crypto.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { delegationBody, newCaseRef } from '../support/referral-fixtures.ts';
import { TEST_KEYS, TEST_PLATFORM_IDS } from '../support/test-deps.ts';
import { ENGINES } from '../support/test-databases.ts';

describe.each(ENGINES)('the mediation platform inbox on %s', (engine) => {
  let link: LinkedPlatforms;
  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
  });
  afterAll(async () => link?.close());

  const envelope = (
    over: Partial<MessageFields>,
    body: unknown,
    signer = TEST_KEYS.court.signer,
  ): DockingEnvelope => {
    const at = link.mediation.clock.now.toISOString();
    return sealMessage(
      {
        messageId: `m-${Math.random().toString(36).slice(2)}`,
        type: 'case.delegate',
        senderPlatform: 'court',
        senderId: TEST_PLATFORM_IDS.court,
        caseRef: null,
        sequence: 1,
        createdAt: at,
        sentAt: at,
        ...over,
      },
      body,
      signer,
      dockingCrypto,
    );
  };
  const post = (payload: unknown) =>
    link.mediation.app.inject({ method: 'POST', url: '/api/docking/messages', payload: payload as object });
  const receiptOf = (res: { json(): unknown }) => (res.json() as { receipt: SignedReceipt }).receipt.receipt;
  const cases = (caseRef: string) =>
    link.mediation.deps.db
      .selectFrom('cases')
      .select(['id', 'status', 'closing_reason'])
      .where('court_case_ref', '=', caseRef)
      .execute();

  it('holds a message that arrives before its predecessor and applies both, in order, when the gap fills', async () => {
    const caseRef = newCaseRef();
    const delegate = envelope({ caseRef, sequence: 1 }, delegationBody());
    const withdraw = envelope(
      { caseRef, sequence: 2, type: 'case.withdrawal' },
      { withdrawnAt: new Date().toISOString(), reason: '法院撤回' },
    );
    const early = await post(withdraw);
    expect(early.statusCode).toBe(200);
    expect(receiptOf(early).outcome).toBe('held');
    expect(await cases(caseRef)).toEqual([]);

    const first = await post(delegate);
    expect(receiptOf(first).outcome).toBe('accepted');
    const [c] = await cases(caseRef);
    expect(c).toMatchObject({ status: 'withdrawn', closing_reason: '法院撤回' });
    const rows = await link.mediation.deps.db
      .selectFrom('docking_inbox')
      .select(['sequence', 'status'])
      .where('case_ref', '=', caseRef)
      .orderBy('sequence')
      .execute();
    expect(rows).toEqual([
      { sequence: 1, status: 'applied' },
      { sequence: 2, status: 'applied' },
    ]);
  });

  it('moves the cursor once per sequence, a refused message included, and refuses a sequence already used', async () => {
    const caseRef = newCaseRef();
    const cursor = async () =>
      (
        await link.mediation.deps.db
          .selectFrom('docking_inbox_cursors')
          .select('last_applied')
          .where('case_ref', '=', caseRef)
          .executeTakeFirst()
      )?.last_applied;
    const refused = await post(
      envelope({ caseRef, sequence: 1 }, delegationBody({ organizationId: 'no-such-org' })),
    );
    expect(receiptOf(refused)).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_ORGANIZATION' });
    expect(await cursor()).toBe(1);
    // The refused delegation used sequence 1: the court's corrected one comes as 2 and applies at once.
    expect(receiptOf(await post(envelope({ caseRef, sequence: 2 }, delegationBody()))).outcome).toBe(
      'accepted',
    );
    expect(await cursor()).toBe(2);
    expect(await cases(caseRef)).toHaveLength(1);
    const reused = await post(envelope({ caseRef, sequence: 2 }, delegationBody()));
    expect(receiptOf(reused)).toMatchObject({ outcome: 'rejected', code: 'REPLAYED' });
    expect(await cursor()).toBe(2);
    // Two held behind a gap, then the gap filled: all three applied in order and the cursor at the last.
    const withdrawal = { withdrawnAt: new Date().toISOString(), reason: '法院撤回' };
    const fifth = await post(envelope({ caseRef, sequence: 5, type: 'case.withdrawal' }, withdrawal));
    const fourth = await post(envelope({ caseRef, sequence: 4, type: 'case.withdrawal' }, withdrawal));
    expect([receiptOf(fifth).outcome, receiptOf(fourth).outcome]).toEqual(['held', 'held']);
    expect(await cursor()).toBe(2);
    const third = await post(envelope({ caseRef, sequence: 3, type: 'case.withdrawal' }, withdrawal));
    expect(receiptOf(third).outcome).toBe('accepted');
    expect(await cursor()).toBe(5);
    const statuses = await link.mediation.deps.db
      .selectFrom('docking_inbox')
      .select(['sequence', 'status'])
      .where('case_ref', '=', caseRef)
      .where('sequence', '>=', 3)
      .orderBy('sequence')
      .execute();
    // The first withdrawal applies; the case is then closed, so the later two are refused — each in its turn.
    expect(statuses).toEqual([
      { sequence: 3, status: 'applied' },
      { sequence: 4, status: 'rejected' },
      { sequence: 5, status: 'rejected' },
    ]);
    const [c] = await cases(caseRef);
    expect(c?.status).toBe('withdrawn');
  });

  it('answers a redelivery as duplicate, and the same id with another body as REPLAYED, with no state change', async () => {
    const caseRef = newCaseRef();
    const message = envelope({ caseRef }, delegationBody());
    expect(receiptOf(await post(message)).outcome).toBe('accepted');
    const again = await post({ ...message, header: { ...message.header } });
    expect(receiptOf(again).outcome).toBe('duplicate');
    const tampered = envelope(
      { caseRef, messageId: message.header.messageId },
      delegationBody({ claimAmountFen: 1 }),
    );
    const replay = await post(tampered);
    expect(replay.statusCode).toBe(422);
    expect(receiptOf(replay)).toMatchObject({ outcome: 'rejected', code: 'REPLAYED' });
    expect(await cases(caseRef)).toHaveLength(1);
  });

  it('a repeat of a message refused the first time is refused again with the same code, not answered duplicate', async () => {
    const caseRef = newCaseRef();
    const refused = envelope({ caseRef }, delegationBody({ organizationId: 'no-such-org' }));
    expect(receiptOf(await post(refused))).toMatchObject({
      outcome: 'rejected',
      code: 'UNKNOWN_ORGANIZATION',
    });
    const again = await post(refused);
    expect(again.statusCode).toBe(422);
    expect(receiptOf(again)).toMatchObject({ outcome: 'rejected', code: 'UNKNOWN_ORGANIZATION' });
  });

  it("a court's extension is applied as the court's system user and sets the court's own new date", async () => {
    const caseRef = newCaseRef();
    const first = await post(
      envelope({ caseRef, sequence: 1 }, delegationBody({ deadlineDate: '2099-06-01' })),
    );
    expect(receiptOf(first).outcome).toBe('accepted');
    const [c] = await cases(caseRef);
    const admin = await link.mediation.login('ws_sh_admin');
    const signed = await link.mediation.app.inject({
      method: 'POST',
      url: `/api/cases/${c!.id}/sign-for-receipt`,
      headers: admin,
      payload: { expectedVersion: 1 },
    });
    expect(signed.statusCode).toBe(200);
    const extension = {
      days: 10,
      newDeadlineDate: '2099-06-15',
      consentNote: '双方当事人在法院同意延长调解期限',
      consentRecordedAt: new Date().toISOString(),
    };
    const extended = await post(envelope({ caseRef, sequence: 2, type: 'case.extension' }, extension));
    expect(receiptOf(extended)).toMatchObject({ outcome: 'accepted', code: null });
    const row = await link.mediation.deps.db
      .selectFrom('cases')
      .select(['status', 'court_deadline_date', 'next_deadline_date', 'next_deadline_kind'])
      .where('id', '=', c!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'accepted',
      court_deadline_date: '2099-06-15',
      next_deadline_date: '2099-06-15',
      next_deadline_kind: 'court-period',
    });
  });

  it('refuses unsigned, wrongly signed and unknown-key messages with a signed rejection receipt, stored, no effect', async () => {
    const caseRef = newCaseRef();
    const before = await link.mediation.deps.db.selectFrom('docking_rejections').select('id').execute();
    const good = envelope({ caseRef }, delegationBody());
    const unsigned = await post({ header: good.header, body: good.body });
    expect(unsigned.statusCode).toBe(422);
    expect(receiptOf(unsigned).code).toBe('MALFORMED');
    const stranger = await post(envelope({ caseRef }, delegationBody(), generateSigner('SM2')));
    expect(receiptOf(stranger).code).toBe('UNKNOWN_KEY');
    const garbage = await post({ hello: 'not an envelope' });
    expect(garbage.statusCode).toBe(422);
    expect(await cases(caseRef)).toEqual([]);
    const after = await link.mediation.deps.db.selectFrom('docking_rejections').select('id').execute();
    expect(after.length - before.length).toBe(3);
  });
});
