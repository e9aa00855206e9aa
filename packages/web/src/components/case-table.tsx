import { Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { listCases } from '../api/client.ts';
import type { CaseSummary } from '../api/types.ts';
import { formatDateTime, formatFen } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { DeadlineText } from './deadline-text.tsx';
import { StatusTag } from './status-tag.tsx';

interface CaseTableProps {
  status?: string;
  pageSize?: number;
  /** Accessible caption of the table. */
  caption: string;
}

export function CaseTable({ status, pageSize = 10, caption }: CaseTableProps) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(pageSize);
  const [data, setData] = useState<{ items: CaseSummary[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new status filter starts from page 1
  useEffect(() => setPage(1), [status]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    listCases({ status, page, pageSize: size }, controller.signal)
      .then((result) => setData(result))
      .catch(() => {})
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [status, page, size]);

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('case.number'),
      dataIndex: 'caseNumber',
      key: 'caseNumber',
      render: (_, row) => (
        <>
          <Link to={`/cases/${row.id}`}>{row.caseNumber || t('case.noNumber')}</Link>
          {row.court ? (
            <Tag color="geekblue" style={{ marginInlineStart: 8 }} title={row.court.caseNumber ?? undefined}>
              {t(row.source === 'entrusted' ? 'referral.entrusted' : 'referral.delegated')} · {row.court.name}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('case.status'),
      dataIndex: 'status',
      key: 'status',
      render: (value: string) => <StatusTag status={value} />,
    },
    { title: t('case.respondent'), dataIndex: 'respondentName', key: 'respondent' },
    { title: t('case.applicant'), dataIndex: 'applicantName', key: 'applicant' },
    {
      title: t('case.amount'),
      dataIndex: 'claimAmountFen',
      key: 'amount',
      align: 'right',
      render: (value: number) => formatFen(value),
    },
    {
      title: t('case.nextDeadline'),
      dataIndex: 'nextDeadline',
      key: 'deadline',
      render: (_, row) => <DeadlineText deadline={row.nextDeadline} />,
    },
    {
      title: t('case.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (value: string) => formatDateTime(value),
    },
  ];

  return (
    <Table<CaseSummary>
      key={lang}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data.items}
      loading={loading}
      scroll={{ x: 900 }}
      caption={<span className="visually-hidden">{caption}</span>}
      locale={{ emptyText: <span style={{ color: 'rgba(0,0,0,0.65)' }}>{t('case.empty')}</span> }}
      pagination={{
        current: page,
        pageSize: size,
        total: data.total,
        showSizeChanger: true,
        showTotal: (total) => t('table.total', { total }),
        onChange: (nextPage, nextSize) => {
          setPage(nextSize !== size ? 1 : nextPage);
          setSize(nextSize);
        },
      }}
    />
  );
}
