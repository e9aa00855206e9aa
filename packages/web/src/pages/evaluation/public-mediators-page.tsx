import { Card, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { getMediatorDisclosure, type MediatorDisclosure } from '../../api/evaluation.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { currentYear, YearSelect } from '../../components/year-select.tsx';
import { useEvaluationText } from './evaluation-text.ts';

type Item = MediatorDisclosure['items'][number];

/** Public (no sign-in): the mediator roster with each mediator's yearly figures, none under the threshold. */
export default function PublicMediatorsPage() {
  const { pt } = useEvaluationText();
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<MediatorDisclosure | null>(null);
  useEffect(() => {
    setData(null);
    getMediatorDisclosure(year)
      .then(setData)
      .catch(() => {});
  }, [year]);
  const threshold = data?.threshold ?? 10;
  const cell = (n: number | null) => (n === null ? `<${threshold}` : String(n));
  return (
    <>
      <PageHeading title={pt('publicTitle')} sub={pt('publicIntro', { threshold })} />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <YearSelect id="disclosure-year" label={pt('year')} value={year} onChange={setYear} />
        </Space>
        <ScrollRegion label={pt('publicTitle')}>
          <Table<Item>
            rowKey="id"
            loading={data === null}
            dataSource={data?.items ?? []}
            caption={<span className="visually-hidden">{pt('publicTitle')}</span>}
            columns={[
              { title: pt('name'), dataIndex: 'displayName', key: 'name' },
              { title: pt('organization'), dataIndex: 'organizationName', key: 'org' },
              { title: pt('workstation'), key: 'ws', render: (_, m) => m.workstation ?? '—' },
              {
                title: pt('specialties'),
                key: 'specialties',
                render: (_, m) =>
                  m.specialties.map((s) => (
                    <Tag key={s} style={{ color: '#1f2937' }}>
                      {s}
                    </Tag>
                  )),
              },
              { title: pt('mediated'), key: 'mediated', render: (_, m) => cell(m.mediated) },
              { title: pt('settledCount'), key: 'settled', render: (_, m) => cell(m.settled) },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
