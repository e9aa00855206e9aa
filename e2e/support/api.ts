import type { Page } from 'playwright-core';

/**
 * Calls the API as the page's signed-in user (its cookies and CSRF token), to bring a case to the state a journey
 * starts from without clicking through every earlier step.
 */
export async function apiAs(page: Page, baseUrl: string) {
  const request = page.context().request;
  const me = await (await request.get(`${baseUrl}/api/me`)).json();
  const headers = { 'x-csrf-token': me.csrfToken as string, 'content-type': 'application/json' };
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await request.fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    const json = await response.json().catch(() => null);
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    me,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    /** Uploads a file (multipart field `file`), as the evidence form does; returns the upload. */
    async upload(name: string, buffer: Buffer, mimeType: string) {
      const response = await request.post(`${baseUrl}/api/uploads`, {
        headers: { 'x-csrf-token': me.csrfToken as string },
        multipart: { file: { name, mimeType, buffer } },
      });
      if (!response.ok()) throw new Error(`upload ${name} → ${response.status()} ${await response.text()}`);
      return response.json() as Promise<{ id: string; name: string }>;
    },
    /** Fires a case event at the case's current version. */
    async fire(caseId: string, event: string, body: Record<string, unknown> = {}) {
      const current = await call('GET', `/api/cases/${caseId}`);
      return call('POST', `/api/cases/${caseId}/${event}`, { expectedVersion: current.version, ...body });
    },
  };
}

export const CONSENTS = [
  { kind: 'online-mediation', version: '2026-01' },
  { kind: 'personal-data', version: '2026-01' },
];
