import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/adapters/db/schema.ts';
import type { SignedInContext } from '../../src/deps.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { prcWorkingDays } from '@sutiao/domain/calendar/working-days.ts';
import { AppError } from '@sutiao/domain/errors.ts';
import type { LifecycleTableName } from '../../src/use-cases/common/transitions/compare-and-set.ts';
import type {
  KernelRequest,
  LifecycleBinding,
} from '../../src/use-cases/common/transitions/lifecycle-binding.ts';
import type { OutgoingDockingMessage } from '../../src/use-cases/common/transitions/outgoing-messages.ts';
import { type KernelEnv, runTransition } from '../../src/use-cases/common/transitions/transition-kernel.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import { auditRecordsOf, guardFailure, refusalOf, signedInAs } from './transition-test-helpers.ts';
import { KERNEL_TEST_TABLES, type KernelTestTypes, TEST_LIFECYCLE, type TestItem } from './test-lifecycle.ts';

type TestDB = DB & {
  kernel_test_items: TestItem;
  kernel_test_timeline: { item_id: string; event: string; from_status: string; to_status: string };
};
const asTest = (db: Kysely<DB>) => db as unknown as Kysely<TestDB>;

/** A binding as a new lifecycle would write one: every hook used, a docking message on `close`. */
function testBinding(watcherId: string): LifecycleBinding<KernelTestTypes> {
  return {
    lifecycle: TEST_LIFECYCLE,
    table: 'kernel_test_items' as unknown as LifecycleTableName,
    lock: async (trx, _ctx, id) =>
      asTest(trx)
        .selectFrom('kernel_test_items')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow(),
    mayAttempt: (ctx) => ctx.actor.platform === 'mediation',
    facts: async (_trx, before) => ({ label: before.label }),
    context: (ctx, _before, _facts, request) => ({
      isJudge: ctx.actor.roles.includes('org_admin'),
      reason: request.input?.reason,
    }),
    labels: {
      state: (s) => ({ zh: `状态${s}`, en: `state ${s}` }),
      event: (e) => ({ zh: `事件${e}`, en: `event ${e}` }),
    },
    deadlines: {
      calendar: prcWorkingDays,
      current: (row) => ({ kind: row.next_deadline_kind, date: row.next_deadline_date }),
      columns: (d) => ({ next_deadline_kind: d.kind, next_deadline_date: d.date }),
    },
    timeline: async (trx, t) => {
      const entry = { item_id: t.before.id, event: t.event, from_status: t.from, to_status: t.to };
      await asTest(trx).insertInto('kernel_test_timeline').values(entry).execute();
      return entry;
    },
    notices: async (_trx, t) => ({
      messages: [{ userId: watcherId, kind: 'test.status', title: `${t.after.id}: ${t.to}` }],
      emails: [{ channel: 'email', to: 'watcher@example.cn', subject: t.to, body: t.event }],
    }),
    outgoing: async (_trx, t): Promise<OutgoingDockingMessage[]> =>
      t.event === 'close'
        ? [{ type: 'case.closing-report', peerId: 'test-peer', caseRef: t.before.id, body: { to: t.to } }]
        : [],
    audit: {
      targetType: 'kernel_test',
      action: (e) => `test.${e}`,
      details: (t) => ({ label: t.facts.label }),
    },
  };
}

describe.each(ENGINES)('the transition kernel on %s', (engine) => {
  let p: TestPlatform;
  let judge: SignedInContext;
  let clerk: SignedInContext;
  let binding: LifecycleBinding<KernelTestTypes>;
  let env: KernelEnv;
  let n = 0;

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    for (const statement of KERNEL_TEST_TABLES) await sql.raw(statement).execute(p.deps.db);
    judge = await signedInAs(p.deps.db, 'center_admin');
    clerk = await signedInAs(p.deps.db, 'mediator1');
    binding = testBinding(clerk.actor.userId);
    env = { now: () => p.clock.now };
  });
  afterAll(async () => p?.close());

  const newItem = async (status = 'open') => {
    const id = `item-${++n}`;
    await asTest(p.deps.db)
      .insertInto('kernel_test_items')
      .values({ id, status, version: 1, updated_at: p.clock.now, label: `label ${n}` })
      .execute();
    return id;
  };
  const snapshot = async (id: string, db: Kysely<DB> = p.deps.db) => ({
    row: await asTest(db).selectFrom('kernel_test_items').selectAll().where('id', '=', id).executeTakeFirst(),
    timeline: await asTest(db)
      .selectFrom('kernel_test_timeline')
      .selectAll()
      .where('item_id', '=', id)
      .execute(),
    audit: await auditRecordsOf(db, id),
    notices: await db.selectFrom('user_notices').select('title').where('title', 'like', `${id}:%`).execute(),
  });
  const fireIn = (ctx: SignedInContext, request: KernelRequest<KernelTestTypes>, b = binding, e = env) =>
    p.deps.db.transaction().execute((trx) => runTransition(e, ctx, trx, b, request));

  it('moves the row and writes deadline, timeline, audit and notice together', async () => {
    const id = await newItem();
    const result = await fireIn(judge, {
      id,
      event: 'approve',
      expectedVersion: 1,
      input: { reason: 'ok' },
      payload: { extra: 1 },
    });
    const due = prcWorkingDays.addWorkingDays(todayInShanghai(p.clock.now), 2);
    expect(result).toMatchObject({ to: 'approved', entry: { from_status: 'open', to_status: 'approved' } });
    expect(result.emails).toHaveLength(1);
    const after = await snapshot(id);
    expect(after.row).toMatchObject({
      status: 'approved',
      version: 2,
      next_deadline_kind: 'answer',
      next_deadline_date: due,
    });
    expect(after.timeline).toHaveLength(1);
    expect(after.audit).toEqual([
      {
        action: 'test.approve',
        actor_user_id: judge.actor.userId,
        details: {
          from: 'open',
          to: 'approved',
          deadline: { kind: 'answer', date: due },
          label: 'label 1',
          extra: 1,
        },
      },
    ]);
    expect(after.notices).toEqual([{ title: `${id}: approved` }]);
    // A self-transition without a rule keeps the running deadline; leaving for a state without one clears it.
    await fireIn(clerk, { id, event: 'note', expectedVersion: 2 });
    expect((await snapshot(id)).row).toMatchObject({ version: 3, next_deadline_date: due });
  });

  it('refuses an actor the permission catalogue or the lifecycle does not allow (FORBIDDEN), writing nothing', async () => {
    const id = await newItem();
    const before = await snapshot(id);
    const byRole = await refusalOf(fireIn(clerk, { id, event: 'approve', input: { reason: 'x' } }));
    expect(byRole?.code).toBe('FORBIDDEN');
    const court = { ...judge, actor: { ...judge.actor, platform: 'court' as const } };
    expect((await refusalOf(fireIn(court, { id, event: 'approve', input: { reason: 'x' } })))?.code).toBe(
      'FORBIDDEN',
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it('names a failed guard in zh and en (GUARD_FAILED), writing nothing', async () => {
    const id = await newItem();
    const before = await snapshot(id);
    const error = await refusalOf(fireIn(judge, { id, event: 'approve' }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject(guardFailure('reason-given', '须写明理由', 'a reason must be given'));
    expect(await snapshot(id)).toEqual(before);
  });

  it('names state and event with the binding labels for an illegal event (CASE_ILLEGAL_EVENT)', async () => {
    const id = await newItem();
    const error = await refusalOf(fireIn(clerk, { id, event: 'close' }));
    expect(error).toMatchObject({
      code: 'CASE_ILLEGAL_EVENT',
      messageZh: '案件当前状态（状态open）不允许执行“事件close”。',
      messageEn: 'Action "event close" is not allowed while the case is state open.',
    });
  });

  it('answers CASE_STATE_CONFLICT for a stale version or a row moved since it was read, writing nothing', async () => {
    const id = await newItem();
    const before = await snapshot(id);
    expect((await refusalOf(fireIn(clerk, { id, event: 'note', expectedVersion: 0 })))?.code).toBe(
      'CASE_STATE_CONFLICT',
    );
    expect(await snapshot(id)).toEqual(before);
    // The caller's row is older than the table's: the compare-and-set misses.
    const stale = before.row as TestItem;
    await fireIn(clerk, { id, event: 'note' });
    const moved = await snapshot(id);
    const error = await refusalOf(
      fireIn(clerk, { id, event: 'note', locked: stale, changes: () => ({ label: 'lost' }) }),
    );
    expect(error?.code).toBe('CASE_STATE_CONFLICT');
    expect(await snapshot(id)).toEqual(moved);
  });

  it('rolls back row, timeline, audit and notice when a later write fails', async () => {
    const id = await newItem('approved');
    const before = await snapshot(id);
    const fail = async () => {
      throw new Error('disk full');
    };
    await expect(fireIn(clerk, { id, event: 'note', afterUpdate: fail })).rejects.toThrow('disk full');
    expect(await snapshot(id)).toEqual(before);
    // Everything written, then the caller's next write fails.
    const all = p.deps.db.transaction().execute(async (trx) => {
      await runTransition(env, clerk, trx, binding, { id, event: 'note' });
      const inside = await snapshot(id, trx);
      expect([inside.timeline.length, inside.audit.length, inside.notices.length]).toEqual([1, 1, 1]);
      await fail();
    });
    await expect(all).rejects.toThrow('disk full');
    expect(await snapshot(id)).toEqual(before);
  });

  it('hands outgoing docking messages to the outbox in the same transaction, and fails without one', async () => {
    const id = await newItem('approved');
    const before = await snapshot(id);
    expect(await refusalOf(fireIn(clerk, { id, event: 'close' }))).toBeInstanceOf(Error);
    expect(await snapshot(id)).toEqual(before);
    const enqueued: { trx: unknown; messages: readonly OutgoingDockingMessage[] }[] = [];
    let transaction: unknown;
    const outbox = {
      enqueue: async (trx: Kysely<DB>, messages: readonly OutgoingDockingMessage[]) =>
        void enqueued.push({ trx, messages }),
    };
    const result = await p.deps.db.transaction().execute((trx) => {
      transaction = trx;
      return runTransition({ ...env, outbox }, clerk, trx, binding, { id, event: 'close' });
    });
    expect(enqueued).toEqual([
      {
        trx: transaction,
        messages: [{ type: 'case.closing-report', peerId: 'test-peer', caseRef: id, body: { to: 'closed' } }],
      },
    ]);
    expect(result.outgoing).toEqual(enqueued[0]?.messages);
    const after = await snapshot(id);
    expect(after.row).toMatchObject({ status: 'closed', next_deadline_kind: null, next_deadline_date: null });
    expect(after.audit[0]?.details).toMatchObject({ outgoing: ['case.closing-report'] });
    // An outbox that fails takes the transition with it.
    const other = await newItem('approved');
    const untouched = await snapshot(other);
    const broken = { enqueue: async () => Promise.reject(new Error('outbox down')) };
    await expect(
      fireIn(clerk, { id: other, event: 'close' }, binding, { ...env, outbox: broken }),
    ).rejects.toThrow('outbox down');
    expect(await snapshot(other)).toEqual(untouched);
  });
});
