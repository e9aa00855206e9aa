import { Button, Checkbox, Drawer, Form, Input, Table } from 'antd';
import { useEffect, useState } from 'react';
import { getResult, listResults } from '../../api/loss.ts';
import type { LossResult } from '../../api/loss-types.ts';
import { ExplanationView } from './explanation-view.tsx';
import { reasonLabel, useLossText } from './loss-text.ts';

/** Paginated results, searchable by investor id, with each explanation in a drawer. */
export function ResultsPanel({ assessmentId }: { assessmentId: string }) {
  const { lt, lang } = useLossText();
  const [investorId, setInvestorId] = useState('');
  const [withLoss, setWithLoss] = useState(false);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: LossResult[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [open, setOpen] = useState<LossResult | null>(null);

  useEffect(() => {
    setLoading(true);
    listResults(assessmentId, { investorId, withLoss: withLoss || undefined, page, pageSize: 20 })
      .then(setData)
      .catch(() => {})
      .finally(() => setLoading(false));
  }, [assessmentId, investorId, withLoss, page]);

  const explain = async (r: LossResult) => {
    const full = await getResult(assessmentId, r.investorId).catch(() => null);
    if (full) setOpen(full);
  };

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={lt('searchInvestor')} htmlFor="loss-investor-search">
          <Input.Search
            id="loss-investor-search"
            allowClear
            onSearch={(v) => {
              setInvestorId(v.trim());
              setPage(1);
            }}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={withLoss} onChange={(e) => setWithLoss(e.target.checked)}>
            {lt('onlyWithLoss')}
          </Checkbox>
        </Form.Item>
      </Form>
      <Table<LossResult>
        rowKey="investorId"
        loading={loading}
        dataSource={data.items}
        locale={{ emptyText: lt('noResults') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        scroll={{ x: true }}
        columns={[
          { title: lt('investorId'), dataIndex: 'investorId' },
          { title: lt('name'), dataIndex: 'name' },
          { title: 'N', key: 'N', render: (_: unknown, r) => r.row.N },
          { title: 'C', key: 'C', render: (_: unknown, r) => r.row.C },
          { title: 'L', key: 'L', render: (_: unknown, r) => r.row.L },
          { title: lt('total'), key: 'total', render: (_: unknown, r) => r.row.total },
          { title: lt('reason'), dataIndex: 'reason', render: (code: string) => reasonLabel(lt, code) },
          {
            title: lt('explain'),
            key: 'explain',
            render: (_: unknown, r) => (
              <Button
                size="small"
                onClick={() => void explain(r)}
                aria-label={`${lt('explain')} ${r.investorId}`}
              >
                {lt('explain')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        width={Math.min(880, window.innerWidth - 24)}
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? lt('explanation', { id: open.investorId }) : ''}
        closable={{ 'aria-label': lang === 'en' ? 'Close' : '关闭' }}
      >
        {open ? <ExplanationView result={open} /> : null}
      </Drawer>
    </>
  );
}
