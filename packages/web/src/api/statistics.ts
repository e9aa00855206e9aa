import { request } from './client.ts';
import type { components, paths } from './generated/openapi.ts';

/** The statistics pages' shapes, from the generated API types. */
export type Statistics = components['schemas']['Statistics'];
export type StatisticsFigures = components['schemas']['StatisticsFigures'];
export type FigureCases = components['schemas']['StatisticsFigureCases'];
export type StatisticsQuery = NonNullable<paths['/api/statistics']['get']['parameters']['query']>;
export type ListableFigure = FigureCases['figure'];

/** A query string of the set fields only. */
export function statisticsSearch(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

/** Silent: the page shows a refused period beside the period fields. */
export const getStatistics = (query: StatisticsQuery) =>
  request<Statistics>(`/api/statistics?${statisticsSearch(query)}`, { silent: true });

export const listFigureCases = (
  query: StatisticsQuery & { figure: ListableFigure; group?: string; page?: number; pageSize?: number },
) => request<FigureCases>(`/api/statistics/cases?${statisticsSearch(query)}`);

/** The workbook's address: a plain link, so the browser downloads it with the session cookie. */
export const statisticsExportUrl = (query: StatisticsQuery) =>
  `/api/statistics/export.xlsx?${statisticsSearch(query)}`;

/** The court platform's statistics (court administrators). */
export type CourtStatistics = components['schemas']['CourtStatistics'];
export type CourtFigureCases = components['schemas']['CourtStatisticsFigureCases'];
export type CourtStatisticsQuery = NonNullable<paths['/api/court/statistics']['get']['parameters']['query']>;
export type ListableCourtFigure = CourtFigureCases['figure'];

export const getCourtStatistics = (query: CourtStatisticsQuery) =>
  request<CourtStatistics>(`/api/court/statistics?${statisticsSearch(query)}`, { silent: true });

export const listCourtFigureCases = (
  query: CourtStatisticsQuery & {
    figure: ListableCourtFigure;
    group?: string;
    page?: number;
    pageSize?: number;
  },
) => request<CourtFigureCases>(`/api/court/statistics/cases?${statisticsSearch(query)}`);

export const courtStatisticsExportUrl = (query: CourtStatisticsQuery) =>
  `/api/court/statistics/export.xlsx?${statisticsSearch(query)}`;

/** A year's public statistics (no sign-in), no cell under the threshold. */
export type PublicStatistics = components['schemas']['PublicStatistics'];
export const getPublicStatistics = (year: number) =>
  request<PublicStatistics>(`/api/public/statistics?year=${year}`, { ignoreSessionLoss: true });
