import { request } from './client.ts';
import type { components } from './generated/openapi.ts';

/** Evaluation's shapes, from the generated API types. */
export type CaseSurvey = components['schemas']['CaseSurvey'];
export type Scorecards = components['schemas']['Scorecards'];
export type ScorecardRow = Scorecards['rows'][number];
export type ScorecardVersions = components['schemas']['ScorecardVersions'];
export type ScorecardLevel = Scorecards['level'];
export type MediatorDisclosure = components['schemas']['MediatorDisclosure'];

const enc = encodeURIComponent;

export const getCaseSurvey = (caseId: string) =>
  request<CaseSurvey>(`/api/cases/${enc(caseId)}/survey`, { silent: true });
export const submitSurvey = (caseId: string, answers: Record<string, number>, comment: string) =>
  request<CaseSurvey>(`/api/cases/${enc(caseId)}/survey`, { body: { answers, comment } });
export const getScorecards = (level: ScorecardLevel, year: number) =>
  request<Scorecards>(`/api/evaluation/scorecards?level=${level}&year=${year}`);
export const getCourtScorecards = (year: number) =>
  request<Scorecards>(`/api/court/evaluation/scorecards?year=${year}`);
export const listScorecardVersions = (level: ScorecardLevel) =>
  request<ScorecardVersions>(`/api/evaluation/versions?level=${level}`);
/** Silent: the form shows the refusal (weights not adding up to 100) beside the weights. */
export const defineScorecard = (
  level: ScorecardLevel,
  effectiveYear: number,
  weights: Record<string, number>,
  note: string,
) =>
  request<ScorecardVersions>('/api/evaluation/versions', {
    body: { level, effectiveYear, weights, note },
    silent: true,
  });
export const getMediatorDisclosure = (year: number) =>
  request<MediatorDisclosure>(`/api/public/mediators?year=${year}`, { ignoreSessionLoss: true });
