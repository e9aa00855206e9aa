import { Card, Collapse, Descriptions, Empty, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { listMyLossResults } from '../../api/loss.ts';
import type { MyLossResult } from '../../api/loss-types.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { formatDateTime } from '../../format.ts';
import { ExplanationView } from './explanation-view.tsx';
import { useLossText } from './loss-text.ts';

/** 我的损失核定结果: the investor's own results only (matched by ID number on the server). */
export default function MyLossResultsPage() {
  const { lt } = useLossText();
  const [items, setItems] = useState<MyLossResult[] | null>(null);

  useEffect(() => {
    listMyLossResults()
      .then(setItems)
      .catch(() => setItems([]));
  }, []);

  return (
    <>
      <PageHeading title={lt('myTitle')} sub={lt('myHint')} />
      {items === null ? (
        <Spin />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={lt('myEmpty')} />
        </Card>
      ) : (
        items.map((r) => (
          <Card
            key={`${r.assessmentId}-${r.investorId}`}
            style={{ marginBottom: 16 }}
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{r.caseNumber}</h2>}
          >
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={lt('court')}>{r.courtName}</Descriptions.Item>
              <Descriptions.Item label={lt('issuedAt')}>{formatDateTime(r.issuedAt)}</Descriptions.Item>
              <Descriptions.Item label={lt('total')}>
                <Typography.Text strong>¥{r.row.total}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={lt('verificationCode')}>{r.verificationCode}</Descriptions.Item>
            </Descriptions>
            <Collapse
              defaultActiveKey={['e']}
              items={[{ key: 'e', label: lt('explain'), children: <ExplanationView result={r} plain /> }]}
            />
          </Card>
        ))
      )}
    </>
  );
}
