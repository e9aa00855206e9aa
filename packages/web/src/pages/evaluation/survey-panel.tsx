import { Button, Card, Form, Input, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { type CaseSurvey, getCaseSurvey, submitSurvey } from '../../api/evaluation.ts';
import { useEvaluationText } from './evaluation-text.ts';

/** On a case whose mediation has ended: the party's procedural-fairness survey, once per side. */
export function SurveyPanel({ caseId, status }: { caseId: string; status: string }) {
  const { pt, lang } = useEvaluationText();
  const [survey, setSurvey] = useState<CaseSurvey | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Record<string, number | string>>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the case's status is when the survey may open
  useEffect(() => {
    getCaseSurvey(caseId)
      .then(setSurvey)
      .catch(() => setSurvey(null));
  }, [caseId, status]);

  if (!survey || (!survey.open && !survey.submitted) || survey.side === null) return null;
  if (survey.submitted)
    return (
      <Card size="small" style={{ marginBottom: 16 }}>
        {pt('surveyThanks')}
      </Card>
    );
  const submit = async (values: Record<string, number | string>) => {
    setSaving(true);
    const { comment, ...answers } = values;
    try {
      setSurvey(await submitSurvey(caseId, answers as Record<string, number>, String(comment ?? '')));
    } catch {
      // The client has shown the error.
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{pt('surveyTitle')}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="survey"
    >
      <p>{pt('surveyIntro')}</p>
      <Form form={form} layout="vertical" name="survey" onFinish={(v) => void submit(v)}>
        {survey.questions.map((q) => (
          <Form.Item
            key={q.key}
            name={q.key}
            label={lang === 'en' ? q.en : q.zh}
            rules={[{ required: true, message: lang === 'en' ? 'Please choose' : '请选择' }]}
          >
            <Radio.Group
              aria-label={lang === 'en' ? q.en : q.zh}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))}
            />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={pt('surveyComment')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {pt('surveySubmit')}
        </Button>
      </Form>
    </Card>
  );
}
