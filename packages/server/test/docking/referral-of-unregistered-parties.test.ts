import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDirectory } from '../../src/use-cases/docking/publish-directory.ts';
import { createLinkedPlatforms, type LinkedPlatforms } from '../support/linked-platforms.ts';
import { ENGINES } from '../support/test-databases.ts';

type Headers = Record<string, string>;

/**
 * Found by the chaos harness (`npm run chaos`): a court delegates a complaint whose plaintiff has no account on the
 * mediation platform and whose defendant firm is not registered there — the common case — and the organization's
 * answer (sign for receipt, or decline) fails with a 500.
 */
describe.each(ENGINES)('a referral of parties the mediation platform does not know, on %s', (engine) => {
  let link: LinkedPlatforms;
  let officer: Headers;
  let orgAdmin: Headers;

  beforeAll(async () => {
    link = await createLinkedPlatforms(engine);
    officer = await link.court.login('sh74_filing');
    orgAdmin = await link.mediation.login('ws_sh_admin');
    await publishDirectory(link.mediation.deps);
    await link.deliverAll();
  });
  afterAll(async () => link?.close());

  const court = async (url: string, payload: object) => {
    const res = await link.court.app.inject({ method: 'POST', url, headers: officer, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  const delegated = async () => {
    const entered = await court('/api/court/cases', {
      parties: [
        {
          kind: 'person',
          role: 'plaintiff',
          name: '张三丰',
          idNumber: '110101199003071234',
          phone: '13812345678',
        },
        {
          kind: 'organization',
          role: 'defendant',
          name: '某某证券股份有限公司',
          idNumber: '91310000132200821H',
        },
      ],
      claims: '判令被告赔偿原告投资差额损失',
      claimAmountFen: 1_234_567,
      facts: '原告因被告虚假陈述买入股票受损。',
    });
    const consented = await court(`/api/court/cases/${entered.id}/record-consent`, {
      expectedVersion: entered.version,
      note: '双方当事人同意诉前调解',
    });
    await court(`/api/court/cases/${entered.id}/delegate`, {
      expectedVersion: consented.version,
      organizationId: 'ws-10',
    });
    await link.deliverAll();
    return link.mediation.deps.db
      .selectFrom('cases')
      .select(['id', 'version', 'status'])
      .where('court_case_ref', '=', entered.id)
      .executeTakeFirstOrThrow();
  };

  it('is signed for and declined like any other', async () => {
    for (const [event, body] of [
      ['sign-for-receipt', {}],
      ['decline', { reasonCode: 'no-capacity', note: '本月调解员已满' }],
    ] as const) {
      const c = await delegated();
      expect(c.status).toBe('awaiting_receipt');
      const res = await link.mediation.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/${event}`,
        headers: orgAdmin,
        payload: { expectedVersion: c.version, ...body },
      });
      expect(res.statusCode, `${event}: ${res.body}`).toBe(200);
    }
  });
});
