import { Descriptions, Empty, Table } from 'antd';
import { Link } from 'react-router-dom';
import { agreementPdfUrl } from '../api/client.ts';
import type { AgreementPayment, AgreementSignature, CaseDetail } from '../api/types.ts';
import { labelOf, ROLE } from '../domain-labels.ts';
import { formatDateTime, formatFen } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { ToneTag } from './status-tag.tsx';

export function AgreementPanel({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const agreement = detail.agreement;
  if (!agreement) return <Empty description={t('agreement.none')} />;
  const effective = agreement.status ? agreement.status === 'effective' : Boolean(agreement.sealedAt);
  const payments = agreement.payments ?? [];

  return (
    <>
      <Descriptions bordered column={1} size="middle" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('agreement.amount')}>{formatFen(agreement.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('agreement.paymentTerms')}>
          <div className="pre-wrap">{agreement.paymentTerms}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.dueDate')}>{agreement.dueDate}</Descriptions.Item>
        {agreement.status ? (
          <Descriptions.Item label={t('agreement.status')}>
            <span data-testid="agreement-status">{t(`agreement.status.${agreement.status}`)}</span>
          </Descriptions.Item>
        ) : null}
        {agreement.text ? (
          <Descriptions.Item label={t('agreement.text')}>
            <div className="pre-wrap">{agreement.text}</div>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('agreement.digest')}>
          <span className="mono">{agreement.digestSm3}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('agreement.sealedAt')}>
          {agreement.sealedAt ? formatDateTime(agreement.sealedAt) : t('agreement.notSealed')}
        </Descriptions.Item>
        {agreement.verificationCode ? (
          <Descriptions.Item label={t('agreement.verificationCode')}>
            <Link to={`/verify/${encodeURIComponent(agreement.verificationCode)}`} className="mono">
              {agreement.verificationCode}
            </Link>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <h2 style={{ fontSize: 16 }}>{t('agreement.signatures')}</h2>
      <Table<AgreementSignature>
        rowKey={(row) => `${row.role}-${row.name ?? ''}`}
        size="small"
        pagination={false}
        dataSource={agreement.signatures}
        caption={<span className="visually-hidden">{t('agreement.signatures')}</span>}
        columns={[
          {
            title: t('agreement.party'),
            key: 'role',
            render: (_, row) => `${labelOf(ROLE, row.role, lang)}${row.name ? ` ${row.name}` : ''}`,
          },
          {
            title: t('agreement.signStatus'),
            key: 'status',
            render: (_, row) =>
              row.signedAt ? (
                <ToneTag tone="success">{t('agreement.signed')}</ToneTag>
              ) : (
                <ToneTag tone="warning">{t('agreement.unsigned')}</ToneTag>
              ),
          },
          {
            title: t('agreement.signedAt'),
            key: 'signedAt',
            render: (_, row) => (row.signedAt ? formatDateTime(row.signedAt) : '—'),
          },
        ]}
      />
      {payments.length > 0 || (agreement.paidFen ?? 0) > 0 ? (
        <>
          <h2 style={{ fontSize: 16, marginTop: 24 }}>
            {t('agreement.payments', {
              paid: formatFen(agreement.paidFen ?? 0),
              total: formatFen(agreement.amountFen),
            })}
          </h2>
          <Table<AgreementPayment>
            rowKey={(row) => `${row.recordedAt}-${row.amountFen}`}
            size="small"
            pagination={false}
            dataSource={payments}
            caption={<span className="visually-hidden">{t('agreement.paymentsCaption')}</span>}
            columns={[
              { title: t('event.field.paidAt'), dataIndex: 'paidAt', key: 'paidAt' },
              {
                title: t('event.field.paidAmount'),
                key: 'amount',
                align: 'right',
                render: (_, row) => formatFen(row.amountFen),
              },
              {
                title: t('event.field.proof'),
                key: 'proof',
                render: (_, row) =>
                  row.proofUploadId ? (
                    <a
                      href={`/api/uploads/${encodeURIComponent(row.proofUploadId)}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t('agreement.viewProof')}
                    </a>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('agreement.recordedAt'),
                key: 'recordedAt',
                render: (_, row) => formatDateTime(row.recordedAt),
              },
            ]}
          />
        </>
      ) : null}
      {effective ? (
        <p style={{ marginTop: 16 }}>
          <a href={agreementPdfUrl(detail.id)} target="_blank" rel="noreferrer" download>
            {t('agreement.download')}
          </a>
        </p>
      ) : null}
    </>
  );
}
