import { Descriptions } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime, formatFen } from '../../format.ts';
import type { ConfirmationDetail, CourtCaseDetail } from './court-api.ts';
import { decisionLabel, groundLabel, routingBasisLabel, sideLabel } from './court-labels.ts';
import { Section } from './court-section.tsx';
import { useCourtText } from './court-text.ts';

type Props = { detail: CourtCaseDetail; confirmation: ConfirmationDetail };

/** An aside in parentheses, as each language writes it. */
const paren = (text: string, lang: 'zh' | 'en') => (lang === 'en' ? ` (${text})` : `（${text}）`);

/**
 * The 案件信息 of a judicial confirmation case (lifecycle D): its 民特 number, the application as received over the
 * link (from which organization and mediation, when the two sides applied, why this court), the judge and the
 * president's extension.
 */
export function ConfirmationFacts({ detail, confirmation: c }: Props) {
  const { pt, lang } = useCourtText();
  return (
    <Section title={pt('caseFacts')}>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label={pt('confirmationNumber')}>
          {detail.filingNumber ?? pt('notNumbered')}
        </Descriptions.Item>
        <Descriptions.Item label={pt('agreementAmount')}>
          {formatFen(c.agreement.amountFen)}
        </Descriptions.Item>
        <Descriptions.Item label={pt('organization')}>{detail.organizationName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={pt('mediationCase')}>{c.mediationCaseNumber}</Descriptions.Item>
        <Descriptions.Item label={pt('appliedAt')}>{formatDateTime(c.appliedAt)}</Descriptions.Item>
        <Descriptions.Item label={pt('jointAt')}>{formatDateTime(c.jointAt)}</Descriptions.Item>
        <Descriptions.Item label={pt('routing')}>{routingBasisLabel(c.routingBasis, lang)}</Descriptions.Item>
        <Descriptions.Item label={pt('referral')}>
          {c.referral ? (
            <Link to={`/court/cases/${encodeURIComponent(c.referral.caseRef)}`}>
              {c.referral.caseNumber ?? pt('open')}
            </Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={pt('routingReason')} span={2}>
          {c.routingReason}
        </Descriptions.Item>
        <Descriptions.Item label={pt('judge')}>{c.judgeName ?? pt('notAssigned')}</Descriptions.Item>
        <Descriptions.Item label={pt('extendedBy')}>{c.extendedBy ?? pt('notExtended')}</Descriptions.Item>
        <Descriptions.Item label={pt('applicationClaims')} span={2}>
          <span className="pre-wrap">{detail.claims}</span>
        </Descriptions.Item>
        {detail.outcomeNote ? (
          <Descriptions.Item label={pt('outcomeNote')} span={2}>
            <span className="pre-wrap">{detail.outcomeNote}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Section>
  );
}

/** Whether the last supplements asked for came in: pending, received (over the link), or never given. */
function supplementState(detail: CourtCaseDetail): 'pending' | 'received' | 'lapsed' {
  if (detail.status === 'awaiting_supplement') return 'pending';
  const events = detail.timeline.map((e) => e.event);
  return events.lastIndexOf('receive-supplement') > events.lastIndexOf('request-supplement')
    ? 'received'
    : 'lapsed';
}

const SUPPLEMENT_STATE = {
  pending: 'supplementPending',
  received: 'supplementReceived',
  lapsed: 'supplementLapsed',
} as const;

/**
 * The rest of the application and the review: each side's statement, the agreement applied for (with its PDF as
 * the link carried it), the supplements the judge asked for, and the ruling.
 */
export function ConfirmationSections({ detail, confirmation: c }: Props) {
  const { pt, lang } = useCourtText();
  const ruling = c.ruling;
  const ground = ruling ? groundLabel(ruling.decision, ruling.groundCode, lang) : null;
  return (
    <>
      <Section title={pt('statements')}>
        <ul style={{ paddingLeft: 20, margin: 0 }}>
          {c.statements.map((s) => (
            <li key={`${s.side}-${s.name}`} style={{ marginBottom: 8 }}>
              <div>
                <strong>{s.name}</strong>
                {paren(sideLabel(s.side, lang), lang)} · {pt('appliedAt')} {formatDateTime(s.appliedAt)}
              </div>
              <div className="pre-wrap">{s.statement}</div>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={pt('agreement')}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={pt('agreementAmount')}>
            {formatFen(c.agreement.amountFen)}
          </Descriptions.Item>
          <Descriptions.Item label={pt('agreementEffective')}>{c.agreement.effectiveDate}</Descriptions.Item>
          <Descriptions.Item label={pt('agreementCode')}>{c.agreement.verificationCode}</Descriptions.Item>
          <Descriptions.Item label={pt('agreementPdf')}>
            <a href={c.agreement.pdfUrl} style={{ textDecoration: 'underline' }}>
              {pt('viewPdf')}
            </a>
          </Descriptions.Item>
          <Descriptions.Item label={pt('agreementHash')} span={2}>
            <code style={{ wordBreak: 'break-all' }}>{c.agreement.sha256}</code>
          </Descriptions.Item>
          <Descriptions.Item label={pt('agreementTerms')} span={2}>
            <span className="pre-wrap">{c.agreement.terms}</span>
          </Descriptions.Item>
        </Descriptions>
      </Section>
      {c.supplement ? (
        <Section title={pt('supplement')}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={pt('supplementOf')}>
              {sideLabel(c.supplement.of, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={pt('supplementDue')}>
              {c.supplement.dueDate ?? pt('supplementNoDue')}
            </Descriptions.Item>
            <Descriptions.Item label={pt('status')}>
              {pt(SUPPLEMENT_STATE[supplementState(detail)])}
            </Descriptions.Item>
            <Descriptions.Item label={pt('supplementQuestions')} span={2}>
              <span className="pre-wrap">{c.supplement.questions}</span>
            </Descriptions.Item>
          </Descriptions>
        </Section>
      ) : null}
      {ruling ? (
        <Section title={pt('ruling')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={pt('decision')}>
              {decisionLabel(ruling.decision, lang)}
            </Descriptions.Item>
            {ground && ruling.groundCode ? (
              <Descriptions.Item label={pt('ground')}>
                {ground.label}
                {ground.basis ? paren(pt('groundBasis', { basis: ground.basis }), lang) : ''}
              </Descriptions.Item>
            ) : null}
            {ruling.reason ? (
              <Descriptions.Item label={pt('reason')}>
                <span className="pre-wrap">{ruling.reason}</span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Section>
      ) : null}
    </>
  );
}
