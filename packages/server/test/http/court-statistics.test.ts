import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Headers } from '../support/case-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

/** A court case of the book: its court, kind, claim, and its timeline as [event, to-status, Beijing time]. */
interface BookCase {
  id: string;
  court: string;
  kind: 'delegation' | 'entrustment' | 'confirmation';
  organizationId: string | null;
  claimFen: number;
  events: [string, string, string][];
}

const COURTS = ['court-sh74', 'court-sh-hp', 'court-bj74', 'court-gz01'];
const DAY_MS = 86_400_000;
const at = (day: number, minute = 600) =>
  new Date(Date.UTC(2024, 0, 1) + day * DAY_MS + minute * 60_000).toISOString().slice(0, 16);

/** Court cases across four courts under three high courts, every kind and outcome, over 2024 and into 2025. */
function courtBook(): BookCase[] {
  const book: BookCase[] = [];
  for (let i = 0; i < 48; i++) {
    const kind = (['delegation', 'entrustment', 'confirmation'] as const)[i % 3] as BookCase['kind'];
    const start = (i * 29) % 360;
    const events: BookCase['events'] = [];
    if (kind === 'confirmation') {
      events.push(['receive-application', 'received', at(start)]);
      if (i % 4 === 0) events.push(['confirm', 'confirmed', at(start + 20)]);
      else if (i % 4 === 1) events.push(['reject', 'rejected', at(start + 25)]);
    } else {
      const referral = kind === 'delegation' ? 'delegate' : 'entrust';
      events.push([
        referral,
        kind === 'delegation' ? 'delegated' : 'entrusted',
        at(start, i === 3 ? 23 * 60 + 30 : 600),
      ]);
      if (i % 7 === 2) events.push(['decline', 'declined', at(start + 1)]);
      else {
        events.push(['receive', 'mediating', at(start + 1)]);
        events.push(['progress', 'mediating', at(start + 3)]);
        const end = start + 5 + (i % 9) * 4;
        if (i % 2 === 0) {
          events.push(['report-settled', 'settled', at(end, 600 + i)]);
          if (kind === 'entrustment') events.push(['issue-document', 'document_issued', at(end + 3)]);
        } else if (i % 4 === 1) {
          events.push(['report-failed', 'failed', at(end)]);
          if (kind === 'delegation') events.push(['file', 'filed', at(end + 2)]);
        } else events.push(['expire', 'expired', at(end)]);
      }
    }
    book.push({
      id: `court-stat-${String(i).padStart(2, '0')}`,
      court: COURTS[i % COURTS.length] as string,
      kind,
      organizationId: kind === 'confirmation' ? null : i % 2 ? 'ws-10' : 'org-center',
      claimFen: 10_000_00 + i * 1_001,
      events,
    });
  }
  return book;
}

const FIGURE_OF: Record<string, string> = {
  delegate: 'delegated',
  entrust: 'entrusted',
  receive: 'received',
  decline: 'declined',
  'report-settled': 'settled',
  'report-failed': 'failed',
  expire: 'failed',
  file: 'filed',
  'issue-document': 'mediationDocuments',
  'receive-application': 'confirmationsReceived',
  confirm: 'confirmed',
  reject: 'confirmationsRejected',
};

/** The court figures computed from the book itself. */
function expected(book: BookCase[], from: string, to: string): Record<string, number | null> {
  const counts: Record<string, number> = Object.fromEntries(
    [...new Set(Object.values(FIGURE_OF))].map((f) => [f, 0]),
  );
  let claim = 0;
  const days: number[] = [];
  for (const c of book)
    for (const [event, , time] of c.events) {
      const figure = FIGURE_OF[event];
      if (!figure || time.slice(0, 10) < from || time.slice(0, 10) > to) continue;
      counts[figure] = (counts[figure] ?? 0) + 1;
      if (figure === 'delegated' || figure === 'entrusted') claim += c.claimFen;
      if (figure === 'settled') {
        const referred = c.events.find(([e]) => e === 'delegate' || e === 'entrust')?.[2] as string;
        days.push((Date.parse(`${time}:00Z`) - Date.parse(`${referred}:00Z`)) / DAY_MS);
      }
    }
  days.sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const median =
    days.length === 0
      ? null
      : Math.round(
          (days.length % 2
            ? (days[mid] as number)
            : ((days[mid - 1] as number) + (days[mid] as number)) / 2) * 10,
        ) / 10;
  const decided = (counts.settled ?? 0) + (counts.failed ?? 0);
  return {
    ...counts,
    successRate: decided ? Math.round(((counts.settled ?? 0) / decided) * 10_000) / 10_000 : null,
    claimAmountFen: claim,
    medianDaysToSettle: median,
  };
}

describe.each(ENGINES)('court statistics on %s', (engine) => {
  let t: TestApp;
  let spc: Headers;
  let shanghai: Headers;
  let filing: Headers;
  const book = courtBook();
  const get = (who: Headers, url: string) =>
    t.app.inject({ url, headers: { ...who, 'accept-language': 'en' } });

  beforeAll(async () => {
    t = await createTestApp(engine, 'court');
    for (const c of book) {
      const first = `${c.events[0]?.[2]}:00+08:00`;
      await t.deps.db
        .insertInto('court_cases')
        .values({
          id: c.id,
          kind: c.kind,
          status: c.events.at(-1)?.[1] ?? 'received',
          court_id: c.court,
          claims: '统计测试',
          claim_amount_fen: c.claimFen,
          facts: '统计测试',
          organization_id: c.organizationId,
          organization_name: c.organizationId,
          pre_filing_number: c.kind === 'delegation' ? `(2024)统计${c.id}号` : null,
          created_at: first,
          updated_at: first,
        } as never)
        .execute();
      for (const [event, to, time] of c.events)
        await t.deps.db
          .insertInto('court_case_events')
          .values({
            case_id: c.id,
            event,
            from_status: null,
            to_status: to,
            actor_name: '测试',
            at: `${time}:00+08:00`,
            payload: '{}',
          })
          .execute();
    }
    [spc, shanghai, filing] = await Promise.all([
      t.login('spc_admin'),
      t.login('shgy_admin'),
      t.login('sh74_filing'),
    ]);
  });
  afterAll(async () => t?.close());

  it('gives the SPC every court’s figures as the book defines them', async () => {
    for (const [from, to] of [
      ['2024-01-01', '2024-12-31'],
      ['2024-07-01', '2024-09-30'],
      ['2024-01-01', '2025-12-31'],
    ] as const) {
      const res = await get(spc, `/api/court/statistics?from=${from}&to=${to}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().totals, `${from}..${to}`).toEqual(expected(book, from, to));
    }
    const year = expected(book, '2024-01-01', '2025-12-31');
    for (const f of [
      'delegated',
      'entrusted',
      'declined',
      'settled',
      'failed',
      'filed',
      'mediationDocuments',
      'confirmed',
      'confirmationsRejected',
    ])
      expect(year[f as keyof typeof year], f).toBeGreaterThan(0);
  });

  it('gives a high court its own courts only, by court, and refuses a court outside it', async () => {
    const from = '2024-01-01';
    const to = '2025-12-31';
    const shCourts = ['court-sh74', 'court-sh-hp'];
    const res = (await get(shanghai, `/api/court/statistics?from=${from}&to=${to}&groupBy=court`)).json();
    expect(res.totals).toEqual(
      expected(
        book.filter((c) => shCourts.includes(c.court)),
        from,
        to,
      ),
    );
    expect(res.groups.map((g: { key: string }) => g.key).sort()).toEqual([...shCourts].sort());
    for (const g of res.groups)
      expect(g.figures).toEqual(
        expected(
          book.filter((c) => c.court === g.key),
          from,
          to,
        ),
      );
    expect(res.courts.map((c: { id: string }) => c.id)).toContain('court-sh-high');
    const one = (
      await get(shanghai, `/api/court/statistics?from=${from}&to=${to}&courtId=court-sh74`)
    ).json();
    expect(one.totals).toEqual(
      expected(
        book.filter((c) => c.court === 'court-sh74'),
        from,
        to,
      ),
    );
    const outside = await get(shanghai, `/api/court/statistics?from=${from}&to=${to}&courtId=court-bj74`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('STATS_SCOPE_FORBIDDEN');
    const officer = await get(filing, `/api/court/statistics?from=${from}&to=${to}`);
    expect(officer.statusCode).toBe(403);
    expect(officer.json().code).toBe('FORBIDDEN');
  });

  it('breaks down by kind and organization and lists the cases behind a figure', async () => {
    const from = '2024-01-01';
    const to = '2024-12-31';
    const byKind = (await get(spc, `/api/court/statistics?from=${from}&to=${to}&groupBy=kind`)).json();
    for (const g of byKind.groups)
      expect(g.figures).toEqual(
        expected(
          book.filter((c) => c.kind === g.key),
          from,
          to,
        ),
      );
    const byOrg = (await get(spc, `/api/court/statistics?from=${from}&to=${to}&groupBy=organization`)).json();
    const ws = byOrg.groups.find((g: { key: string }) => g.key === 'ws-10');
    expect(ws.figures).toEqual(
      expected(
        book.filter((c) => c.organizationId === 'ws-10'),
        from,
        to,
      ),
    );
    const totals = byOrg.totals;
    for (const figure of ['settled', 'filed', 'confirmed', 'claimAmountFen']) {
      const list = (
        await get(spc, `/api/court/statistics/cases?from=${from}&to=${to}&figure=${figure}&pageSize=200`)
      ).json();
      if (figure === 'claimAmountFen') expect(list.totalAmountFen).toBe(totals.claimAmountFen);
      else expect(list.total).toBe(totals[figure]);
      expect(list.items).toHaveLength(list.total);
    }
    const inGroup = (
      await get(
        spc,
        `/api/court/statistics/cases?from=${from}&to=${to}&groupBy=organization&group=ws-10&figure=received`,
      )
    ).json();
    expect(inGroup.total).toBe(ws.figures.received);
  });

  it('counts on the Beijing day, refuses an empty period and exports a workbook', async () => {
    const eve = book.find((c) => c.events[0]?.[2].endsWith('23:30')) as BookCase;
    const day = eve.events[0]?.[2].slice(0, 10) as string;
    const res = (await get(spc, `/api/court/statistics?from=${day}&to=${day}`)).json();
    expect(res.totals).toEqual(expected(book, day, day));
    expect((res.totals.delegated ?? 0) + (res.totals.entrusted ?? 0)).toBeGreaterThan(0);
    const empty = await get(spc, '/api/court/statistics?from=2024-02-02&to=2024-02-01');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('STATS_PERIOD_INVALID');
    const xlsx = await get(
      spc,
      '/api/court/statistics/export.xlsx?from=2024-01-01&to=2024-12-31&groupBy=court',
    );
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    let total: unknown[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '合计 Total') total = row.values as unknown[];
    });
    expect(total[header.indexOf('调解成功 Settled')]).toBe(
      expected(book, '2024-01-01', '2024-12-31').settled,
    );
  });
});
