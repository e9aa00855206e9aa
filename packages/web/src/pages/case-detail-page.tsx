import { Alert, Button, Card, Descriptions, Result, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, getCase } from '../api/client.ts';
import type { CaseDetail } from '../api/types.ts';
import { AgreementPanel } from '../components/agreement-panel.tsx';
import { CaseActionBar } from '../components/case-action-bar.tsx';
import { CaseMessages } from '../components/case-messages.tsx';
import { CaseRecord } from '../components/case-record.tsx';
import { CaseTimeline } from '../components/case-timeline.tsx';
import { MessageHistory } from './court/message-history.tsx';
import { ConfirmationPanel } from './confirmation/confirmation-panel.tsx';
import { SurveyPanel } from './evaluation/survey-panel.tsx';
import { SessionPanel } from './sessions/session-panel.tsx';
import { useSessionText } from './sessions/session-text.ts';
import { useMe } from '../session.tsx';
import { useConfirmationText } from './confirmation/confirmation-text.ts';
import { DeadlineText } from '../components/deadline-text.tsx';
import { PageHeading, usePageTitle } from '../components/page-title.tsx';
import { StatusTag, ToneTag } from '../components/status-tag.tsx';
import { FAILURE_REASON, labelOf, REFUSAL_REASON, RESPONDENT_REPLY, TRACK } from '../domain-labels.ts';
import { formatBytes, formatDateTime, formatFen } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { useCaseText } from '../components/case-text.ts';
import { useApplyText } from './apply-text.ts';

function evidenceHref(item: CaseDetail['evidence'][number]): string {
  return item.url ?? `/api/uploads/${encodeURIComponent(item.id)}`;
}

function Overview({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  return (
    <>
      {detail.supplementRequest && detail.status === 'needs_supplement' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('case.supplementRequest')}
          description={<span className="pre-wrap">{detail.supplementRequest}</span>}
        />
      ) : null}
      {detail.notAcceptedReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('case.notAcceptedReason')}${t('sep.colon')}${labelOf(REFUSAL_REASON, detail.notAcceptedReason, lang)}`}
          description={
            detail.notAcceptedNote ? <span className="pre-wrap">{detail.notAcceptedNote}</span> : null
          }
        />
      ) : null}
      {detail.failureReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('case.failureReason')}${t('sep.colon')}${labelOf(FAILURE_REASON, detail.failureReason, lang)}`}
        />
      ) : null}
      {detail.closingReason ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('case.closingReason')}
          description={<span className="pre-wrap">{detail.closingReason}</span>}
        />
      ) : null}
      <Descriptions bordered column={1} size="middle">
        <Descriptions.Item label={t('case.facts')}>
          <div className="pre-wrap">{detail.facts || '—'}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.requests')}>
          <div className="pre-wrap">{detail.requests || '—'}</div>
        </Descriptions.Item>
        {detail.respondentReply ? (
          <Descriptions.Item label={t('case.respondentReply')}>
            <ToneTag tone={detail.respondentReply === 'unwilling' ? 'warning' : 'success'}>
              {labelOf(RESPONDENT_REPLY, detail.respondentReply, lang)}
            </ToneTag>
          </Descriptions.Item>
        ) : null}
        {detail.undisputedFacts ? (
          <Descriptions.Item label={t('event.field.undisputedFacts')}>
            <div className="pre-wrap">{detail.undisputedFacts}</div>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('case.evidence')}>
          {detail.evidence.length === 0 ? (
            t('apply.noEvidence')
          ) : (
            <ul className="prose-list" style={{ margin: 0, paddingInlineStart: 20 }}>
              {detail.evidence.map((item) => (
                <li key={item.id}>
                  <a href={evidenceHref(item)} target="_blank" rel="noreferrer">
                    {item.name}
                  </a>
                  {item.size ? `（${formatBytes(item.size)}）` : ''}
                </li>
              ))}
            </ul>
          )}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

const CLOSED_STATUSES = new Set(['not_accepted', 'failed', 'withdrawn', 'terminated', 'performed']);

/** While the parties choose a mediator: who chose whom, and that both must choose the same one. */
function MediatorChoices({ detail }: { detail: CaseDetail }) {
  const { pt } = useCaseText();
  const { investor, respondent } = detail.mediatorChoices;
  if (
    detail.status !== 'accepted' ||
    (!investor && !respondent && !detail.abilities.includes('choose-mediator'))
  )
    return null;
  const verdict =
    investor && respondent
      ? investor.id === respondent.id
        ? pt('choicesAgree')
        : pt('choicesDiffer')
      : pt('choicesWaiting');
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="mediator-choices"
      title={pt('choicesTitle')}
      description={
        <>
          <div>
            {pt('choiceInvestor')}：{investor?.displayName ?? pt('choiceNone')}；{pt('choiceRespondent')}：
            {respondent?.displayName ?? pt('choiceNone')}
          </div>
          <div>{verdict}</div>
        </>
      }
    />
  );
}

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { pt: apt } = useApplyText();
  const { pt: confirmationText } = useConfirmationText();
  const { pt: sessionText } = useSessionText();
  const me = useMe();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tab, setTab] = useState('overview');

  const load = useCallback(
    (signal?: AbortSignal) => {
      getCase(id, signal)
        .then((next) => {
          setDetail(next);
          setError(null);
        })
        .catch((cause: unknown) => {
          if (cause instanceof ApiError) setError(cause);
        });
    },
    [id],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  usePageTitle(detail?.caseNumber ?? t('case.detail'));

  if (error && !detail) {
    return (
      <Result
        status={error.status === 404 ? '404' : error.status === 403 ? '403' : 'error'}
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{error.message}</h1>}
        extra={<Link to="/cases">{t('case.backToList')}</Link>}
      />
    );
  }
  if (!detail) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
        <Spin />
      </div>
    );
  }

  const title = detail.caseNumber ?? t('case.noNumber');
  return (
    <>
      <PageHeading
        title={`${t('case.detail')} ${title}`}
        sub={
          <span>
            <StatusTag status={detail.status} />
            {detail.track ? (
              <span style={{ marginInlineStart: 12 }}>
                {t('case.track')}
                {t('sep.colon')}
                {labelOf(TRACK, detail.track, lang)}
              </span>
            ) : null}
          </span>
        }
        extra={
          <Button onClick={() => load()} aria-label={t('case.reload')}>
            {t('case.reload')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('case.number')}>
            <span data-testid="case-number">{title}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('case.applicant')}>{detail.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('case.respondent')}>{detail.respondentName}</Descriptions.Item>
          <Descriptions.Item label={t('case.amount')}>{formatFen(detail.claimAmountFen)}</Descriptions.Item>
          {detail.organizationName ? (
            <Descriptions.Item label={t('verify.organization')}>{detail.organizationName}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('case.mediator')}>
            {detail.mediator?.displayName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.nextDeadline')}>
            <span data-testid="next-deadline">
              <DeadlineText deadline={detail.nextDeadline} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('case.updatedAt')}>
            {formatDateTime(detail.updatedAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {detail.status === 'draft' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={apt('draftHint')}
          action={
            <Link to={`/apply?draft=${encodeURIComponent(detail.id)}`}>
              <Button type="primary">{apt('editDraft')}</Button>
            </Link>
          }
        />
      ) : null}
      {detail.court ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="referral-banner"
          title={t('referral.banner', {
            source: t(detail.source === 'entrusted' ? 'referral.entrusted' : 'referral.delegated'),
            court: detail.court.name,
            number: detail.court.caseNumber ?? '',
            period: detail.court.periodEnds ?? t('referral.noPeriod'),
          })}
        />
      ) : null}
      <MediatorChoices detail={detail} />
      <CaseActionBar caseDetail={detail} onChanged={setDetail} onReload={() => load()} />
      <SurveyPanel caseId={detail.id} status={detail.status} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'overview', label: t('case.tab.overview'), children: <Overview detail={detail} /> },
            {
              key: 'timeline',
              label: t('case.tab.timeline'),
              children: <CaseTimeline entries={detail.timeline} />,
            },
            ...(detail.mediator || detail.status === 'mediating'
              ? [
                  {
                    key: 'sessions',
                    label: sessionText('tab'),
                    children: (
                      <SessionPanel
                        caseId={detail.id}
                        canSchedule={
                          detail.mediator?.id === me.user.id &&
                          (detail.status === 'mediating' || detail.status === 'agreement_pending')
                        }
                      />
                    ),
                  },
                ]
              : []),
            {
              key: 'messages',
              label: t('case.tab.messages'),
              children: (
                <CaseMessages
                  caseId={detail.id}
                  messages={detail.messages}
                  canPost={detail.canPostMessage}
                  closed={CLOSED_STATUSES.has(detail.status)}
                  onPosted={() => load()}
                />
              ),
            },
            ...(detail.court
              ? [
                  {
                    key: 'link',
                    label: t('case.tab.link'),
                    children: <MessageHistory key={detail.version} caseRef={detail.court.caseRef} />,
                  },
                ]
              : []),
            {
              key: 'record',
              label: t('case.tab.record'),
              children: <CaseRecord caseId={detail.id} record={detail.record} onPosted={() => load()} />,
            },
            {
              key: 'agreement',
              label: t('case.tab.agreement'),
              children: <AgreementPanel detail={detail} />,
            },
            {
              key: 'confirmation',
              label: confirmationText('tab'),
              children: <ConfirmationPanel caseId={detail.id} version={detail.version} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
