import { request } from '../../api/client.ts';
import type { components } from '../../api/generated/openapi.ts';

export type CourtCaseDetail = components['schemas']['CourtCaseDetail'];
export type CourtCaseSummary = components['schemas']['CourtCaseSummary'];
export type CourtCaseList = components['schemas']['CourtCaseList'];
export type CourtDashboard = components['schemas']['CourtDashboard'];
export type CourtDirectory = components['schemas']['CourtDirectory'];
export type DockingCaseMessages = components['schemas']['DockingCaseMessages'];
export type CourtJudges = components['schemas']['CourtJudges'];
export type ConfirmationDetail = NonNullable<CourtCaseDetail['confirmation']>;

const enc = encodeURIComponent;

export interface CourtCaseQuery {
  kind?: CourtCaseSummary['kind'];
  status?: string;
  organizationId?: string;
  deadline?: 'due-soon' | 'overdue';
  q?: string;
  page?: number;
  pageSize?: number;
}

const qs = (query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const getCourtDashboard = () => request<CourtDashboard>('/api/court/dashboard');
export const getCourtDirectory = () => request<CourtDirectory>('/api/court/directory');
/** The judges of the user's court, to assign a judicial confirmation case. */
export const getCourtJudges = () => request<CourtJudges>('/api/court/judges');
export const listCourtCases = (query: CourtCaseQuery) =>
  request<CourtCaseList>(`/api/court/cases${qs({ ...query })}`);
export const getCourtCase = (id: string) =>
  request<CourtCaseDetail>(`/api/court/cases/${enc(id)}`, { silent: true });

export interface ComplaintParty {
  kind: 'person' | 'organization';
  role: 'plaintiff' | 'defendant' | 'third-party';
  name: string;
  idNumber: string;
  phone?: string | null;
  address?: string | null;
}

/** Silent: the form shows the refusal (missing parties or claims) beside itself. */
export const enterComplaint = (input: {
  parties: ComplaintParty[];
  claims: string;
  claimAmountFen: number;
  facts: string;
}) => request<CourtCaseDetail>('/api/court/cases', { body: input, silent: true });

/** One court event: POST /api/court/cases/:id/<event> with the version the page read. */
export const fireCourtEvent = (id: string, event: string, body: Record<string, unknown>) =>
  request<CourtCaseDetail>(`/api/court/cases/${enc(id)}/${enc(event)}`, { body, silent: true });

/** The link's message history of a case; an empty history when the link has none (or no endpoint yet). */
export async function getCaseMessages(caseRef: string): Promise<DockingCaseMessages> {
  try {
    return await request<DockingCaseMessages>(`/api/docking/cases/${enc(caseRef)}/messages`, {
      silent: true,
    });
  } catch {
    return { items: [] };
  }
}
