import type { TestApp } from './test-platform.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };

export const CURRENT_CONSENTS = [
  { kind: 'online-mediation', version: '2026-01' },
  { kind: 'personal-data', version: '2026-01' },
];

export function applicationBody(overrides: Record<string, unknown> = {}) {
  return {
    respondentOrgId: 'firm-huaxin',
    claimAmountFen: 1_234_567,
    facts: '2025年3月，被申请人客户经理推荐本人购买高风险产品，未进行适当性评估。',
    requests: '请求赔偿投资损失人民币12,345.67元。',
    evidenceIds: [],
    consents: CURRENT_CONSENTS,
    submit: true,
    ...overrides,
  };
}

/** A tiny valid PDF header is all the type check reads. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n% test evidence\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

export function multipart(name: string, data: Buffer, mime = 'application/pdf', field = 'file') {
  const boundary = `----sutiao${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Thin client over app.inject for the journey tests. */
export function caseClient(t: TestApp) {
  const post = (headers: Headers, url: string, payload: unknown, lang = 'zh-CN') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'accept-language': lang },
      payload: payload as object,
    });
  const get = (headers: Headers, url: string, lang = 'zh-CN') =>
    t.app.inject({ method: 'GET', url, headers: { ...headers, 'accept-language': lang } });
  return {
    post,
    get,
    apply: (headers: Headers, overrides: Record<string, unknown> = {}) =>
      post(headers, '/api/cases', applicationBody(overrides)),
    fire: async (headers: Headers, caseId: string, event: string, body: Record<string, unknown> = {}) => {
      const current = await get(headers, `/api/cases/${caseId}`);
      const version = current.statusCode === 200 ? current.json().version : 1;
      return post(headers, `/api/cases/${caseId}/${event}`, { expectedVersion: version, ...body });
    },
    upload: (headers: Headers, name: string, data: Buffer, mime?: string) => {
      const form = multipart(name, data, mime);
      return t.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { ...headers, 'content-type': form.contentType },
        payload: form.payload,
      });
    },
  };
}

export interface JourneyActors {
  investor: Headers;
  admin: Headers;
  firm: Headers;
  mediator: Headers;
  mediatorId: string;
}

/** Signs in the usual cast of a direct application against 华信证券. */
export async function journeyActors(t: TestApp, investor = 'investor1'): Promise<JourneyActors> {
  const [inv, admin, firm, mediator] = await Promise.all([
    t.login(investor),
    t.login('center_admin'),
    t.login('firm_huaxin'),
    t.login('mediator1'),
  ]);
  const me = await t.app.inject({ url: '/api/me', headers: mediator });
  return { investor: inv, admin, firm, mediator, mediatorId: me.json().user.id };
}

const STEPS_TO = {
  submitted: [],
  registered: [['admin', 'register', {}]],
  consulting: [
    ['admin', 'register', {}],
    ['admin', 'consult-respondent', {}],
  ],
  accepted: [
    ['admin', 'register', {}],
    ['admin', 'consult-respondent', {}],
    ['firm', 'respondent-reply', { willing: true }],
    ['admin', 'accept', {}],
    ['admin', 'set-track', { track: 'ordinary' }],
  ],
  mediating: [
    ['admin', 'register', {}],
    ['admin', 'consult-respondent', {}],
    ['firm', 'respondent-reply', { willing: true }],
    ['admin', 'accept', {}],
    ['admin', 'set-track', { track: 'ordinary' }],
    ['admin', 'assign-mediator', { mediatorId: '$mediator' }],
  ],
} as const;

/** Factory named after states: a fresh application by `actors.investor`, moved through the API to `state`. */
export async function caseIn(
  t: TestApp,
  actors: JourneyActors,
  state: keyof typeof STEPS_TO,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number; caseNumber: string }> {
  const api = caseClient(t);
  const created = await api.apply(actors.investor, overrides);
  if (created.statusCode !== 200) throw new Error(`apply failed: ${created.body}`);
  let detail = created.json();
  for (const [who, event, body] of STEPS_TO[state]) {
    const payload = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, v === '$mediator' ? actors.mediatorId : v]),
    );
    const res = await api.post(actors[who], `/api/cases/${detail.id}/${event}`, {
      expectedVersion: detail.version,
      ...payload,
    });
    if (res.statusCode !== 200) throw new Error(`${event} failed: ${res.body}`);
    detail = res.json();
  }
  return { id: detail.id, version: detail.version, caseNumber: detail.caseNumber };
}
