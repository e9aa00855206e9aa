import type { Platform, Role } from '@sutiao/domain/roles.ts';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  organizationId: string | null;
  investorKind?: 'ordinary' | 'professional';
  idNumber?: string;
  phone?: string;
  email?: string;
}

/** Every demo user signs in with this password (README). */
export const DEMO_PASSWORD = 'Sutiao#2026';

export const DEMO_USERS: Record<Platform, DemoUser[]> = {
  mediation: [
    {
      username: 'investor1',
      displayName: '张伟',
      roles: ['investor'],
      organizationId: null,
      investorKind: 'ordinary',
      idNumber: '31010119800101123X',
      phone: '13812345678',
      email: 'investor1@example.cn',
    },
    {
      username: 'investor2',
      displayName: '李娜',
      roles: ['investor'],
      organizationId: null,
      investorKind: 'ordinary',
      idNumber: '440301199002023456',
      phone: '13987654321',
      email: 'investor2@example.cn',
    },
    {
      username: 'investor3',
      displayName: '王芳',
      roles: ['investor'],
      organizationId: null,
      investorKind: 'professional',
      idNumber: '110105198503038764',
      phone: '13700001111',
    },
    {
      username: 'agent1',
      displayName: '赵律师',
      roles: ['agent'],
      organizationId: null,
      phone: '13600002222',
    },
    {
      username: 'firm_huaxin',
      displayName: '华信证券合规部 陈明',
      roles: ['respondent'],
      organizationId: 'firm-huaxin',
    },
    {
      username: 'firm_donghai',
      displayName: '东海恒通期货客服 周琳',
      roles: ['respondent'],
      organizationId: 'firm-donghai-fut',
    },
    {
      username: 'firm_xinghe',
      displayName: '星河数智证券事务部 孙强',
      roles: ['respondent'],
      organizationId: 'firm-xinghe',
    },
    { username: 'mediator1', displayName: '刘调解', roles: ['mediator'], organizationId: 'ws-10' },
    { username: 'mediator2', displayName: '黄调解', roles: ['mediator'], organizationId: 'ws-23' },
    { username: 'mediator3', displayName: '吴调解', roles: ['mediator'], organizationId: 'ws-01' },
    {
      username: 'center_admin',
      displayName: '中证法律服务中心 案件管理员',
      roles: ['org_admin'],
      organizationId: 'org-center',
    },
    {
      username: 'ws_sh_admin',
      displayName: '上海工作站 管理员',
      roles: ['org_admin'],
      organizationId: 'ws-10',
    },
    {
      username: 'analyst1',
      displayName: '损失核定员 马骏',
      roles: ['loss_analyst'],
      organizationId: 'org-center',
    },
    {
      username: 'regulator1',
      displayName: '投保局 监管员',
      roles: ['regulator'],
      organizationId: 'reg-csrc-ipb',
    },
    {
      username: 'regulator_sh',
      displayName: '上海证监局 监管员',
      roles: ['regulator'],
      organizationId: 'reg-sh',
    },
    {
      username: 'm_sysadmin',
      displayName: '调解平台 系统管理员',
      roles: ['sys_admin'],
      organizationId: 'op-mediation',
    },
    {
      username: 'm_secadmin',
      displayName: '调解平台 安全管理员',
      roles: ['sec_admin'],
      organizationId: 'op-mediation',
    },
    {
      username: 'm_auditadmin',
      displayName: '调解平台 审计管理员',
      roles: ['audit_admin'],
      organizationId: 'op-mediation',
    },
  ],
  court: [
    {
      username: 'sh74_filing',
      displayName: '上海金融法院 立案庭 书记员',
      roles: ['filing_officer'],
      organizationId: 'court-sh74',
    },
    {
      username: 'sh74_judge',
      displayName: '上海金融法院 法官 林审',
      roles: ['judge'],
      organizationId: 'court-sh74',
    },
    {
      username: 'bj74_filing',
      displayName: '北京金融法院 立案庭 书记员',
      roles: ['filing_officer'],
      organizationId: 'court-bj74',
    },
    {
      username: 'bj74_judge',
      displayName: '北京金融法院 法官 高审',
      roles: ['judge'],
      organizationId: 'court-bj74',
    },
    {
      username: 'hp_filing',
      displayName: '黄浦法院 立案庭 书记员',
      roles: ['filing_officer'],
      organizationId: 'court-sh-hp',
    },
    {
      username: 'hp_judge',
      displayName: '黄浦法院 法官 周审',
      roles: ['judge'],
      organizationId: 'court-sh-hp',
    },
    {
      username: 'gz01_judge',
      displayName: '广州中院 法官 梁审',
      roles: ['judge'],
      organizationId: 'court-gz01',
    },
    {
      username: 'spc_admin',
      displayName: '最高人民法院 立案庭 管理员',
      roles: ['court_admin'],
      organizationId: 'court-spc',
    },
    {
      username: 'shgy_admin',
      displayName: '上海高院 管理员',
      roles: ['court_admin'],
      organizationId: 'court-sh-high',
    },
    {
      username: 'c_sysadmin',
      displayName: '法院平台 系统管理员',
      roles: ['sys_admin'],
      organizationId: 'op-court',
    },
    {
      username: 'c_secadmin',
      displayName: '法院平台 安全管理员',
      roles: ['sec_admin'],
      organizationId: 'op-court',
    },
    {
      username: 'c_auditadmin',
      displayName: '法院平台 审计管理员',
      roles: ['audit_admin'],
      organizationId: 'op-court',
    },
  ],
};
