import { Alert, Col, Descriptions, Empty, Row, Spin, Table, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../components/page-title.tsx';
import { ToneTag } from '../../components/status-tag.tsx';
import { formatDateTime, formatFen } from '../../format.ts';
import { ConfirmationFacts, ConfirmationSections } from './confirmation-section.tsx';
import { CourtActions } from './court-actions.tsx';
import { type CourtCaseDetail, getCourtCase } from './court-api.ts';
import {
  deadlineLabel,
  eventLabel,
  procedureLabel,
  resultLabel,
  stateTone,
  stateLabel,
} from './court-labels.ts';
import { Section } from './court-section.tsx';
import { kindKey, useCourtText } from './court-text.ts';
import { MessageHistory } from './message-history.tsx';

/** One court case: what it is, its deadline, what the user may do now, its documents, timeline and link messages. */
export default function CourtCasePage() {
  const { id = '' } = useParams();
  const { pt, lang } = useCourtText();
  const [detail, setDetail] = useState<CourtCaseDetail | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setDetail(null);
    setMissing(false);
    getCourtCase(id).then(setDetail, () => setMissing(true));
  }, [id]);

  if (missing) {
    return (
      <>
        <PageHeading title={pt('cases')} />
        <Alert type="warning" showIcon message={pt('notFound')} />
        <p>
          <Link to="/court/cases">{pt('back')}</Link>
        </p>
      </>
    );
  }
  if (!detail) return <Spin />;
  const confirmation = detail.kind === 'confirmation' ? detail.confirmation : null;
  const kindLabel = pt(kindKey(detail.kind));
  const number = detail.filingNumber ?? detail.preFilingNumber;
  const roleLabel = {
    plaintiff: pt('plaintiff'),
    defendant: pt('defendant'),
    'third-party': pt('thirdParty'),
    applicant: pt('applicant'),
  };
  const report = detail.closingReport;
  // A confirmation's court document is its 民事裁定书; a referral's, the 民事调解书.
  const documentName = detail.kind === 'confirmation' ? pt('rulingDocument') : pt('mediationDocument');
  const partiesTitle = confirmation ? pt('applicants') : pt('parties');
  return (
    <>
      <PageHeading
        title={number ? `${kindLabel} ${number}` : confirmation ? pt('application') : kindLabel}
        sub={
          <span>
            <ToneTag tone={stateTone(detail.status, detail.closed, detail.kind)}>
              {stateLabel(detail.kind, detail.status, lang)}
            </ToneTag>
            {pt('version', { n: detail.version })}
          </span>
        }
        extra={<Link to="/court/cases">{pt('back')}</Link>}
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Section title={pt('actions')}>
            <CourtActions detail={detail} onChange={setDetail} />
            {detail.nextDeadline ? (
              <Alert
                style={{ marginTop: 12 }}
                type={detail.nextDeadline.overdue ? 'error' : 'info'}
                showIcon
                message={`${deadlineLabel(detail.nextDeadline.kind, lang)}：${detail.nextDeadline.dueDate}${
                  detail.nextDeadline.overdue ? `（${pt('overdueTag')}）` : ''
                }`}
              />
            ) : null}
          </Section>
          {confirmation ? (
            <ConfirmationFacts detail={detail} confirmation={confirmation} />
          ) : (
            <Section title={pt('caseFacts')}>
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={pt('preFiling')}>{detail.preFilingNumber ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={pt('filing')}>{detail.filingNumber ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={pt('amount')}>{formatFen(detail.claimAmountFen)}</Descriptions.Item>
                {detail.kind === 'entrustment' ? (
                  <Descriptions.Item label={pt('procedure')}>
                    {procedureLabel(detail.procedure, lang)}
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={pt('organization')}>
                  {detail.organizationName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={pt('mediator')}>{detail.mediatorName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={pt('orgCaseNumber')}>
                  {detail.organizationCaseNumber ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={pt('extension')}>
                  {pt('days', { n: detail.extensionDays })}
                  {detail.kind === 'entrustment' && detail.daysExcludedFromTrialPeriod > 0
                    ? `（${pt('excluded')}：${pt('days', { n: detail.daysExcludedFromTrialPeriod })}）`
                    : ''}
                </Descriptions.Item>
                <Descriptions.Item label={pt('consent')} span={2}>
                  {detail.consentNote
                    ? `${detail.consentNote}（${formatDateTime(detail.consentRecordedAt)}）`
                    : '—'}
                </Descriptions.Item>
                {detail.outcomeNote ? (
                  <Descriptions.Item label={pt('outcomeNote')} span={2}>
                    {detail.outcomeNote}
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={pt('claims')} span={2}>
                  <span className="pre-wrap">{detail.claims}</span>
                </Descriptions.Item>
                <Descriptions.Item label={pt('facts')} span={2}>
                  <span className="pre-wrap">{detail.facts}</span>
                </Descriptions.Item>
                {detail.undisputedFacts ? (
                  <Descriptions.Item label={pt('undisputed')} span={2}>
                    <span className="pre-wrap">{detail.undisputedFacts}</span>
                  </Descriptions.Item>
                ) : null}
                {detail.origin ? (
                  <Descriptions.Item label={pt('origin')}>
                    <Link to={`/court/cases/${detail.origin.id}`}>{pt('open')}</Link>
                  </Descriptions.Item>
                ) : null}
                {detail.continuation ? (
                  <Descriptions.Item label={pt('continuation')}>
                    <Link to={`/court/cases/${detail.continuation.id}`}>{pt('open')}</Link>
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Section>
          )}
          <Section title={partiesTitle}>
            <Table
              size="small"
              pagination={false}
              rowKey={(p) => `${p.role}-${p.name}-${p.idNumberMasked}`}
              dataSource={detail.parties}
              caption={<span className="visually-hidden">{partiesTitle}</span>}
              columns={[
                { title: pt('role'), dataIndex: 'role', render: (r: keyof typeof roleLabel) => roleLabel[r] },
                { title: pt('name'), dataIndex: 'name' },
                { title: pt('idNumber'), dataIndex: 'idNumberMasked' },
                { title: pt('phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Section>
          {confirmation ? <ConfirmationSections detail={detail} confirmation={confirmation} /> : null}
          {report ? (
            <Section title={pt('closingReport')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={pt('result')}>{resultLabel(report.result, lang)}</Descriptions.Item>
                <Descriptions.Item label={pt('reasonCode')}>{report.reasonCode ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={pt('updated')}>{formatDateTime(report.closedAt)}</Descriptions.Item>
                {report.agreement ? (
                  <>
                    <Descriptions.Item label={pt('agreement')}>
                      <span className="pre-wrap">{report.agreement.terms}</span>（
                      {formatFen(report.agreement.amountFen)}）
                    </Descriptions.Item>
                    <Descriptions.Item label={pt('agreementCode')}>
                      {report.agreement.verificationCode}
                    </Descriptions.Item>
                  </>
                ) : null}
              </Descriptions>
            </Section>
          ) : null}
          {detail.documents.length > 0 ? (
            <Section title={pt('documents')}>
              <ul className="prose-list" style={{ paddingLeft: 20, margin: 0 }}>
                {detail.documents.map((d) => (
                  <li key={d.id}>
                    {documentName} {d.caseNumber} · {formatDateTime(d.issuedAt)} · {pt('verificationCode')}{' '}
                    {d.verificationCode} · <a href={d.pdfUrl}>{pt('download')}</a> ·{' '}
                    <a href={`/api/court/verify/${encodeURIComponent(d.verificationCode)}`}>{pt('verify')}</a>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </Col>
        <Col xs={24} lg={9}>
          <Section title={pt('timeline')}>
            {detail.timeline.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={detail.timeline.map((e, i) => ({
                  key: `${e.at}-${i}`,
                  title: formatDateTime(e.at),
                  content: (
                    <div>
                      <strong>{eventLabel(detail.kind, e.event, lang)}</strong>
                      <span> → {stateLabel(detail.kind, e.toStatus, lang)}</span>
                      <div>{e.actorName}</div>
                      {e.note ? <div className="pre-wrap">{e.note}</div> : null}
                    </div>
                  ),
                }))}
              />
            )}
          </Section>
          <Section title={pt('messages')}>
            <MessageHistory key={detail.version} caseRef={detail.linkRef} />
          </Section>
        </Col>
      </Row>
    </>
  );
}
