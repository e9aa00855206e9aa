import { Button, Card, Col, Empty, Row, Spin, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/page-title.tsx';
import { hasPermission, useMe } from '../../session.tsx';
import { type CourtDashboard, getCourtDashboard } from './court-api.ts';
import { stateLabel } from './court-labels.ts';
import { kindKey, useCourtText } from './court-text.ts';

/**
 * The court's workbench: its referred cases and judicial confirmations by lifecycle and state, by organization, and
 * deadlines due or past.
 */
export default function CourtDashboardPage() {
  const { pt, lang } = useCourtText();
  const me = useMe();
  const [data, setData] = useState<CourtDashboard | null>(null);
  useEffect(() => {
    void getCourtDashboard().then(setData);
  }, []);
  const canEnter = hasPermission(me, 'court.delegate');
  const heading = (
    <PageHeading
      title={pt('dashboard')}
      sub={data ? pt('dashboardSub', { court: data.court.name, today: data.today }) : null}
      extra={
        canEnter ? (
          <Link to="/court/cases/new">
            <Button type="primary">{pt('newComplaint')}</Button>
          </Link>
        ) : null
      }
    />
  );
  if (!data) {
    return (
      <>
        {heading}
        <Spin />
      </>
    );
  }
  const count = (kind: CourtDashboard['byState'][number]['kind']) =>
    data.byState.filter((s) => s.kind === kind).reduce((n, s) => n + s.count, 0);
  const tiles = [
    {
      key: 'delegation',
      title: pt('delegations'),
      value: count('delegation'),
      to: '/court/cases?kind=delegation',
    },
    {
      key: 'entrustment',
      title: pt('entrustments'),
      value: count('entrustment'),
      to: '/court/cases?kind=entrustment',
    },
    {
      key: 'confirmation',
      title: pt('confirmations'),
      value: count('confirmation'),
      to: '/court/cases?kind=confirmation',
    },
    {
      key: 'due',
      title: pt('dueSoon', { days: data.dueSoonDays }),
      value: data.dueSoon,
      to: '/court/cases?deadline=due-soon',
    },
    { key: 'overdue', title: pt('overdue'), value: data.overdue, to: '/court/cases?deadline=overdue' },
  ];
  return (
    <>
      {heading}
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
        {tiles.map((tile) => (
          <Col key={tile.key} xs={12} md={8} xl={{ flex: '20%' }}>
            <Card>
              <Statistic title={tile.title} value={tile.value} />
              <Link to={tile.to} aria-label={`${pt('viewList')} ${tile.title}`}>
                {pt('viewList')}
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{pt('byState')}</h2>}>
            {data.byState.length === 0 ? (
              <Empty description={pt('noCases')} />
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => `${r.kind}-${r.status}`}
                dataSource={data.byState}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    title: pt('kind'),
                    dataIndex: 'kind',
                    render: (kind: CourtDashboard['byState'][number]['kind']) => pt(kindKey(kind)),
                  },
                  {
                    title: pt('status'),
                    key: 'status',
                    render: (_: unknown, r) => (
                      <Link to={`/court/cases?kind=${r.kind}&status=${r.status}`}>
                        {stateLabel(r.kind, r.status, lang)}
                      </Link>
                    ),
                  },
                  { title: pt('totalCases'), dataIndex: 'count', align: 'right' },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{pt('byOrganization')}</h2>}>
            {data.byOrganization.length === 0 ? (
              <Empty description={pt('noCases')} />
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="organizationId"
                dataSource={data.byOrganization}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    title: pt('organization'),
                    key: 'organization',
                    render: (_: unknown, r) => (
                      <Link to={`/court/cases?organizationId=${encodeURIComponent(r.organizationId)}`}>
                        {r.organizationName}
                      </Link>
                    ),
                  },
                  { title: pt('openCases'), dataIndex: 'open', align: 'right' },
                  { title: pt('totalCases'), dataIndex: 'total', align: 'right' },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
