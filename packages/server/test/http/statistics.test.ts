import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseClient, caseIn, type Headers, journeyActors } from '../support/case-fixtures.ts';
import {
  STAT_ASSESSMENTS,
  type StatCase,
  seedStatisticsAssessments,
  seedStatisticsBook,
  statisticsBook,
} from '../support/statistics-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

type Figures = Record<string, number | null>;
const inRange = (t: string | null, from: string, to: string) =>
  t !== null && t.slice(0, 10) >= from && t.slice(0, 10) <= to;
const daysBetween = (a: string, b: string) => (Date.parse(`${b}:00Z`) - Date.parse(`${a}:00Z`)) / 86_400_000;
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}
const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** The figures of DOMAIN §5, computed from the book itself (not from the database). */
function expected(book: StatCase[], from: string, to: string): Figures {
  const at = (pick: (c: StatCase) => string | null) => book.filter((c) => inRange(pick(c), from, to));
  const registered = at((c) => c.registered);
  const accepted = at((c) => c.accepted);
  const notAccepted = at((c) => c.notAccepted);
  const settled = at((c) => c.settled);
  const failed = at((c) => c.failed);
  const payments = book.flatMap((c) => c.payments).filter((p) => p.paidAt >= from && p.paidAt <= to);
  return {
    registered: registered.length,
    accepted: accepted.length,
    notAccepted: notAccepted.length,
    settled: settled.length,
    failed: failed.length,
    acceptanceRate: rate(accepted.length, accepted.length + notAccepted.length),
    successRate: rate(settled.length, settled.length + failed.length),
    amountInDisputeFen: accepted.reduce((sum, c) => sum + c.claimFen, 0),
    paidFen: payments.reduce((sum, p) => sum + p.amountFen, 0),
    courtReceived: registered.filter((c) => c.source !== 'direct').length,
    courtSettled: settled.filter((c) => c.source !== 'direct').length,
    confirmationsSubmitted: at((c) => c.confirmation?.submitted ?? null).length,
    confirmationsConfirmed: at((c) => c.confirmation?.confirmed ?? null).length,
    // The book's timelines were written without deadlines (as before migration 018): none is counted.
    deadlinesMet: 0,
    deadlinesMissed: 0,
    deadlineCompliance: null,
    medianDaysToRegister: median(
      registered.filter((c) => c.submitted).map((c) => daysBetween(c.submitted as string, c.registered)),
    ),
    medianDaysToAccept: median(accepted.map((c) => daysBetween(c.registered, c.accepted as string))),
    medianDaysToSettle: median(settled.map((c) => daysBetween(c.accepted as string, c.settled as string))),
  };
}

describe.each(ENGINES)('statistics on %s', (engine) => {
  let t: TestApp;
  let regulator: Headers;
  let center: Headers;
  let workstation: Headers;
  let investor: Headers;
  const book = statisticsBook();
  const get = (who: Headers, url: string, lang = 'en') =>
    t.app.inject({ url, headers: { ...who, 'accept-language': lang } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedStatisticsBook(t.deps, book);
    await seedStatisticsAssessments(t.deps);
    [regulator, center, workstation, investor] = await Promise.all([
      t.login('regulator1'),
      t.login('center_admin'),
      t.login('ws_sh_admin'),
      t.login('investor1'),
    ]);
  });
  afterAll(async () => t?.close());

  it('gives a regulator every figure of 2024 as the book defines it, for the year and for a quarter', async () => {
    for (const [from, to] of [
      ['2024-01-01', '2024-12-31'],
      ['2024-04-01', '2024-06-30'],
      ['2024-01-01', '2025-12-31'],
    ] as const) {
      const res = await get(regulator, `/api/statistics?from=${from}&to=${to}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().totals, `${from}..${to}`).toEqual(expected(book, from, to));
    }
    const year = expected(book, '2024-01-01', '2024-12-31');
    // The book is not trivial: every figure has something to count.
    for (const figure of [
      'registered',
      'notAccepted',
      'settled',
      'failed',
      'paidFen',
      'courtReceived',
      'confirmationsConfirmed',
    ])
      expect(year[figure], figure).toBeGreaterThan(0);
  });

  it('counts an event on its Beijing day: 00:10 on New Year’s Day and 23:30 on New Year’s Eve are in 2024', async () => {
    const first = await get(regulator, '/api/statistics?from=2024-01-01&to=2024-01-01');
    expect(first.json().totals.registered).toBe(expected(book, '2024-01-01', '2024-01-01').registered);
    expect(first.json().totals.registered).toBeGreaterThanOrEqual(1);
    const eve = await get(regulator, '/api/statistics?from=2024-12-31&to=2024-12-31');
    expect(eve.json().totals.registered).toBe(expected(book, '2024-12-31', '2024-12-31').registered);
    expect(eve.json().totals.registered).toBeGreaterThanOrEqual(1);
    const before = await get(regulator, '/api/statistics?from=2023-12-31&to=2023-12-31');
    expect(before.json().totals.registered).toBe(0);
  });

  it('agrees with a direct SQL count of the timeline', async () => {
    const { rows } = await sql<{ n: string; amount: string }>`
      select count(*) as n, coalesce(sum(c.claim_amount_fen), 0) as amount from cases c
      where exists (select 1 from case_events e where e.case_id = c.id and e.event in ('accept', 'sign-for-receipt')
        and (e.at at time zone 'Asia/Shanghai')::date between '2024-01-01' and '2024-12-31')`.execute(
      t.deps.db,
    );
    const res = await get(regulator, '/api/statistics?from=2024-01-01&to=2024-12-31');
    expect(res.json().totals.accepted).toBe(Number(rows[0]?.n));
    expect(res.json().totals.amountInDisputeFen).toBe(Number(rows[0]?.amount));
  });

  it('breaks the figures down by organization, month, source, dispute type, track and region; the groups add up', async () => {
    const from = '2024-01-01';
    const to = '2024-12-31';
    const keyOf: Record<string, (c: StatCase) => string> = {
      organization: (c) => c.organizationId,
      source: (c) => c.source,
      sector: (c) => c.sector,
      track: (c) => c.track ?? '',
      region: (c) => c.region,
    };
    for (const [groupBy, key] of Object.entries(keyOf)) {
      const res = await get(regulator, `/api/statistics?from=${from}&to=${to}&groupBy=${groupBy}`);
      expect(res.statusCode).toBe(200);
      const groups: { key: string; figures: Figures }[] = res.json().groups;
      for (const g of groups)
        expect(g.figures, `${groupBy}=${g.key}`).toEqual(
          expected(
            book.filter((c) => key(c) === g.key),
            from,
            to,
          ),
        );
      const sum = (f: string) => groups.reduce((s, g) => s + (g.figures[f] as number), 0);
      expect(sum('registered')).toBe(res.json().totals.registered);
      expect(sum('paidFen')).toBe(res.json().totals.paidFen);
    }
    const months = await get(regulator, `/api/statistics?from=${from}&to=${to}&groupBy=month`);
    const march = months.json().groups.find((g: { key: string }) => g.key === '2024-03');
    expect(march.figures).toEqual(expected(book, '2024-03-01', '2024-03-31'));
    expect(months.json().groups.map((g: { key: string }) => g.key)).toEqual(
      [...months.json().groups.map((g: { key: string }) => g.key)].sort(),
    );
    const sectors = await get(regulator, `/api/statistics?from=${from}&to=${to}&groupBy=sector`, 'zh');
    expect(sectors.json().groups.map((g: { label: { zh: string } }) => g.label.zh)).toContain('期货纠纷');
  });

  it('narrows to a source, a dispute type and a mediator', async () => {
    const from = '2024-01-01';
    const to = '2025-12-31';
    const res = await get(
      regulator,
      `/api/statistics?from=${from}&to=${to}&source=delegated&sector=securities`,
    );
    expect(res.json().totals).toEqual(
      expected(
        book.filter((c) => c.source === 'delegated' && c.sector === 'securities'),
        from,
        to,
      ),
    );
    const mediator = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'mediator1')
      .executeTakeFirstOrThrow();
    const own = await get(regulator, `/api/statistics?from=${from}&to=${to}&mediatorId=${mediator.id}`);
    expect(own.json().totals).toEqual(
      expected(
        book.filter((c) => c.mediatorUsername === 'mediator1'),
        from,
        to,
      ),
    );
  });

  it('lists the cases behind a figure: as many as the figure, adding up to its amount', async () => {
    const from = '2024-01-01';
    const to = '2024-12-31';
    const stats = (await get(regulator, `/api/statistics?from=${from}&to=${to}&groupBy=organization`)).json();
    for (const figure of [
      'settled',
      'courtReceived',
      'amountInDisputeFen',
      'paidFen',
      'confirmationsConfirmed',
    ]) {
      const res = await get(
        regulator,
        `/api/statistics/cases?from=${from}&to=${to}&figure=${figure}&pageSize=200`,
      );
      expect(res.statusCode).toBe(200);
      const list = res.json();
      expect(list.items).toHaveLength(list.total);
      if (figure.endsWith('Fen')) expect(list.totalAmountFen).toBe(stats.totals[figure]);
      else expect(list.total).toBe(stats.totals[figure]);
    }
    const settled = (
      await get(regulator, `/api/statistics/cases?from=${from}&to=${to}&figure=settled&pageSize=200`)
    ).json();
    expect(settled.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(
      book
        .filter((c) => inRange(c.settled, from, to))
        .map((c) => c.id)
        .sort(),
    );
    const ws = stats.groups.find((g: { key: string }) => g.key === 'ws-23');
    const inGroup = (
      await get(
        regulator,
        `/api/statistics/cases?from=${from}&to=${to}&groupBy=organization&group=ws-23&figure=registered&pageSize=2`,
      )
    ).json();
    expect(inGroup.total).toBe(ws.figures.registered);
    expect(inGroup.items).toHaveLength(2);
    for (const item of inGroup.items)
      expect(item.organizationName).toBe('中证资本市场法律服务中心广东调解工作站');
  });

  it('gives the center its own cases and its workstations’, a workstation only its own, and refuses the rest', async () => {
    const from = '2024-01-01';
    const to = '2025-12-31';
    const mine = (await get(center, `/api/statistics?from=${from}&to=${to}`)).json();
    expect(mine.scope.kind).toBe('organization');
    expect(mine.totals).toEqual(
      expected(
        book.filter((c) => c.organizationId !== 'org-sac'),
        from,
        to,
      ),
    );
    const ws = (await get(workstation, `/api/statistics?from=${from}&to=${to}`)).json();
    expect(ws.totals).toEqual(
      expected(
        book.filter((c) => c.organizationId === 'ws-10'),
        from,
        to,
      ),
    );
    const filtered = (await get(center, `/api/statistics?from=${from}&to=${to}&organizationId=ws-23`)).json();
    expect(filtered.totals).toEqual(
      expected(
        book.filter((c) => c.organizationId === 'ws-23'),
        from,
        to,
      ),
    );
    // A regional office of the CSRC (上海证监局) counts the organizations in its region: the center and 上海工作站.
    const shanghai = (
      await get(await t.login('regulator_sh'), `/api/statistics?from=${from}&to=${to}`)
    ).json();
    expect(shanghai.scope.kind).toBe('region');
    expect(shanghai.scope.organizations.map((o: { id: string }) => o.id).sort()).toEqual([
      'org-center',
      'ws-10',
    ]);
    expect(shanghai.totals).toEqual(
      expected(
        book.filter((c) => c.organizationId === 'org-center' || c.organizationId === 'ws-10'),
        from,
        to,
      ),
    );
    const outside = await get(center, `/api/statistics?from=${from}&to=${to}&organizationId=org-sac`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('STATS_SCOPE_FORBIDDEN');
    const upwards = await get(
      workstation,
      `/api/statistics/cases?from=${from}&to=${to}&figure=registered&organizationId=org-center`,
    );
    expect(upwards.statusCode).toBe(403);
    for (const url of [
      '/api/statistics?from=2024-01-01&to=2024-12-31',
      '/api/statistics/export.xlsx?from=2024-01-01&to=2024-12-31',
    ]) {
      const res = await get(investor, url);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect((await t.app.inject({ url })).statusCode).toBe(401);
    }
  });

  it('counts the loss assessments issued in the period: reports, courts, companies, investors and losses', async () => {
    const expectLoss = (organizations: string[], from: string, to: string) => {
      const issued = STAT_ASSESSMENTS.filter(
        (a) => organizations.includes(a.organizationId) && inRange(a.issued, from, to),
      );
      const eligible = issued.flatMap((a) => a.results.filter((r) => r >= 0));
      return {
        reports: issued.length,
        courts: new Set(issued.map((a) => a.courtOrgId)).size,
        companies: new Set(issued.map((a) => a.security ?? a.id)).size,
        investors: eligible.length,
        amountFen: eligible.reduce((x, y) => x + y, 0),
      };
    };
    const all = ['org-center', 'org-sac'];
    const year = (await get(regulator, '/api/statistics?from=2024-01-01&to=2024-12-31')).json();
    expect(year.loss).toEqual(expectLoss(all, '2024-01-01', '2024-12-31'));
    expect(year.loss.reports).toBe(3);
    expect(year.lossDefinitions.map((d: { figure: string }) => d.figure)).toEqual(Object.keys(year.loss));
    const both = (await get(regulator, '/api/statistics?from=2024-01-01&to=2025-12-31')).json();
    expect(both.loss).toEqual(expectLoss(all, '2024-01-01', '2025-12-31'));
    const own = (await get(center, '/api/statistics?from=2024-01-01&to=2025-12-31')).json();
    expect(own.loss).toEqual(expectLoss(['org-center'], '2024-01-01', '2025-12-31'));
    const ws = (await get(workstation, '/api/statistics?from=2024-01-01&to=2025-12-31')).json();
    expect(ws.loss).toEqual({ reports: 0, courts: 0, companies: 0, investors: 0, amountFen: 0 });
  });

  it('refuses an empty period, an impossible date and a period over ten years, in Chinese and English', async () => {
    const empty = await get(regulator, '/api/statistics?from=2024-05-01&to=2024-04-30', 'zh');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toEqual({
      code: 'STATS_PERIOD_INVALID',
      message: '统计期间有误：期间为空：起始日 2024-05-01 晚于截止日 2024-04-30。',
    });
    const impossible = await get(regulator, '/api/statistics?from=2024-02-30&to=2024-03-01');
    expect(impossible.json()).toEqual({
      code: 'STATS_PERIOD_INVALID',
      message: 'Invalid statistics period: from is not a valid date (2024-02-30).',
    });
    expect((await get(regulator, '/api/statistics?from=2000-01-01&to=2024-01-01')).json().code).toBe(
      'STATS_PERIOD_INVALID',
    );
    expect(
      (await get(regulator, '/api/statistics?from=2024-01-01&to=2024-02-01&groupBy=planet')).statusCode,
    ).toBe(400);
    expect(
      (await get(regulator, '/api/statistics/cases?from=2024-01-01&to=2024-02-01&figure=successRate'))
        .statusCode,
    ).toBe(400);
  });

  it('exports the figures and their definitions as an Excel workbook that reads back equal', async () => {
    const res = await get(
      regulator,
      '/api/statistics/export.xlsx?from=2024-01-01&to=2024-12-31&groupBy=source',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 2) rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(2));
    });
    const totals = rows.get('合计 Total') as unknown[];
    const year = expected(book, '2024-01-01', '2024-12-31');
    expect(totals[header.indexOf('登记 Registered') - 1]).toBe(year.registered);
    expect(totals[header.indexOf('获赔金额 Amount paid') - 1]).toBe((year.paidFen as number) / 100);
    expect(rows.get('法院诉前委派')?.[header.indexOf('登记 Registered') - 1]).toBe(
      expected(
        book.filter((c) => c.source === 'delegated'),
        '2024-01-01',
        '2024-12-31',
      ).registered,
    );
    const definitions = wb.worksheets[2] as ExcelJS.Worksheet;
    expect(definitions.rowCount).toBe(1 + Object.keys(year).length + 5);
    const loss = wb.worksheets[1] as ExcelJS.Worksheet;
    expect(loss.getRow(1).getCell(2).value).toBe(3);
  });

  it('publishes a year without a cell under ten, nor one a total would reveal', async () => {
    const res = await t.app.inject({ url: '/api/public/statistics?year=2024' });
    expect(res.statusCode).toBe(200);
    const pub = res.json();
    expect(pub.threshold).toBe(10);
    const from = '2024-01-01';
    const to = '2024-12-31';
    expect(pub.total.registered).toBe(expected(book, from, to).registered);
    const tables = [
      {
        rows: pub.byOrganization,
        of: (key: string) =>
          expected(
            book.filter((c) => c.organizationId === key),
            from,
            to,
          ),
      },
      { rows: pub.byMonth, of: (key: string) => expected(book, `${key}-01`, `${key}-31`) },
    ];
    let hidden = 0;
    let shown = 0;
    for (const { rows, of } of tables)
      for (const cell of ['registered', 'accepted', 'settled']) {
        const nulls = rows.filter((row: Record<string, unknown>) => row[cell] === null).length;
        // One hidden cell in a column could be recovered from the total: there are never exactly one.
        expect(nulls, cell).not.toBe(1);
        for (const row of rows) {
          const truth = of(row.key)[cell] as number;
          if (truth < 10) expect(row[cell], `${row.key} ${cell}`).toBeNull();
          if (row[cell] === null) hidden++;
          else {
            shown++;
            expect(row[cell]).toBe(truth);
          }
          // A rate or amount is never shown beside a hidden count.
          if (cell === 'settled' && row.settled === null)
            expect([row.paidFen, row.successRate]).toEqual([null, null]);
          if (cell === 'accepted' && row.accepted === null) expect(row.amountInDisputeFen).toBeNull();
        }
      }
    expect(hidden).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/public/statistics?year=1999' })).json().code).toBe(
      'STATS_PERIOD_INVALID',
    );
  });

  it('counts a case moved through the real lifecycle on the day it happened', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const url = `/api/statistics?from=${today}&to=${today}`;
    const before = (await get(regulator, url)).json().totals;
    const actors = await journeyActors(t);
    const c = await caseIn(t, actors, 'accepted');
    const detail = await caseClient(t).get(actors.admin, `/api/cases/${c.id}`);
    const after = (await get(regulator, url)).json().totals;
    expect(after.registered).toBe(before.registered + 1);
    expect(after.accepted).toBe(before.accepted + 1);
    expect(after.amountInDisputeFen).toBe(before.amountInDisputeFen + detail.json().claimAmountFen);
    const list = (await get(center, `/api/statistics/cases?${url.split('?')[1]}&figure=accepted`)).json();
    expect(list.items.map((i: { caseId: string }) => i.caseId)).toContain(c.id);
  });
});
