import { describe, expect, it } from 'vitest';
import {
  type CourtCandidate,
  competentCourts,
  ROUTING_BASIS_LABELS,
  type RoutingInput,
} from '../src/confirmation/competent-court.ts';

const COURTS: CourtCandidate[] = [
  { id: 'spc', name: '最高人民法院', code: '100000', level: 'supreme', region: null },
  { id: 'sh-high', name: '上海市高级人民法院', code: '310000', level: 'high', region: '上海' },
  { id: 'sh-fin', name: '上海金融法院', code: '310001', level: 'intermediate', region: '上海' },
  { id: 'sh-hp', name: '上海市黄浦区人民法院', code: '310101', level: 'basic', region: '上海' },
  { id: 'sh-pd', name: '上海市浦东新区人民法院', code: '310115', level: 'basic', region: '上海' },
  { id: 'bj-fin', name: '北京金融法院', code: '110001', level: 'intermediate', region: '北京' },
  { id: 'bj-xc', name: '北京市西城区人民法院', code: '110102', level: 'basic', region: '北京' },
  { id: 'sz-ft', name: '深圳市福田区人民法院', code: '440304', level: 'basic', region: '深圳' },
];

const input = (overrides: Partial<RoutingInput>): RoutingInput => ({
  referringCourt: null,
  investorRegion: null,
  respondentRegion: null,
  subjectMatterRegion: null,
  organizationRegion: null,
  intermediateJurisdiction: false,
  courts: COURTS,
  ...overrides,
});

describe('the competent court for judicial confirmation (民事诉讼法 第二百零五条)', () => {
  it('sends an application from a referred mediation to the referring court only', () => {
    const routed = competentCourts(
      input({
        referringCourt: { id: 'sh-hp', name: '上海市黄浦区人民法院' },
        investorRegion: '北京',
        respondentRegion: '深圳',
        organizationRegion: '上海',
      }),
    );
    expect(routed).toEqual([
      {
        courtId: 'sh-hp',
        courtName: '上海市黄浦区人民法院',
        courtCode: '310101',
        basis: 'referring-court',
        reason: {
          zh: '上海市黄浦区人民法院（委派/委托调解的人民法院）',
          en: '上海市黄浦区人民法院 (the court that referred the mediation)',
        },
      },
    ]);
  });

  it('keeps the referring court even when the directory does not list it', () => {
    const routed = competentCourts(
      input({ referringCourt: { id: 'gz-th', name: '广州市天河区人民法院' }, courts: [] }),
    );
    expect(routed).toMatchObject([{ courtId: 'gz-th', courtCode: '', basis: 'referring-court' }]);
  });

  it('offers the basic courts of each connecting point in order, each court once', () => {
    const routed = competentCourts(
      input({
        investorRegion: '上海',
        respondentRegion: '北京',
        subjectMatterRegion: '北京',
        organizationRegion: '上海',
      }),
    );
    expect(routed.map((court) => [court.courtId, court.basis])).toEqual([
      ['sh-hp', 'investor-domicile'],
      ['sh-pd', 'investor-domicile'],
      ['bj-xc', 'respondent-domicile'],
    ]);
    expect(routed[0]?.reason.zh).toBe('申请人住所地（上海）的基层人民法院');
    expect(routed[2]?.reason.zh).toBe('被申请人住所地（北京）的基层人民法院');
    expect(routed[0]?.courtCode).toBe('310101');
  });

  it('falls back to the subject matter and the organization’s seat', () => {
    expect(
      competentCourts(input({ subjectMatterRegion: '深圳', organizationRegion: '北京' })).map((court) => [
        court.courtId,
        court.basis,
        court.reason.zh,
      ]),
    ).toEqual([
      ['sz-ft', 'subject-matter', '标的物所在地（深圳）的基层人民法院'],
      ['bj-xc', 'organization-seat', '调解组织所在地（北京）的基层人民法院'],
    ]);
  });

  it('goes to the intermediate courts when the dispute belongs to one, never to a high or the supreme court', () => {
    const routed = competentCourts(
      input({
        investorRegion: '上海',
        respondentRegion: '北京',
        organizationRegion: '上海',
        intermediateJurisdiction: true,
      }),
    );
    expect(routed.map((court) => [court.courtId, court.basis])).toEqual([
      ['sh-fin', 'investor-domicile'],
      ['bj-fin', 'respondent-domicile'],
    ]);
    expect(routed[0]?.reason.zh).toBe('申请人住所地（上海）的中级人民法院');
    expect(routed[0]?.reason.en).toBe(
      "the intermediate court of the applicant's (investor's) domicile (上海)",
    );
  });

  it('finds no competent court when none is reachable', () => {
    expect(competentCourts(input({}))).toEqual([]);
    expect(competentCourts(input({ investorRegion: '广州', organizationRegion: '杭州' }))).toEqual([]);
    expect(competentCourts(input({ investorRegion: '深圳', intermediateJurisdiction: true }))).toEqual([]);
    expect(competentCourts(input({ investorRegion: '上海', courts: [] }))).toEqual([]);
  });

  it('labels every basis', () => {
    expect(Object.keys(ROUTING_BASIS_LABELS)).toEqual([
      'referring-court',
      'investor-domicile',
      'respondent-domicile',
      'subject-matter',
      'organization-seat',
    ]);
  });
});
