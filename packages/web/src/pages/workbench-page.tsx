import { lazy, type ReactNode, Suspense } from 'react';
import { Button, Card, Descriptions, Tabs, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { CaseTable } from '../components/case-table.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { CASE_STATUS, labelOf, ROLE } from '../domain-labels.ts';
import { type MessageKey, useI18n } from '../i18n/index.ts';
import { visibleNavItems } from '../components/nav-items.ts';
import { hasPermission, hasRole, useMe, useSession } from '../session.tsx';
import { PAGE_HINTS, useWorkbenchText, type WorkbenchTextKey } from './workbench-text.ts';

// ECharts is heavy: only users with statistics rights download it, after the workbench has rendered.
const StatusChart = lazy(() => import('../components/status-chart.tsx'));

/** Statuses an organization administrator acts on, per queue tab. Keys match the server's status codes. */
const ORG_ADMIN_QUEUES: { key: string; labelKey: MessageKey; statuses: string[] }[] = [
  { key: 'to-register', labelKey: 'workbench.queue.toRegister', statuses: ['submitted'] },
  // Registered cases still need the respondent consulted; consulting ones await the accept/refuse decision.
  { key: 'to-accept', labelKey: 'workbench.queue.toAccept', statuses: ['registered', 'consulting'] },
  { key: 'to-assign', labelKey: 'workbench.queue.toAssign', statuses: ['accepted'] },
];

function QueueTables({ statuses, caption }: { statuses: string[]; caption: string }) {
  const { t, lang } = useI18n();
  if (statuses.length === 1) return <CaseTable status={statuses[0]} caption={caption} />;
  return (
    <>
      {statuses.map((status) => (
        <section key={status} aria-label={`${caption}${t('sep.colon')}${labelOf(CASE_STATUS, status, lang)}`}>
          <h3 style={{ fontSize: 15, marginTop: 8 }}>{labelOf(CASE_STATUS, status, lang)}</h3>
          <CaseTable
            status={status}
            caption={`${caption}${t('sep.colon')}${labelOf(CASE_STATUS, status, lang)}`}
            pageSize={5}
          />
        </section>
      ))}
    </>
  );
}

const COURT_MODULES: { titleKey: MessageKey; descKey: MessageKey; to?: string }[] = [
  {
    titleKey: 'court.module.delegate',
    descKey: 'court.module.delegate.desc',
    to: '/court/cases?kind=delegation',
  },
  {
    titleKey: 'court.module.entrust',
    descKey: 'court.module.entrust.desc',
    to: '/court/cases?kind=entrustment',
  },
  { titleKey: 'court.module.confirm', descKey: 'court.module.confirm.desc' },
  { titleKey: 'court.module.file', descKey: 'court.module.file.desc', to: '/court' },
];

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card
      title={<h2 style={{ fontSize: 17, margin: 0 }}>{title}</h2>}
      extra={extra}
      style={{ marginBottom: 24 }}
      styles={{ body: { paddingTop: 8 } }}
    >
      {children}
    </Card>
  );
}

function CourtWorkbench() {
  const { t, lang } = useI18n();
  const me = useMe();
  return (
    <Section title={t('workbench.court.title')}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('workbench.court.court')}>
          <span data-testid="user-court">{me.user.organizationName ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('workbench.roles')}>
          {me.user.roles.map((role) => labelOf(ROLE, role, lang)).join('、')}
        </Descriptions.Item>
      </Descriptions>
      <p>{t('workbench.court.intro')}</p>
      <ul className="court-modules">
        {COURT_MODULES.map((module) => (
          <li key={module.titleKey}>
            <div>
              <h3 style={{ fontSize: 15, margin: 0 }}>{t(module.titleKey)}</h3>
              <p style={{ margin: '4px 0 0', color: 'rgba(0,0,0,0.7)' }}>{t(module.descKey)}</p>
            </div>
            {module.to ? (
              <Link to={module.to}>{t('workbench.court.open')}</Link>
            ) : (
              <Tag>{t('workbench.court.coming')}</Tag>
            )}
          </li>
        ))}
      </ul>
      <p style={{ marginTop: 16, marginBottom: 0 }}>
        {t('workbench.court.meanwhile')} <Link to="/inbox">{t('nav.inbox')}</Link>
      </p>
    </Section>
  );
}

/** Roles without a case queue (analysts, administrators): their working pages, each a link, none "coming". */
function YourPages() {
  const { t } = useI18n();
  const { pt } = useWorkbenchText();
  const me = useMe();
  const { platform } = useSession();
  const items = visibleNavItems(me, platform).filter((item) => item.path !== '/');
  return (
    <Section title={pt('yourPages')}>
      <ul className="your-pages" data-testid="your-pages">
        {items.map((item) => (
          <li key={item.path}>
            <Link to={item.path}>{t(item.labelKey)}</Link>
            {PAGE_HINTS[item.path] ? <span> — {pt(PAGE_HINTS[item.path] as WorkbenchTextKey)}</span> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export default function WorkbenchPage() {
  const { t } = useI18n();
  const { platform } = useSession();
  const me = useMe();
  const navigate = useNavigate();

  if (platform === 'court') {
    // Court administrators do no court work: their workbench is their pages, not the court modules.
    const courtStaff = hasRole(me, 'filing_officer', 'judge', 'court_admin');
    return (
      <>
        <PageHeading title={t('nav.workbench')} sub={t('workbench.welcome', { name: me.user.displayName })} />
        {courtStaff ? <CourtWorkbench /> : <YourPages />}
      </>
    );
  }

  const isApplicant = hasRole(me, 'investor', 'agent');
  const isOrgAdmin = hasRole(me, 'org_admin');
  const isMediator = hasRole(me, 'mediator');
  const isRespondent = hasRole(me, 'respondent');
  const isRegulator = hasRole(me, 'regulator');
  const hasCaseRole = isApplicant || isOrgAdmin || isMediator || isRespondent || isRegulator;

  return (
    <>
      <PageHeading
        title={t('nav.workbench')}
        sub={t('workbench.welcome', { name: me.user.displayName })}
        extra={
          isApplicant ? (
            <Button type="primary" size="large" onClick={() => navigate('/apply')}>
              {t('nav.apply')}
            </Button>
          ) : null
        }
      />
      {isApplicant ? (
        <Section title={t('workbench.investor.title')}>
          <CaseTable caption={t('workbench.investor.title')} />
        </Section>
      ) : null}
      {isOrgAdmin ? (
        <Section title={t('workbench.orgAdmin.title')} extra={me.user.organizationName ?? undefined}>
          <Tabs
            items={ORG_ADMIN_QUEUES.map((queue) => ({
              key: queue.key,
              label: t(queue.labelKey),
              children: <QueueTables statuses={queue.statuses} caption={t(queue.labelKey)} />,
            }))}
          />
        </Section>
      ) : null}
      {isMediator ? (
        <Section title={t('workbench.mediator.title')}>
          <CaseTable caption={t('workbench.mediator.title')} />
        </Section>
      ) : null}
      {isRespondent ? (
        <Section title={t('workbench.respondent.title')} extra={me.user.organizationName ?? undefined}>
          <CaseTable caption={t('workbench.respondent.title')} />
        </Section>
      ) : null}
      {isRegulator ? (
        <Section title={t('workbench.regulator.title')}>
          <CaseTable caption={t('workbench.regulator.title')} />
        </Section>
      ) : null}
      {hasPermission(me, 'stats.read', 'case.read.all') ? (
        <Section title={t('workbench.chart.title')}>
          <Suspense fallback={<p>{t('chart.loading')}</p>}>
            <StatusChart title={t('workbench.chart.title')} />
          </Suspense>
        </Section>
      ) : null}
      {hasCaseRole ? null : <YourPages />}
    </>
  );
}
