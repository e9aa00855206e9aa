import type { Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';

/** Surveys and scorecard versions (migration 017), survey reminders (migration 021). */
export interface EvaluationTables {
  case_surveys: CaseSurveysTable;
  scorecard_versions: ScorecardVersionsTable;
  survey_reminders: SurveyRemindersTable;
}

export interface SurveyRemindersTable {
  case_id: string;
  side: 'investor' | 'respondent';
  sent_at: Timestamp;
}

export interface CaseSurveysTable {
  case_id: string;
  side: 'investor' | 'respondent';
  user_id: string;
  mediator_user_id: string | null;
  organization_id: string;
  answers: Json<Record<string, number>>;
  mean_x100: number;
  comment: Generated<string>;
  submitted_at: Timestamp;
}

export interface ScorecardVersionsTable {
  level: 'mediator' | 'organization' | 'court';
  version: number;
  effective_year: number;
  weights: Json<Record<string, number>>;
  note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}
