import { Button, Form, Input, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeading } from '../../components/page-title.tsx';
import { ToneTag } from '../../components/status-tag.tsx';
import { formatDateTime, formatFen } from '../../format.ts';
import { hasPermission, useMe } from '../../session.tsx';
import {
  type CourtCaseList,
  type CourtCaseQuery,
  type CourtCaseSummary,
  listCourtCases,
} from './court-api.ts';
import { deadlineLabel, stateTone, stateLabel, stateOptions } from './court-labels.ts';
import { kindKey, useCourtText } from './court-text.ts';

const PAGE_SIZE = 20;

function queryOf(params: URLSearchParams): CourtCaseQuery {
  return {
    kind: (params.get('kind') as CourtCaseQuery['kind']) ?? undefined,
    status: params.get('status') ?? undefined,
    organizationId: params.get('organizationId') ?? undefined,
    deadline: (params.get('deadline') as CourtCaseQuery['deadline']) ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: PAGE_SIZE,
  };
}

/**
 * The court's delegated, entrusted and judicial confirmation cases, filtered by the query string (so dashboard links
 * land filtered). A confirmation's `plaintiffs` are its applicants; it has no defendants.
 */
export default function CourtCaseListPage() {
  const { pt, lang } = useCourtText();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<CourtCaseList | null>(null);
  const key = params.toString();
  const query = queryOf(params);
  useEffect(() => {
    setData(null);
    void listCourtCases(queryOf(new URLSearchParams(key))).then(setData);
  }, [key]);
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    if (name === 'kind') next.delete('status');
    setParams(next);
  };
  const kind = query.kind;
  const statusOptions = kind
    ? stateOptions(kind, lang)
    : [
        ...stateOptions('delegation', lang),
        ...stateOptions('entrustment', lang),
        ...stateOptions('confirmation', lang),
      ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  const confirmations = kind === 'confirmation';
  return (
    <>
      <PageHeading
        title={pt('cases')}
        extra={
          hasPermission(me, 'court.delegate') ? (
            <Link to="/court/cases/new">
              <Button type="primary">{pt('newComplaint')}</Button>
            </Link>
          ) : null
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={pt('kind')} htmlFor="court-kind">
          <Select
            id="court-kind"
            style={{ minWidth: 140 }}
            value={kind ?? ''}
            onChange={(v) => set('kind', v || undefined)}
            options={[
              { value: '', label: pt('all') },
              { value: 'delegation', label: pt('delegations') },
              { value: 'entrustment', label: pt('entrustments') },
              { value: 'confirmation', label: pt('confirmations') },
            ]}
          />
        </Form.Item>
        <Form.Item label={pt('status')} htmlFor="court-status">
          <Select
            id="court-status"
            style={{ minWidth: 180 }}
            value={query.status ?? ''}
            onChange={(v) => set('status', v || undefined)}
            options={[{ value: '', label: pt('all') }, ...statusOptions]}
          />
        </Form.Item>
        <Form.Item label={pt('deadlineFilter')} htmlFor="court-deadline">
          <Select
            id="court-deadline"
            style={{ minWidth: 140 }}
            value={query.deadline ?? ''}
            onChange={(v) => set('deadline', v || undefined)}
            options={[
              { value: '', label: pt('all') },
              { value: 'due-soon', label: pt('dueSoon', { days: 3 }) },
              { value: 'overdue', label: pt('overdue') },
            ]}
          />
        </Form.Item>
        <Form.Item label={pt('search')} htmlFor="court-q">
          <Input.Search
            id="court-q"
            allowClear
            defaultValue={query.q}
            placeholder={pt('searchPlaceholder')}
            onSearch={(v) => set('q', v.trim() || undefined)}
          />
        </Form.Item>
      </Form>
      <Table
        loading={!data}
        rowKey="id"
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        caption={<span className="visually-hidden">{pt('caption')}</span>}
        pagination={{
          current: query.page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => set('page', String(page)),
        }}
        columns={[
          {
            title: pt('number'),
            key: 'number',
            render: (_: unknown, r) => (
              <Link to={`/court/cases/${r.id}`}>
                {r.filingNumber ??
                  r.preFilingNumber ??
                  (r.kind === 'confirmation' ? pt('unnumberedApplication') : pt('open'))}
              </Link>
            ),
          },
          {
            title: pt('kind'),
            dataIndex: 'kind',
            render: (k: CourtCaseSummary['kind']) => pt(kindKey(k)),
          },
          {
            title: pt('status'),
            key: 'status',
            render: (_: unknown, r) => (
              <ToneTag tone={stateTone(r.status, r.closed, r.kind)}>
                {stateLabel(r.kind, r.status, lang)}
              </ToneTag>
            ),
          },
          {
            title: confirmations ? pt('applicants') : kind ? pt('plaintiffs') : pt('plaintiffsOrApplicants'),
            dataIndex: 'plaintiffs',
            render: (v: string) => v || '—',
          },
          ...(confirmations
            ? []
            : [{ title: pt('defendants'), dataIndex: 'defendants', render: (v: string) => v || '—' }]),
          {
            title: pt('organization'),
            dataIndex: 'organizationName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: confirmations ? pt('agreementAmount') : pt('amount'),
            dataIndex: 'claimAmountFen',
            align: 'right',
            render: (v: number) => formatFen(v),
          },
          {
            title: pt('deadline'),
            key: 'deadline',
            render: (_: unknown, r) =>
              r.nextDeadline ? (
                <Space size={4} wrap>
                  <span>
                    {deadlineLabel(r.nextDeadline.kind, lang)} {r.nextDeadline.dueDate}
                  </span>
                  {r.nextDeadline.overdue ? <ToneTag tone="danger">{pt('overdueTag')}</ToneTag> : null}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: pt('updated'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </>
  );
}
