import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDeadlineReminders } from '../../src/use-cases/mediation/cases/send-deadline-reminders.ts';
import { caseIn, journeyActors } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

describe.each(ENGINES)('deadline reminders on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const inboxOf = async (username: string) => {
    const user = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return t.deps.db
      .selectFrom('user_notices')
      .selectAll()
      .where('user_id', '=', user.id)
      .where('kind', 'like', 'deadline.%')
      .execute();
  };

  it('reminds the party who must act when the deadline nears and when it passes, once each', async () => {
    // A consulting case: the respondent must reply; the organization must decide within 3 working days.
    const actors = await journeyActors(t);
    const c = await caseIn(t, actors, 'consulting');
    const row = await t.deps.db
      .selectFrom('cases')
      .select(['next_deadline_kind', 'next_deadline_date'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.next_deadline_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const adminBefore = (await inboxOf('center_admin')).length;

    const remindersOf = () =>
      t.deps.db.selectFrom('deadline_reminders').select('level').where('case_id', '=', c.id).execute();

    await sendDeadlineReminders(t.deps); // (the demo cases' deadlines may be near; this case's is 2 working days out)
    expect(await remindersOf()).toEqual([]);

    t.clock.advance(10 * 24 * 3600_000); // past any 2–3 working-day deadline, holidays included
    // A backlog is worked off a batch at a time; each run picks only cases not yet reminded at this level.
    let total = 0;
    for (let n = await sendDeadlineReminders(t.deps, 1); n > 0; n = await sendDeadlineReminders(t.deps, 1)) {
      expect(n).toBe(1);
      total += n;
    }
    expect(total).toBeGreaterThanOrEqual(1);
    expect(await sendDeadlineReminders(t.deps)).toBe(0);
    expect(await remindersOf()).toEqual([{ level: 'overdue' }]);
    const firmInbox = await inboxOf('firm_huaxin');
    expect(firmInbox.map((m) => m.kind)).toContain('deadline.overdue');
    expect(firmInbox[0]!.title).toContain(c.caseNumber);
    expect((await inboxOf('investor1')).length).toBe(0); // the applicant has nothing to do here

    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', c.id)
      .where('action', 'like', 'case.deadline.%')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['case.deadline.overdue']);
    expect((await inboxOf('center_admin')).length).toBeGreaterThanOrEqual(adminBefore);
  });
});
