import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULT_COLUMNS } from '@sutiao/loss-engine';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdictAfterIntegration } from '../support/audit-intact.ts';
import { multipart } from '../support/case-fixtures.ts';
import {
  BAD_TRADES_CSV,
  engineRows,
  INVESTORS_CSV,
  LOSS_PARAMS,
  marketCsv,
  TRADES_CSV,
} from '../support/loss-fixtures.ts';
import { ENGINES } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-platform.ts';

type Headers = Record<string, string>;

async function csvToXlsx(csv: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('investors');
  for (const line of csv.trim().split('\n')) ws.addRow(line.split(','));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const dir = mkdtempSync(join(tmpdir(), 'sutiao-loss-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(ENGINES)('loss assessment workbench on %s', (engine) => {
  let t: TestApp;
  let analyst: Headers;
  let id = '';
  let caseNumber = '';
  let code = '';
  beforeAll(async () => {
    t = await createTestApp(engine);
    analyst = await t.login('analyst1');
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const upload = (kind: string, name: string, content: string | Buffer) => {
    const { payload, contentType } = multipart(name, Buffer.from(content), 'text/csv');
    return t.app.inject({
      method: 'POST',
      url: `/api/loss-assessments/${id}/files/${kind}`,
      headers: { ...analyst, 'content-type': contentType },
      payload,
    });
  };

  it('records an entrustment and its parameters', async () => {
    const courts = (await call('GET', '/api/loss-courts', analyst)).json().items;
    expect(courts).toContainEqual({ id: 'court-sh74', name: '上海金融法院', code: '沪74' });
    const created = await call('POST', '/api/loss-assessments', analyst, {
      caseNumber: '(2026)沪74民初45号',
      courtOrgId: 'court-sh74',
      entrustedOn: '2026-03-02',
    });
    expect(created.statusCode).toBe(200);
    ({ id, caseNumber } = created.json());
    expect(created.json()).toMatchObject({ status: 'draft', courtName: '上海金融法院' });
    const saved = await call('PUT', `/api/loss-assessments/${id}/params`, analyst, {
      expectedVersion: created.json().version,
      params: LOSS_PARAMS,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().paramProblems).toEqual([]);
    expect(saved.json().status).toBe('draft'); // no trades yet
  });

  it('refuses a bad trades file whole, listing every problem by line and column', async () => {
    const res = await upload('trades', 'bad.csv', BAD_TRADES_CSV);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('LOSS_INPUT_INVALID');
    expect(body.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [3, 'UNKNOWN_SIDE'],
      [4, 'BAD_DATE'],
      [5, 'NEGATIVE_QUANTITY'],
    ]);
    expect(body.problems[0]).toMatchObject({ file: 'bad.csv', column: 6, columnName: 'side' });
    // Two problems of one investor are both listed: fixing a file takes one round, not one per error.
    const twice = await upload(
      'trades',
      'twice.csv',
      `${BAD_TRADES_CSV.split('\n')[0]}\nA002,A002-1,600000,2020-02-03,1,X,auction,1000,10\nA002,A002-1,600000,2020-13-45,1,B,auction,1000,10\n`,
    );
    expect(twice.json().problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [2, 'UNKNOWN_SIDE'],
      [3, 'BAD_DATE'],
    ]);
    const badList = await upload(
      'investors',
      'list.csv',
      'investor_id,name,id_number\nA001,张伟,12345\nA001,李娜,440301199002023456\n',
    );
    expect(badList.statusCode).toBe(422);
    expect(badList.json().problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [2, 'BAD_ID_NUMBER'],
      [3, 'DUPLICATE_INVESTOR'],
    ]);
    expect(JSON.stringify(badList.json())).not.toContain('440301199002023456');
    const detail = await call('GET', `/api/loss-assessments/${id}`, analyst);
    expect(detail.json().files).toEqual([]);
  });

  it('accepts trades, investors and market data, and suggests the base date', async () => {
    expect((await upload('trades', 'trades.csv', TRADES_CSV)).statusCode).toBe(200);
    expect((await upload('market', 'market.csv', marketCsv())).statusCode).toBe(200);
    // The investor list as XLSX: same parser after conversion, same per-line problems.
    const done = await upload('investors', 'investors.xlsx', await csvToXlsx(INVESTORS_CSV));
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('data_ready');
    expect(done.json().abilities).toContain('run');
    const stored = await t.deps.db
      .selectFrom('loss_investors')
      .selectAll()
      .where('assessment_id', '=', id)
      .execute();
    expect(stored).toHaveLength(3);
    for (const row of stored) expect(row.id_number_enc).not.toMatch(/\d{17}/);
    const suggestion = await call('POST', `/api/loss-assessments/${id}/suggest-base-date`, analyst, {
      disclosureDate: '2020-06-01',
    });
    expect(suggestion.json()).toMatchObject({
      baseDate: '2020-06-17',
      basePriceRounded: '5.00',
      tradingDays: 13,
    });
  });

  it('runs in the background and stores exactly what the engine computes', async () => {
    const started = await call('POST', `/api/loss-assessments/${id}/run`, analyst);
    expect(started.statusCode).toBe(200);
    let progress = (await call('GET', `/api/loss-assessments/${id}/progress`, analyst)).json();
    for (let i = 0; i < 100 && progress.status === 'calculating'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      progress = (await call('GET', `/api/loss-assessments/${id}/progress`, analyst)).json();
    }
    expect(progress).toMatchObject({ status: 'calculated', done: 15, total: 15, percent: 100 });
    const page = await call('GET', `/api/loss-assessments/${id}/results?pageSize=2`, analyst);
    expect(page.json().total).toBe(4);
    expect(page.json().items).toHaveLength(2);
    const all = (await call('GET', `/api/loss-assessments/${id}/results`, analyst)).json().items;
    const expected = engineRows();
    expect(all).toHaveLength(expected.size);
    for (const item of all) expect(item.row).toEqual(expected.get(item.investorId));
    expect(expected.get('A001')?.total).toBe('5407.02');
    const search = await call('GET', `/api/loss-assessments/${id}/results?investorId=A001`, analyst);
    expect(search.json().items.map((r: { investorId: string }) => r.investorId)).toEqual(['A001']);
    const one = (await call('GET', `/api/loss-assessments/${id}/results/A001`, analyst)).json();
    expect(one.name).toBe('张*');
    expect(one.explanation.trades).toHaveLength(5);
    expect(one.explanation.trades[0]).toMatchObject({
      line: 2,
      used: true,
      code: 'W1_OPEN',
      tradeDate: '2020-02-03',
    });
  });

  it('exports the §3 columns to XLSX', async () => {
    const res = await call('GET', `/api/loss-assessments/${id}/export.xlsx`, analyst);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('results');
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as string[]).slice(1)));
    expect(rows[0]).toEqual([...RESULT_COLUMNS]);
    const expected = engineRows();
    expect(rows.slice(1)).toEqual([...expected.values()].map((r) => RESULT_COLUMNS.map((c) => r[c])));
  });

  it('issues a signed PDF report that verifies publicly', async () => {
    const issued = await call('POST', `/api/loss-assessments/${id}/report`, analyst);
    expect(issued.statusCode).toBe(200);
    expect(issued.json().status).toBe('issued');
    code = issued.json().report.verificationCode;
    const pdf = await call('GET', `/api/loss-assessments/${id}/report.pdf`, analyst);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(dir, `${engine}.pdf`);
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(caseNumber.replace(/\s+/g, ''));
    expect(text).toContain('投资者人数：4人');
    expect(text).toContain(code);
    const verified = await t.app.inject({ url: `/api/loss-reports/verify/${code}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ valid: true, caseNumber, investors: 4 });
    expect(JSON.stringify(verified.json())).not.toContain('张伟');
    // The QR code and link lead to the human verify page, which knows loss-report codes.
    expect(text).toContain(`/verify/${code}`);
    expect(text).not.toContain('/api/loss-reports/verify');
    const human = await t.app.inject({ url: `/api/verify?code=${encodeURIComponent(code)}` });
    expect(human.statusCode).toBe(200);
    expect(human.json()).toMatchObject({ kind: 'loss-report', report: { valid: true, caseNumber } });
  });

  it('shows each investor only their own result', async () => {
    const mine = async (user: string) =>
      (await call('GET', '/api/my/loss-results', await t.login(user))).json() as {
        investorId: string;
        row: { total: string };
        explanation: { trades: unknown[] };
      }[];
    const one = await mine('investor1');
    expect(one.map((r) => [r.investorId, r.row.total])).toEqual([['A001', '5407.02']]);
    expect(one[0]?.explanation.trades).toHaveLength(5);
    const two = await mine('investor2');
    expect(two.map((r) => r.investorId)).toEqual(['A002']);
    expect(JSON.stringify(two)).not.toContain('A001');
    expect(await mine('investor3')).toEqual([]);
  });

  it("refuses analysts' actions to an investor, and audits the refusal", async () => {
    const investor = await t.login('investor1');
    expect((await call('GET', `/api/loss-assessments/${id}/results`, investor)).statusCode).toBe(403);
    const run = await call('POST', `/api/loss-assessments/${id}/run`, investor);
    expect(run.statusCode).toBe(403);
    const denied = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('outcome', '=', 'denied')
      .where('target_id', '=', `/api/loss-assessments/${id}/run`)
      .execute();
    expect(denied).toHaveLength(1);
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'loss.assessment.create',
        'loss.assessment.run',
        'loss.assessment.finish',
        'loss.assessment.issue',
      ]),
    );
    expect((await auditVerdictAfterIntegration(t.deps)).ok).toBe(true);
  });

  it('reports a tampered result as invalid', async () => {
    await t.deps.db
      .updateTable('loss_results')
      .set({ total_fen: 1, row: JSON.stringify({ ...engineRows().get('A001'), total: '9999.99' }) })
      .where('assessment_id', '=', id)
      .where('investor_id', '=', 'A001')
      .execute();
    const verified = (await t.app.inject({ url: `/api/loss-reports/verify/${code}` })).json();
    expect(verified).toMatchObject({
      valid: false,
      checks: { content: true, signature: true, results: false },
    });
  });
});
