import { Button, Card, Form, Input, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { listAssessments } from '../../api/loss.ts';
import type { LossAssessmentSummary, LossStatus } from '../../api/loss-types.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { formatDateTime } from '../../format.ts';
import { hasPermission, useMe } from '../../session.tsx';
import { LossStatusTag } from './loss-status-tag.tsx';
import { useLossText } from './loss-text.ts';

const STATUSES: LossStatus[] = ['draft', 'data_ready', 'calculating', 'calculated', 'issued'];

/** The analysts' list of court entrustments. */
export default function AssessmentListPage() {
  const { lt } = useLossText();
  const me = useMe();
  const navigate = useNavigate();
  const [status, setStatus] = useState<LossStatus | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: LossAssessmentSummary[]; total: number }>({
    items: [],
    total: 0,
  });
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    listAssessments({ status, q, page, pageSize: 20 })
      .then(setData)
      .catch(() => {})
      .finally(() => setLoading(false));
  }, [status, q, page]);

  return (
    <>
      <PageHeading
        title={lt('title')}
        extra={
          hasPermission(me, 'loss.assess') ? (
            <Button type="primary" onClick={() => navigate('/loss/new')}>
              {lt('newAssessment')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label={lt('filterStatus')} htmlFor="loss-status-filter">
            <Select
              id="loss-status-filter"
              allowClear
              style={{ width: 180 }}
              placeholder={lt('allStatuses')}
              value={status}
              onChange={(v: LossStatus | undefined) => {
                setStatus(v);
                setPage(1);
              }}
              options={STATUSES.map((s) => ({ value: s, label: lt(`status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item label={lt('searchCase')} htmlFor="loss-case-search">
            <Input.Search
              id="loss-case-search"
              allowClear
              onSearch={(v) => {
                setQ(v);
                setPage(1);
              }}
            />
          </Form.Item>
        </Form>
        <Table<LossAssessmentSummary>
          rowKey="id"
          loading={loading}
          dataSource={data.items}
          pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage }}
          columns={[
            {
              title: lt('caseNumber'),
              dataIndex: 'caseNumber',
              render: (v: string, r) => <Link to={`/loss/${r.id}`}>{v}</Link>,
            },
            { title: lt('court'), dataIndex: 'courtName' },
            { title: lt('entrustedOn'), dataIndex: 'entrustedOn' },
            {
              title: lt('status'),
              dataIndex: 'status',
              render: (s: LossStatus) => <LossStatusTag status={s} />,
            },
            { title: lt('updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
