import type { Labels } from '../lifecycles/court-referral.ts';

/**
 * Where an application for judicial confirmation goes (民事诉讼法 第二百零五条, as we read it): when a court invited,
 * delegated or entrusted the mediation, to that court and no other; when the organization mediated on its own, to
 * the basic court of a party's domicile, of the subject matter's location or of the organization's seat — or to the
 * corresponding intermediate court when the dispute belongs to an intermediate court (e.g. securities
 * misrepresentation, which goes to a financial court or an intermediate court). Several competent courts may be
 * offered; the parties choose one. Only courts reachable over the docking link are offered.
 */
export interface CourtCandidate {
  id: string;
  name: string;
  code: string;
  level: 'supreme' | 'high' | 'intermediate' | 'basic';
  /** The region the court serves, spelled as the parties' regions are (e.g. 上海, 上海市黄浦区). */
  region: string | null;
}

export interface RoutingInput {
  /** The court that invited, delegated or entrusted the mediation. */
  referringCourt: { id: string; name: string } | null;
  investorRegion: string | null;
  respondentRegion: string | null;
  subjectMatterRegion: string | null;
  organizationRegion: string | null;
  /** The dispute belongs to an intermediate court (e.g. securities misrepresentation → a financial court). */
  intermediateJurisdiction: boolean;
  /** Courts reachable over the link. */
  courts: readonly CourtCandidate[];
}

export type RoutingBasis =
  | 'referring-court'
  | 'investor-domicile'
  | 'respondent-domicile'
  | 'subject-matter'
  | 'organization-seat';

export interface RoutedCourt {
  courtId: string;
  courtName: string;
  courtCode: string;
  basis: RoutingBasis;
  reason: Labels;
}

export const ROUTING_BASIS_LABELS: Record<RoutingBasis, Labels> = {
  'referring-court': { zh: '委派/委托调解的人民法院', en: 'The court that referred the mediation' },
  'investor-domicile': { zh: '申请人住所地', en: "The applicant's (investor's) domicile" },
  'respondent-domicile': { zh: '被申请人住所地', en: "The respondent's domicile" },
  'subject-matter': { zh: '标的物所在地', en: "The subject matter's location" },
  'organization-seat': { zh: '调解组织所在地', en: "The mediation organization's seat" },
};

/** The order in which the bases of an organization's own mediation are offered. */
const REGIONAL_BASES = [
  ['investor-domicile', 'investorRegion'],
  ['respondent-domicile', 'respondentRegion'],
  ['subject-matter', 'subjectMatterRegion'],
  ['organization-seat', 'organizationRegion'],
] as const satisfies readonly (readonly [RoutingBasis, keyof RoutingInput])[];

const LEVEL_LABELS = {
  basic: { zh: '基层人民法院', en: 'basic court' },
  intermediate: { zh: '中级人民法院', en: 'intermediate court' },
} as const;

/**
 * The courts the parties may apply to, best first. A referring court is the only one, whether or not the directory
 * lists it (its code is then empty). Otherwise each court is listed once, under the first basis that names it;
 * the list is empty when no competent court is reachable over the link.
 */
export function competentCourts(input: RoutingInput): RoutedCourt[] {
  if (input.referringCourt) {
    const { id, name } = input.referringCourt;
    const known = input.courts.find((court) => court.id === id);
    const label = ROUTING_BASIS_LABELS['referring-court'];
    return [
      {
        courtId: id,
        courtName: name,
        courtCode: known?.code ?? '',
        basis: 'referring-court',
        reason: { zh: `${name}（${label.zh}）`, en: `${name} (${label.en.toLowerCase()})` },
      },
    ];
  }
  const level = input.intermediateJurisdiction ? 'intermediate' : 'basic';
  const routed: RoutedCourt[] = [];
  for (const [basis, field] of REGIONAL_BASES) {
    const region = input[field];
    if (!region?.trim()) continue;
    const label = ROUTING_BASIS_LABELS[basis];
    for (const court of input.courts) {
      if (court.level !== level || court.region !== region) continue;
      if (routed.some((known) => known.courtId === court.id)) continue;
      routed.push({
        courtId: court.id,
        courtName: court.name,
        courtCode: court.code,
        basis,
        reason: {
          zh: `${label.zh}（${region}）的${LEVEL_LABELS[level].zh}`,
          en: `the ${LEVEL_LABELS[level].en} of ${label.en.charAt(0).toLowerCase()}${label.en.slice(1)} (${region})`,
        },
      });
    }
  }
  return routed;
}
