import { Card, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { getPublicStatistics, type PublicStatistics } from '../../api/statistics.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { currentYear, YearSelect } from '../../components/year-select.tsx';
import { usePortalText } from './portal-text.ts';

type Row = PublicStatistics['total'];

/** Public (no sign-in): a year's registered, accepted and settled cases, suppressed under the threshold. */
export default function PublicStatisticsPage() {
  const { pt } = usePortalText();
  const [year, setYear] = useState(currentYear());
  const [data, setData] = useState<PublicStatistics | null>(null);
  useEffect(() => {
    setData(null);
    getPublicStatistics(year)
      .then(setData)
      .catch(() => {});
  }, [year]);
  const threshold = data?.threshold ?? 10;
  const cell = (n: number | null) => (n === null ? `<${threshold}` : n.toLocaleString('zh-CN'));
  const columns = (first: string) => [
    { title: first, dataIndex: 'name', key: 'name' },
    { title: pt('registered'), key: 'registered', render: (_: unknown, r: Row) => cell(r.registered) },
    { title: pt('accepted'), key: 'accepted', render: (_: unknown, r: Row) => cell(r.accepted) },
    { title: pt('settled'), key: 'settled', render: (_: unknown, r: Row) => cell(r.settled) },
    {
      title: pt('successRate'),
      key: 'rate',
      render: (_: unknown, r: Row) => (r.successRate === null ? '—' : `${(r.successRate * 100).toFixed(1)}%`),
    },
  ];
  const withTotal = (rows: Row[]) =>
    data ? [...rows, { ...data.total, key: 'total', name: pt('total') }] : [];
  return (
    <>
      <PageHeading title={pt('statsTitle')} sub={pt('statsIntro', { threshold })} />
      <Card style={{ marginBottom: 16 }}>
        <Space style={{ marginBottom: 12 }}>
          <YearSelect id="public-stats-year" label={pt('year')} value={year} onChange={setYear} />
        </Space>
        <h2 style={{ fontSize: 18 }}>{pt('byOrganization')}</h2>
        <ScrollRegion label={pt('byOrganization')}>
          <Table<Row>
            rowKey="key"
            loading={data === null}
            dataSource={withTotal(data?.byOrganization ?? [])}
            pagination={false}
            caption={<span className="visually-hidden">{pt('byOrganization')}</span>}
            columns={columns(pt('organization'))}
          />
        </ScrollRegion>
        <h2 style={{ fontSize: 18, marginTop: 24 }}>{pt('byMonth')}</h2>
        <ScrollRegion label={pt('byMonth')}>
          <Table<Row>
            rowKey="key"
            loading={data === null}
            dataSource={withTotal(data?.byMonth ?? [])}
            pagination={false}
            caption={<span className="visually-hidden">{pt('byMonth')}</span>}
            columns={columns(pt('month'))}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
