import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Select, Space, Steps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import {
  ApiError,
  createCase,
  fireCaseEvent,
  getCase,
  getCurrentConsents,
  listOrganizations,
  updateDraft,
} from '../api/client.ts';
import type { Consent, Organization, Upload } from '../api/types.ts';
import { EvidenceUpload } from '../components/evidence-upload.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { FIRM_TYPE, labelOf } from '../domain-labels.ts';
import { fenToYuanString, formatBytes, formatFen, parseYuanToFen } from '../format.ts';
import { type MessageKey, useI18n } from '../i18n/index.ts';
import { useApplyText } from './apply-text.ts';

interface ApplyForm {
  respondentOrgId?: string;
  claimAmount?: string;
  facts?: string;
  requests?: string;
  evidence?: Upload[];
  consents?: Record<string, boolean>;
}

const STEPS: { titleKey: MessageKey; fields: (string | string[])[] }[] = [
  { titleKey: 'apply.step.respondent', fields: ['respondentOrgId', 'claimAmount'] },
  { titleKey: 'apply.step.facts', fields: ['facts', 'requests'] },
  { titleKey: 'apply.step.evidence', fields: ['evidence'] },
  { titleKey: 'apply.step.consents', fields: [] },
  { titleKey: 'apply.step.review', fields: [] },
];

export default function ApplyPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplyForm>();
  const [current, setCurrent] = useState(0);
  const [firms, setFirms] = useState<Organization[]>([]);
  const [consents, setConsents] = useState<Consent[]>([]);
  const [submitting, setSubmitting] = useState<'submit' | 'draft' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const values = Form.useWatch([], form) as ApplyForm | undefined;
  const { pt } = useApplyText();
  // A saved draft reopened from its case page (/apply?draft=<id>): the form starts from what was saved.
  const [searchParams] = useSearchParams();
  const draftId = searchParams.get('draft');
  const [draftVersion, setDraftVersion] = useState<number | null>(null);

  useEffect(() => {
    if (!draftId) return;
    getCase(draftId)
      .then((draft) => {
        if (draft.status !== 'draft') {
          navigate(`/cases/${draft.id}`, { replace: true });
          return;
        }
        form.setFieldsValue({
          respondentOrgId: draft.respondentOrgId ?? undefined,
          claimAmount: fenToYuanString(draft.claimAmountFen),
          facts: draft.facts,
          requests: draft.requests,
          evidence: draft.evidence.map(({ id, name, size, mime, sha256 }) => ({
            id,
            name,
            size,
            mime,
            sha256,
          })),
        });
        setDraftVersion(draft.version);
      })
      .catch((cause: unknown) => setError(cause instanceof ApiError ? cause.message : t('error.generic')));
  }, [draftId, form, navigate, t]);

  useEffect(() => {
    listOrganizations('firm')
      .then((result) => setFirms(result.items))
      .catch(() => {});
    getCurrentConsents()
      .then((result) => setConsents(result.items))
      .catch(() => {});
  }, []);

  const firmOptions = useMemo(
    () =>
      firms.map((firm) => ({
        value: firm.id,
        label: [firm.name, firm.firmType ? labelOf(FIRM_TYPE, firm.firmType, lang) : null, firm.region]
          .filter(Boolean)
          .join(' · '),
      })),
    [firms, lang],
  );

  const consentFieldNames = consents.map((consent) => ['consents', consent.kind]);
  const stepFields = (index: number) => (index === 3 ? consentFieldNames : (STEPS[index]?.fields ?? []));

  const next = async () => {
    try {
      await form.validateFields(stepFields(current));
      setCurrent((step) => Math.min(step + 1, STEPS.length - 1));
    } catch {
      // antd shows the field errors.
    }
  };

  const send = async (submit: boolean) => {
    setError(null);
    try {
      // A draft needs the respondent and amount; a submission needs every step.
      const fields = submit ? STEPS.flatMap((_, index) => stepFields(index)) : stepFields(0);
      await form.validateFields(fields);
    } catch {
      if (submit) {
        const firstInvalid = [0, 1, 2, 3].find((index) =>
          stepFields(index).some((name) => form.getFieldError(name as never).length > 0),
        );
        if (firstInvalid !== undefined) setCurrent(firstInvalid);
      } else {
        setCurrent(0);
      }
      return;
    }
    const all = form.getFieldsValue(true) as ApplyForm;
    const claimAmountFen = parseYuanToFen(all.claimAmount ?? '');
    if (claimAmountFen === null || !all.respondentOrgId) return;
    setSubmitting(submit ? 'submit' : 'draft');
    const application = {
      respondentOrgId: all.respondentOrgId,
      claimAmountFen,
      facts: all.facts?.trim() ?? '',
      requests: all.requests?.trim() ?? '',
      evidenceIds: (all.evidence ?? []).map((item) => item.id),
      consents: consents
        .filter((consent) => all.consents?.[consent.kind])
        .map((consent) => ({ kind: consent.kind, version: consent.version })),
    };
    try {
      let saved: { id: string };
      if (draftId && draftVersion !== null) {
        const updated = await updateDraft(draftId, { ...application, expectedVersion: draftVersion });
        setDraftVersion(updated.version);
        saved = submit ? await fireCaseEvent(draftId, 'submit', {}, updated.version) : updated;
      } else {
        saved = await createCase({ ...application, submit });
      }
      void message.success(submit ? t('apply.submitted') : t('apply.draftSaved'));
      navigate(`/cases/${saved.id}`);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : t('error.generic'));
    } finally {
      setSubmitting(null);
    }
  };

  const hidden = (index: number) => (index === current ? undefined : { display: 'none' });
  const fen = parseYuanToFen(values?.claimAmount ?? '');
  const respondentName = firms.find((firm) => firm.id === values?.respondentOrgId)?.name;

  return (
    <>
      <PageHeading
        title={draftId ? pt('editDraftTitle') : t('nav.apply')}
        sub={draftId ? pt('editDraftIntro') : t('apply.intro')}
      />
      <Card>
        <Steps
          current={current}
          items={STEPS.map((step) => ({ title: t(step.titleKey) }))}
          style={{ marginBottom: 32 }}
          aria-label={t('apply.progress')}
        />
        <h2 style={{ fontSize: 18 }}>{t(STEPS[current]?.titleKey ?? 'apply.step.review')}</h2>
        {error ? (
          <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<ApplyForm>
          form={form}
          layout="vertical"
          name="apply"
          initialValues={{ evidence: [], consents: {} }}
          style={{ maxWidth: 760 }}
        >
          <div style={hidden(0)}>
            <Form.Item
              label={t('apply.respondent')}
              name="respondentOrgId"
              rules={[{ required: true, message: t('apply.respondentRequired') }]}
              extra={t('apply.respondentHelp')}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={firmOptions}
                placeholder={t('apply.respondentPlaceholder')}
                notFoundContent={t('apply.noFirm')}
              />
            </Form.Item>
            <Form.Item
              label={t('apply.amount')}
              name="claimAmount"
              extra={
                fen !== null && fen > 0
                  ? t('apply.amountEcho', { amount: formatFen(fen) })
                  : t('apply.amountHelp')
              }
              rules={[
                { required: true, message: t('apply.amountRequired') },
                {
                  validator: (_, value: string | undefined) => {
                    if (!value) return Promise.resolve();
                    const parsed = parseYuanToFen(value);
                    if (parsed === null) return Promise.reject(new Error(t('apply.amountInvalid')));
                    if (parsed <= 0) return Promise.reject(new Error(t('apply.amountPositive')));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" placeholder="10000.00" style={{ maxWidth: 280 }} />
            </Form.Item>
          </div>

          <div style={hidden(1)}>
            <Form.Item
              label={t('apply.facts')}
              name="facts"
              extra={t('apply.factsHelp')}
              rules={[
                { required: true, whitespace: true, message: t('apply.factsRequired') },
                { max: INPUT_LIMITS.facts, message: t('form.tooLong', { max: INPUT_LIMITS.facts }) },
              ]}
            >
              <Input.TextArea rows={6} showCount maxLength={INPUT_LIMITS.facts} />
            </Form.Item>
            <Form.Item
              label={t('apply.requests')}
              name="requests"
              extra={t('apply.requestsHelp')}
              rules={[
                { required: true, whitespace: true, message: t('apply.requestsRequired') },
                { max: INPUT_LIMITS.requests, message: t('form.tooLong', { max: INPUT_LIMITS.requests }) },
              ]}
            >
              <Input.TextArea rows={4} showCount maxLength={INPUT_LIMITS.requests} />
            </Form.Item>
          </div>

          <div style={hidden(2)}>
            <Form.Item label={t('apply.evidence')} name="evidence" extra={t('upload.help')}>
              <EvidenceUpload />
            </Form.Item>
          </div>

          <div style={hidden(3)}>
            {consents.length === 0 ? <Alert type="info" title={t('apply.consentsLoading')} /> : null}
            {consents.map((consent) => (
              <section
                key={consent.kind}
                style={{ marginBottom: 20 }}
                aria-labelledby={`consent-${consent.kind}`}
              >
                <h3 id={`consent-${consent.kind}`} style={{ fontSize: 15 }}>
                  {consent.title}
                  <span style={{ fontWeight: 400, marginInlineStart: 8, fontSize: 13 }}>
                    {t('apply.consentVersion', { version: consent.version })}
                  </span>
                </h3>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable text must be reachable by keyboard */}
                <section className="consent-text" tabIndex={0} aria-label={consent.title}>
                  {consent.text}
                </section>
                <Form.Item
                  name={['consents', consent.kind]}
                  valuePropName="checked"
                  rules={[
                    {
                      validator: (_, checked: boolean | undefined) =>
                        checked ? Promise.resolve() : Promise.reject(new Error(t('apply.consentRequired'))),
                    },
                  ]}
                  style={{ marginTop: 8 }}
                >
                  <Checkbox>{t('apply.consentAgree', { title: consent.title })}</Checkbox>
                </Form.Item>
              </section>
            ))}
          </div>

          <div style={hidden(4)}>
            <Descriptions bordered column={1} size="middle">
              <Descriptions.Item label={t('apply.respondent')}>{respondentName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('apply.amount')}>
                <span data-testid="review-amount">{fen !== null ? formatFen(fen) : '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('apply.facts')}>
                <div className="pre-wrap">{values?.facts || '—'}</div>
              </Descriptions.Item>
              <Descriptions.Item label={t('apply.requests')}>
                <div className="pre-wrap">{values?.requests || '—'}</div>
              </Descriptions.Item>
              <Descriptions.Item label={t('apply.evidence')}>
                {(values?.evidence ?? []).length === 0
                  ? t('apply.noEvidence')
                  : (values?.evidence ?? []).map((item) => (
                      <div key={item.id}>
                        {item.name}（{formatBytes(item.size)}）
                      </div>
                    ))}
              </Descriptions.Item>
              <Descriptions.Item label={t('apply.step.consents')}>
                {consents.map((consent) => (
                  <div key={consent.kind}>
                    {values?.consents?.[consent.kind] ? '✓ ' : '✗ '}
                    {consent.title}（{consent.version}）
                  </div>
                ))}
              </Descriptions.Item>
            </Descriptions>
            <p style={{ marginTop: 16 }}>{t('apply.reviewHint')}</p>
          </div>
        </Form>

        <Space wrap style={{ marginTop: 24 }}>
          {current > 0 ? (
            <Button onClick={() => setCurrent((step) => step - 1)}>{t('apply.prev')}</Button>
          ) : null}
          {current < STEPS.length - 1 ? (
            <Button type="primary" onClick={() => void next()}>
              {t('apply.next')}
            </Button>
          ) : (
            <Button type="primary" loading={submitting === 'submit'} onClick={() => void send(true)}>
              {t('apply.submit')}
            </Button>
          )}
          <Button loading={submitting === 'draft'} onClick={() => void send(false)}>
            {t('apply.saveDraft')}
          </Button>
        </Space>
      </Card>
    </>
  );
}
