import { Alert, Button, Card, Descriptions, Form, Input, Result, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, verifyDocument } from '../api/client.ts';
import type {
  DocumentVerification,
  ReportVerification,
  VerifyResult,
  VerifySignature,
} from '../api/types.ts';
import { PageHeading } from '../components/page-title.tsx';
import { ToneTag } from '../components/status-tag.tsx';
import { labelOf, ROLE } from '../domain-labels.ts';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { looksLikeCode, useVerifyText } from './verify-text.ts';

/** The page's answer in one line: valid, or not. */
function Verdict({ valid }: { valid: boolean }) {
  const { t } = useI18n();
  return (
    <Result
      status={valid ? 'success' : 'error'}
      title={
        <h2 style={{ fontSize: 20, margin: 0 }} data-testid="verify-verdict">
          {valid ? t('verify.valid') : t('verify.invalid')}
        </h2>
      }
      style={{ padding: '16px 0' }}
    />
  );
}

function SealedTag({ valid }: { valid: boolean }) {
  const { t } = useI18n();
  return valid ? (
    <ToneTag tone="success">{t('verify.sigOk')}</ToneTag>
  ) : (
    <ToneTag tone="danger">{t('verify.sigBad')}</ToneTag>
  );
}

/** An issued loss report as the public may see it: no personal data, the three checks. */
function ReportResult({ report }: { report: ReportVerification }) {
  const { t } = useI18n();
  const { pt } = useVerifyText();
  return (
    <Descriptions bordered column={1} size="middle">
      <Descriptions.Item label={pt('kind')}>{pt('reportKind')}</Descriptions.Item>
      <Descriptions.Item label={t('case.number')}>{report.caseNumber}</Descriptions.Item>
      <Descriptions.Item label={pt('court')}>{report.courtName}</Descriptions.Item>
      <Descriptions.Item label={pt('reportOrganization')}>{report.organization}</Descriptions.Item>
      <Descriptions.Item label={pt('issuedAt')}>{formatDateTime(report.issuedAt)}</Descriptions.Item>
      <Descriptions.Item label={pt('investors')}>{report.investors}</Descriptions.Item>
      <Descriptions.Item label={pt('total')}>¥{report.totalAmount}</Descriptions.Item>
      <Descriptions.Item label={pt('checks')}>
        {pt('checkContent')} <SealedTag valid={report.checks.content} /> {pt('checkSignature')}{' '}
        <SealedTag valid={report.checks.signature} /> {pt('checkResults')}{' '}
        <SealedTag valid={report.checks.results} />
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.digest')}>
        <span className="mono">{report.digestSm3}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

type CourtDocument = Extract<DocumentVerification, { kind: 'court-document' }>['document'];

/** A document a court issued (民事调解书, 民事裁定书) as the public may see it: no personal data, the three checks. */
function CourtDocumentResult({ document }: { document: CourtDocument }) {
  const { t } = useI18n();
  const { pt } = useVerifyText();
  return (
    <Descriptions bordered column={1} size="middle">
      <Descriptions.Item label={pt('kind')}>
        {document.kind === 'confirmation-ruling' ? pt('rulingKind') : pt('mediationDocumentKind')}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.number')}>{document.caseNumber}</Descriptions.Item>
      <Descriptions.Item label={pt('issuingCourt')}>{document.courtName}</Descriptions.Item>
      <Descriptions.Item label={pt('issuedAt')}>{formatDateTime(document.issuedAt)}</Descriptions.Item>
      <Descriptions.Item label={pt('checks')}>
        {pt('checkContent')} <SealedTag valid={document.checks.content} /> {pt('checkCourtSignature')}{' '}
        <SealedTag valid={document.checks.signature} /> {pt('checkPdf')}{' '}
        <SealedTag valid={document.checks.pdf} />
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.digest')}>
        <span className="mono">{document.digestSm3}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

type Certificate = Extract<DocumentVerification, { kind: 'training-certificate' }>['certificate'];
type SessionRecord = Extract<DocumentVerification, { kind: 'session-record' }>['record'];

function SessionRecordResult({ record }: { record: SessionRecord }) {
  const { t } = useI18n();
  const { pt } = useVerifyText();
  return (
    <Descriptions bordered column={1} size="middle">
      <Descriptions.Item label={pt('kind')}>{pt('sessionRecordKind')}</Descriptions.Item>
      <Descriptions.Item label={t('case.number')}>{record.caseNumber ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={pt('sessionTime')}>
        {record.openedAt && record.endedAt
          ? `${formatDateTime(record.openedAt)} – ${formatDateTime(record.endedAt)}`
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={pt('signers')}>
        {record.signers.map((s) => (
          <div key={`${s.name}-${s.signedAt}`}>
            {s.name} {formatDateTime(s.signedAt)} <SealedTag valid={s.valid} />
          </div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={pt('sealedAt')}>{formatDateTime(record.sealedAt)}</Descriptions.Item>
      <Descriptions.Item label={pt('checks')}>
        {pt('checkContent')} <SealedTag valid={record.checks.content} /> {pt('checkSignatures')}{' '}
        <SealedTag valid={record.checks.signatures} /> {pt('checkSeal')}{' '}
        <SealedTag valid={record.checks.seal} /> {pt('checkPdf')} <SealedTag valid={record.checks.pdf} />
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.digest')}>
        <span className="mono">{record.digestSm3}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** A training certificate as the public may see it: the trainee's name masked, the checks. */
function CertificateResult({ certificate }: { certificate: Certificate }) {
  const { t } = useI18n();
  const { pt } = useVerifyText();
  return (
    <Descriptions bordered column={1} size="middle">
      <Descriptions.Item label={pt('kind')}>{pt('certificateKind')}</Descriptions.Item>
      <Descriptions.Item label={pt('trainee')}>{certificate.traineeName}</Descriptions.Item>
      <Descriptions.Item label={pt('course')}>{certificate.courseTitle}</Descriptions.Item>
      <Descriptions.Item label={pt('organizers')}>{certificate.organizers.join('、')}</Descriptions.Item>
      <Descriptions.Item label={pt('hours')}>{certificate.hours}</Descriptions.Item>
      <Descriptions.Item label={pt('creditedOn')}>{certificate.creditedOn}</Descriptions.Item>
      <Descriptions.Item label={pt('issuedAt')}>{formatDateTime(certificate.issuedAt)}</Descriptions.Item>
      <Descriptions.Item label={pt('checks')}>
        {pt('checkContent')} <SealedTag valid={certificate.checks.content} /> {pt('checkSignature')}{' '}
        <SealedTag valid={certificate.checks.signature} /> {pt('checkPdf')}{' '}
        {certificate.checks.pdf === null ? pt('pdfNotYet') : <SealedTag valid={certificate.checks.pdf} />}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.digest')}>
        <span className="mono">{certificate.digestSm3}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * Public: anyone holding an agreement or a loss report (mediation platform), or a court's 调解书 or 裁定书 (court
 * platform), can check its verification code without signing in.
 */
export default function VerifyPage() {
  const { code } = useParams();
  const { t, lang } = useI18n();
  const { pt } = useVerifyText();
  const navigate = useNavigate();
  const [verified, setVerified] = useState<DocumentVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const result: VerifyResult | null = verified?.kind === 'agreement' ? verified.agreement : null;

  useEffect(() => {
    setVerified(null);
    setError(null);
    if (!code) return;
    form.setFieldsValue({ code });
    setLoading(true);
    verifyDocument(code)
      .then(setVerified)
      .catch((cause: unknown) => setError(cause instanceof ApiError ? cause.message : t('error.generic')))
      .finally(() => setLoading(false));
  }, [code, form, t]);

  return (
    <>
      <PageHeading title={t('verify.title')} sub={pt('intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          name="verify"
          onFinish={(values) => navigate(`/verify/${encodeURIComponent(values.code.trim())}`)}
        >
          <Form.Item
            label={t('verify.code')}
            name="code"
            rules={[
              { required: true, whitespace: true, message: t('verify.codeRequired') },
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || looksLikeCode(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(pt('codeMalformed'))),
              },
            ]}
          >
            <Input
              style={{ width: 280, maxWidth: '100%' }}
              autoComplete="off"
              className="mono"
              maxLength={40}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('verify.submit')}
          </Button>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      {verified?.kind === 'court-document' ? (
        <Card>
          <Verdict valid={verified.document.valid} />
          <CourtDocumentResult document={verified.document} />
        </Card>
      ) : null}
      {verified?.kind === 'training-certificate' ? (
        <Card>
          <Verdict valid={verified.certificate.valid} />
          <CertificateResult certificate={verified.certificate} />
        </Card>
      ) : null}
      {verified?.kind === 'session-record' ? (
        <Card>
          <Verdict valid={verified.record.valid} />
          <SessionRecordResult record={verified.record} />
        </Card>
      ) : null}
      {verified?.kind === 'loss-report' ? (
        <Card>
          <Verdict valid={verified.report.valid} />
          <ReportResult report={verified.report} />
        </Card>
      ) : null}
      {result ? (
        <Card>
          <Verdict valid={result.valid} />
          <Descriptions bordered column={1} size="middle" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={pt('kind')}>{pt('agreementKind')}</Descriptions.Item>
            <Descriptions.Item label={t('case.number')}>{result.caseNumber}</Descriptions.Item>
            <Descriptions.Item label={t('verify.organization')}>{result.organizationName}</Descriptions.Item>
            <Descriptions.Item label={t('verify.effectiveAt')}>
              {formatDateTime(result.effectiveAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('agreement.digest')}>
              <span className="mono">{result.digestSm3}</span>
            </Descriptions.Item>
            {result.seal ? (
              <Descriptions.Item label={t('verify.seal')}>
                {result.seal.valid ? (
                  <ToneTag tone="success">{t('verify.sigOk')}</ToneTag>
                ) : (
                  <ToneTag tone="danger">{t('verify.sigBad')}</ToneTag>
                )}{' '}
                {formatDateTime(result.seal.sealedAt)} · {result.seal.algorithm} ·{' '}
                <span className="mono">{result.seal.keyId}</span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <h3 style={{ fontSize: 16 }}>{t('agreement.signatures')}</h3>
          <Table<VerifySignature>
            rowKey={(row) => `${row.role}-${row.name}-${row.signedAt}`}
            size="small"
            pagination={false}
            dataSource={result.signatures}
            caption={<span className="visually-hidden">{t('agreement.signatures')}</span>}
            columns={[
              { title: t('agreement.party'), key: 'role', render: (_, row) => labelOf(ROLE, row.role, lang) },
              { title: t('verify.signer'), dataIndex: 'name', key: 'name' },
              { title: t('agreement.signedAt'), key: 'at', render: (_, row) => formatDateTime(row.signedAt) },
              {
                title: t('verify.signatureValid'),
                key: 'valid',
                render: (_, row) =>
                  row.valid ? (
                    <ToneTag tone="success">{t('verify.sigOk')}</ToneTag>
                  ) : (
                    <ToneTag tone="danger">{t('verify.sigBad')}</ToneTag>
                  ),
              },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
