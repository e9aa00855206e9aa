import { langTag } from '../i18n/lang.ts';
import { ApiError, request } from './client.ts';
import type { JsonResponse } from './types.ts';
import type {
  BaseDateSuggestion,
  LossAssessment,
  LossFileKind,
  LossProblem,
  LossParams,
  LossProgress,
  LossResult,
  MyLossResult,
  UploadOutcome,
} from './loss-types.ts';

const enc = encodeURIComponent;
const base = (id: string) => `/api/loss-assessments/${enc(id)}`;

interface AssessmentQuery {
  status?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

const qs = (query: Record<string, string | number | boolean | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const listAssessments = (query: AssessmentQuery = {}) =>
  request<JsonResponse<'/api/loss-assessments', 'get'>>(`/api/loss-assessments${qs({ ...query })}`);

export const listEntrustingCourts = () =>
  request<JsonResponse<'/api/loss-courts', 'get'>>('/api/loss-courts');

export const createAssessment = (input: {
  caseNumber: string;
  courtOrgId: string;
  entrustedOn: string;
  params?: LossParams;
}) => request<LossAssessment>('/api/loss-assessments', { body: input });

export const getAssessment = (id: string) => request<LossAssessment>(base(id), { silent: true });

export const saveParams = (id: string, expectedVersion: number, params: LossParams) =>
  request<LossAssessment>(`${base(id)}/params`, { method: 'PUT', body: { expectedVersion, params } });

export const suggestBaseDate = (id: string, disclosureDate: string, ruleVersion?: string) =>
  request<BaseDateSuggestion>(`${base(id)}/suggest-base-date`, { body: { disclosureDate, ruleVersion } });

/**
 * Uploads one input file. A refused file (422) is an expected outcome carrying every problem by line, so it is
 * returned rather than thrown; the plain client would keep only the message.
 */
export async function uploadLossFile(
  id: string,
  kind: LossFileKind,
  file: File,
  csrfToken: string,
): Promise<UploadOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`${base(id)}/files/${kind}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken, 'Accept-Language': langTag(), Accept: 'application/json' },
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, assessment: body as unknown as LossAssessment };
  if (response.status === 422 && Array.isArray(body.problems))
    return { ok: false, problems: body.problems as LossProblem[], message: String(body.message ?? '') };
  throw new ApiError(
    response.status,
    String(body.code ?? `HTTP_${response.status}`),
    String(body.message ?? ''),
  );
}

export const runAssessment = (id: string) =>
  request<LossAssessment>(`${base(id)}/run`, { method: 'POST', body: {} });

export const getProgress = (id: string) => request<LossProgress>(`${base(id)}/progress`, { silent: true });

export const listResults = (
  id: string,
  query: { investorId?: string; withLoss?: boolean; page?: number; pageSize?: number },
) => request<JsonResponse<'/api/loss-assessments/{id}/results', 'get'>>(`${base(id)}/results${qs(query)}`);

export const getResult = (id: string, investorId: string) =>
  request<LossResult>(`${base(id)}/results/${enc(investorId)}`);

export const issueReport = (id: string) =>
  request<LossAssessment>(`${base(id)}/report`, { method: 'POST', body: {} });

export const exportUrl = (id: string) => `${base(id)}/export.xlsx`;
export const reportPdfUrl = (id: string) => `${base(id)}/report.pdf`;

export const listMyLossResults = () => request<MyLossResult[]>('/api/my/loss-results');
