import type { OrganizationsTable } from '../../adapters/db/schema.ts';

type DemoOrganization = Omit<OrganizationsTable, 'created_at'>;

const org = (
  o: Partial<DemoOrganization> & Pick<DemoOrganization, 'id' | 'kind' | 'name'>,
): DemoOrganization => ({
  short_name: null,
  code: null,
  parent_id: null,
  region: null,
  firm_type: null,
  court_level: null,
  credit_code: null,
  ...o,
});

export const CENTER_ID = 'org-center';

// The 35 workstations of the national center (中证资本市场法律服务中心), by region.
const WORKSTATION_REGIONS = [
  '北京',
  '天津',
  '河北',
  '山西',
  '内蒙古',
  '辽宁',
  '大连',
  '吉林',
  '黑龙江',
  '上海',
  '江苏',
  '浙江',
  '宁波',
  '安徽',
  '福建',
  '厦门',
  '江西',
  '山东',
  '青岛',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '深圳',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '宁夏',
  '新疆',
  '青海',
] as const;

const COURTS: DemoOrganization[] = [
  org({
    id: 'court-spc',
    kind: 'court',
    name: '最高人民法院',
    short_name: '最高法',
    code: '最高法',
    court_level: 'supreme',
    region: '北京',
  }),
  org({
    id: 'court-sh-high',
    kind: 'court',
    name: '上海市高级人民法院',
    short_name: '上海高院',
    code: '沪',
    court_level: 'high',
    region: '上海',
    parent_id: 'court-spc',
  }),
  org({
    id: 'court-bj-high',
    kind: 'court',
    name: '北京市高级人民法院',
    short_name: '北京高院',
    code: '京',
    court_level: 'high',
    region: '北京',
    parent_id: 'court-spc',
  }),
  org({
    id: 'court-gd-high',
    kind: 'court',
    name: '广东省高级人民法院',
    short_name: '广东高院',
    code: '粤',
    court_level: 'high',
    region: '广东',
    parent_id: 'court-spc',
  }),
  org({
    id: 'court-sh74',
    kind: 'court',
    name: '上海金融法院',
    short_name: '上海金融法院',
    code: '沪74',
    court_level: 'intermediate',
    region: '上海',
    parent_id: 'court-sh-high',
  }),
  org({
    id: 'court-bj74',
    kind: 'court',
    name: '北京金融法院',
    short_name: '北京金融法院',
    code: '京74',
    court_level: 'intermediate',
    region: '北京',
    parent_id: 'court-bj-high',
  }),
  org({
    id: 'court-gz01',
    kind: 'court',
    name: '广州市中级人民法院',
    short_name: '广州中院',
    code: '粤01',
    court_level: 'intermediate',
    region: '广东',
    parent_id: 'court-gd-high',
  }),
  org({
    id: 'court-sz03',
    kind: 'court',
    name: '深圳市中级人民法院',
    short_name: '深圳中院',
    code: '粤03',
    court_level: 'intermediate',
    region: '深圳',
    parent_id: 'court-gd-high',
  }),
  org({
    id: 'court-cq05',
    kind: 'court',
    name: '重庆市第五中级人民法院',
    short_name: '重庆五中院',
    code: '渝05',
    court_level: 'intermediate',
    region: '重庆',
  }),
  // Basic courts (基层人民法院): where a judicial confirmation of a mediation the center ran on its own goes
  // (民事诉讼法 第二百零五条: the parties' domicile, the subject matter or the organization's seat).
  org({
    id: 'court-sh-hp',
    kind: 'court',
    name: '上海市黄浦区人民法院',
    short_name: '黄浦法院',
    code: '沪0101',
    court_level: 'basic',
    region: '上海',
    parent_id: 'court-sh-high',
  }),
  org({
    id: 'court-sh-pd',
    kind: 'court',
    name: '上海市浦东新区人民法院',
    short_name: '浦东法院',
    code: '沪0115',
    court_level: 'basic',
    region: '上海',
    parent_id: 'court-sh-high',
  }),
  org({
    id: 'court-bj-xc',
    kind: 'court',
    name: '北京市西城区人民法院',
    short_name: '西城法院',
    code: '京0102',
    court_level: 'basic',
    region: '北京',
    parent_id: 'court-bj-high',
  }),
  org({
    id: 'court-sz-ft',
    kind: 'court',
    name: '深圳市福田区人民法院',
    short_name: '福田法院',
    code: '粤0304',
    court_level: 'basic',
    region: '深圳',
    parent_id: 'court-sz03',
  }),
  org({
    id: 'court-gz-th',
    kind: 'court',
    name: '广州市天河区人民法院',
    short_name: '天河法院',
    code: '粤0106',
    court_level: 'basic',
    region: '广东',
    parent_id: 'court-gz01',
  }),
];

const MEDIATION_ORGANIZATIONS: DemoOrganization[] = [
  org({
    id: CENTER_ID,
    kind: 'mediation',
    name: '中证资本市场法律服务中心',
    short_name: '中证法律服务中心',
    code: '中证调',
    region: '上海',
  }),
  ...WORKSTATION_REGIONS.map((region, i) =>
    org({
      id: `ws-${String(i + 1).padStart(2, '0')}`,
      kind: 'workstation',
      name: `中证资本市场法律服务中心${region}调解工作站`,
      short_name: `${region}工作站`,
      parent_id: CENTER_ID,
      region,
    }),
  ),
  org({
    id: 'org-sac',
    kind: 'mediation',
    name: '中国证券业协会证券纠纷调解中心',
    short_name: '证券业协会调解中心',
    code: '证协调',
    region: '北京',
  }),
  org({
    id: 'org-cfa',
    kind: 'mediation',
    name: '中国期货业协会期货纠纷调解中心',
    short_name: '期货业协会调解中心',
    code: '期协调',
    region: '北京',
  }),
  org({
    id: 'org-sz-msc',
    kind: 'mediation',
    name: '深圳证券期货业纠纷调解中心',
    short_name: '深圳调解中心',
    code: '深证调',
    region: '深圳',
  }),
];

// Fictional firms: demo disputes must not name real companies (nor real credit codes).
const FIRMS: DemoOrganization[] = [
  org({
    id: 'firm-huaxin',
    kind: 'firm',
    // Fictional unified social credit code: how a court names this firm in a complaint.
    credit_code: '91310000MA1HX0001A',
    name: '华信证券股份有限公司',
    short_name: '华信证券',
    firm_type: 'securities',
    region: '上海',
  }),
  org({
    id: 'firm-dongfang',
    kind: 'firm',
    // Fictional unified social credit code: how a court names this firm in a complaint.
    credit_code: '91110000MA1DF0002B',
    name: '东方远景证券有限责任公司',
    short_name: '东方远景证券',
    firm_type: 'securities',
    region: '北京',
  }),
  org({
    id: 'firm-donghai-fut',
    kind: 'firm',
    // Fictional unified social credit code: how a court names this firm in a complaint.
    credit_code: '91310000MA1DH0003C',
    name: '东海恒通期货有限公司',
    short_name: '东海恒通期货',
    firm_type: 'futures',
    region: '上海',
  }),
  org({
    id: 'firm-pengcheng-fund',
    kind: 'firm',
    // Fictional unified social credit code: how a court names this firm in a complaint.
    credit_code: '91440300MA5PC0004D',
    name: '鹏程智远基金管理有限公司',
    short_name: '鹏程智远基金',
    firm_type: 'fund',
    region: '深圳',
  }),
  org({
    id: 'firm-xinghe',
    kind: 'firm',
    // Fictional unified social credit code: how a court names this firm in a complaint.
    credit_code: '91440000MA4XH0005E',
    name: '星河数智科技股份有限公司',
    short_name: '星河数智',
    firm_type: 'listed',
    region: '广东',
  }),
  org({
    id: 'firm-kangyuan',
    kind: 'firm',
    // Fictional unified social credit code: how a court names this firm in a complaint.
    credit_code: '91440000MA4KY0006F',
    name: '康源医药股份有限公司',
    short_name: '康源医药',
    firm_type: 'listed',
    region: '广东',
  }),
];

const REGULATORS: DemoOrganization[] = [
  org({
    id: 'reg-csrc-ipb',
    kind: 'regulator',
    name: '中国证监会投资者保护局',
    short_name: '证监会投保局',
    region: '北京',
  }),
  org({
    id: 'reg-sh',
    kind: 'regulator',
    name: '中国证监会上海监管局',
    short_name: '上海证监局',
    region: '上海',
    parent_id: 'reg-csrc-ipb',
  }),
];

const PLATFORM_OPERATORS: DemoOrganization[] = [
  org({ id: 'op-court', kind: 'platform', name: '人民法院调解平台运维', short_name: '法院平台运维' }),
  org({
    id: 'op-mediation',
    kind: 'platform',
    name: '中国投资者网在线调解平台运维',
    short_name: '调解平台运维',
  }),
];

/** Both platforms know every court and mediation organization (the docking link addresses them). */
export const ALL_ORGANIZATIONS: DemoOrganization[] = [
  ...PLATFORM_OPERATORS,
  ...COURTS,
  ...MEDIATION_ORGANIZATIONS,
  ...FIRMS,
  ...REGULATORS,
];
