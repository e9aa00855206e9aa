import { type Labels, TRACK_LABELS } from '../lifecycles/direct-application-codes.ts';

/**
 * What the figures can be broken down by. `sector` is the respondent's kind of firm (securities, futures, fund,
 * listed company) — the dispute type the center reports by; `region` is the handling organization's province or city.
 */
export const GROUP_BYS = [
  'month',
  'organization',
  'mediator',
  'track',
  'source',
  'sector',
  'region',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const GROUP_BY_LABELS: Record<GroupBy, Labels> = {
  month: { zh: '月份', en: 'Month' },
  organization: { zh: '调解组织', en: 'Organization' },
  mediator: { zh: '调解员', en: 'Mediator' },
  track: { zh: '程序', en: 'Track' },
  source: { zh: '案件来源', en: 'Source' },
  sector: { zh: '纠纷类型', en: 'Dispute type' },
  region: { zh: '地区', en: 'Region' },
};

export const SOURCES = ['direct', 'delegated', 'entrusted'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, Labels> = {
  direct: { zh: '投资者直接申请', en: 'Direct application' },
  delegated: { zh: '法院诉前委派', en: 'Delegated by a court (pre-filing)' },
  entrusted: { zh: '法院诉中委托', en: 'Entrusted by a court (post-filing)' },
};

export const SECTORS = ['securities', 'futures', 'fund', 'listed'] as const;
export type Sector = (typeof SECTORS)[number];
export const SECTOR_LABELS: Record<Sector, Labels> = {
  securities: { zh: '证券纠纷', en: 'Securities' },
  futures: { zh: '期货纠纷', en: 'Futures' },
  fund: { zh: '基金纠纷', en: 'Funds' },
  listed: { zh: '上市公司纠纷', en: 'Listed companies' },
};

const NONE: Labels = { zh: '（未填）', en: '(none)' };
const UNASSIGNED: Labels = { zh: '（未指派调解员）', en: '(no mediator)' };

/** The label of a coded group key; organizations, mediators, months and regions are named by the caller. */
export function codedGroupLabel(groupBy: 'track' | 'source' | 'sector', key: string): Labels {
  const labels: Record<string, Labels> =
    groupBy === 'track' ? TRACK_LABELS : groupBy === 'source' ? SOURCE_LABELS : SECTOR_LABELS;
  return labels[key] ?? NONE;
}

/** The label of an empty key: no mediator yet, or a field left blank. */
export const emptyGroupLabel = (groupBy: GroupBy): Labels => (groupBy === 'mediator' ? UNASSIGNED : NONE);
