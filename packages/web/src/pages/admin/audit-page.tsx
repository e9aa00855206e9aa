import { Alert, Button, Card, Form, Input, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  type AuditQuery,
  type AuditRecord,
  type ChainVerdict,
  listAudit,
  verifyAudit,
} from '../../api/admin.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ToneTag } from '../../components/status-tag.tsx';
import { formatDateTime } from '../../format.ts';
import { useAdminText } from './admin-text.ts';

const PAGE = 50;
const OUTCOME_TONE = { success: 'success', failure: 'warning', denied: 'danger' } as const;

/** The audit administrator's view of the hash-chained trail, with an integrity check. */
export default function AuditPage() {
  const { pt } = useAdminText();
  const [filters, setFilters] = useState<AuditQuery>({});
  const [beforeSeq, setBeforeSeq] = useState<number | undefined>();
  const [items, setItems] = useState<AuditRecord[]>([]);
  const [loading, setLoading] = useState(true);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    listAudit({ ...filters, beforeSeq, limit: PAGE })
      .then((r) => setItems(r.items))
      .catch(() => {})
      .finally(() => setLoading(false));
  }, [filters, beforeSeq]);
  useEffect(load, [load]);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerdict(await verifyAudit());
    } catch {
      setVerdict(null);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageHeading
        title={pt('auditTitle')}
        sub={pt('auditSub')}
        extra={
          <Button type="primary" onClick={verify} loading={verifying}>
            {pt('verify')}
          </Button>
        }
      />
      {verdict ? (
        <Alert
          role="status"
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          style={{ marginBottom: 16 }}
          title={
            verdict.ok
              ? pt('verifyOk', { n: verdict.records, hash: (verdict.rootHash ?? '').slice(0, 16) })
              : pt('verifyBroken', { seq: verdict.brokenSeq ?? '?', reason: verdict.reason ?? '' })
          }
        />
      ) : null}
      <Card>
        <Form
          layout="inline"
          onFinish={(v: { action?: string; targetId?: string }) => {
            setBeforeSeq(undefined);
            setFilters({ action: v.action?.trim() || undefined, targetId: v.targetId?.trim() || undefined });
          }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="action" label={pt('filterAction')}>
            <Input allowClear placeholder="auth.sign-in" />
          </Form.Item>
          <Form.Item name="targetId" label={pt('filterTarget')}>
            <Input allowClear />
          </Form.Item>
          <Button htmlType="submit">{pt('search')}</Button>
        </Form>
        <Table<AuditRecord>
          rowKey="seq"
          size="small"
          loading={loading}
          dataSource={items}
          pagination={false}
          columns={[
            { title: pt('seq'), dataIndex: 'seq', width: 80 },
            { title: pt('at'), render: (_, r) => formatDateTime(r.at), width: 170 },
            {
              title: pt('actor'),
              render: (_, r) => [r.actorRole, r.actorUserId?.slice(0, 8)].filter(Boolean).join(' · '),
            },
            { title: pt('action'), dataIndex: 'action' },
            { title: pt('target'), render: (_, r) => [r.targetType, r.targetId].filter(Boolean).join(': ') },
            {
              title: pt('outcome'),
              render: (_, r) => (
                <ToneTag tone={OUTCOME_TONE[r.outcome]}>{pt(`outcome.${r.outcome}`)}</ToneTag>
              ),
            },
            { title: pt('hash'), render: (_, r) => <code>{r.hash.slice(0, 12)}</code> },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button disabled={beforeSeq === undefined} onClick={() => setBeforeSeq(undefined)}>
            {pt('newestPage')}
          </Button>
          <Button disabled={items.length < PAGE} onClick={() => setBeforeSeq(items.at(-1)?.seq)}>
            {pt('olderPage')}
          </Button>
        </Space>
      </Card>
    </>
  );
}
