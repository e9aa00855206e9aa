import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { LOSS_RATE_MAX } from '@sutiao/domain/input-limits.ts';
import type { LossParams, LossProblem } from '../../api/loss-types.ts';
import { useLossText } from './loss-text.ts';
import { CHANNELS, type ParamsFormValues, toFormValues, toParams } from './params-form-values.ts';
import { SegmentsField } from './segments-field.tsx';

interface Props {
  initial?: LossParams;
  /** Present on an existing assessment: enables the base-date helper. */
  assessmentId?: string;
  problems?: LossProblem[];
  disabled?: boolean;
  submitLabel: string;
  onSubmit: (params: LossParams) => Promise<void> | void;
  extraButtons?: ReactNode;
}

/** LOSS-SPEC §1 parameters, each with a line explaining the choice. */
export function ParamsForm({
  initial,
  assessmentId,
  problems,
  disabled,
  submitLabel,
  onSubmit,
  extraButtons,
}: Props) {
  const { lt, lang } = useLossText();
  const [form] = Form.useForm<ParamsFormValues>();
  const ruleVersion = Form.useWatch('ruleVersion', form);
  const riskMethod = Form.useWatch('riskMethod', form);
  // A rate is a decimal fraction below its cap: "5" (meant as 5 ‱ or 0.05 %) is refused with the reason.
  const rateRule = (name: keyof typeof LOSS_RATE_MAX) => ({
    validator: (_: unknown, value: string | undefined) => {
      const text = value?.trim();
      if (!text) return Promise.resolve();
      if (!/^\d+(\.\d+)?$/.test(text)) return Promise.reject(new Error(lt('rateNotNumber')));
      return Number(text) <= LOSS_RATE_MAX[name]
        ? Promise.resolve()
        : Promise.reject(new Error(lt('rateTooHigh', { max: String(LOSS_RATE_MAX[name]) })));
    },
  });

  useEffect(() => {
    form.setFieldsValue(toFormValues(initial));
  }, [form, initial]);

  return (
    <Form<ParamsFormValues>
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={toFormValues(initial)}
      onFinish={(values) => onSubmit(toParams(values))}
      style={{ maxWidth: 860 }}
    >
      {problems && problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={lt('paramProblems')}
          description={
            <ul style={{ margin: 0 }}>
              {problems.map((p) => (
                <li key={`${p.columnName}-${p.code}-${p.en}`}>{lang === 'en' ? p.en : p.zh}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form.Item name="ruleVersion" label={lt('ruleVersion')} extra={lt('ruleVersionHelp')}>
        <Radio.Group
          options={[
            { value: '2022', label: '2022' },
            { value: '2003', label: '2003' },
          ]}
        />
      </Form.Item>
      <Form.Item name="direction" label={lt('direction')} extra={lt('directionHelp')}>
        <Radio.Group
          options={[
            { value: 'inflation', label: lt('inflation') },
            { value: 'deflation', label: lt('deflation') },
          ]}
        />
      </Form.Item>
      <SegmentsField form={form} assessmentId={assessmentId} />
      <Form.Item name="buyAverage" label={lt('buyAverage')} extra={lt('buyAverageHelp')}>
        <Select
          style={{ maxWidth: 320 }}
          options={(['mwa', 'actual-cost', 'weighted-buys', 'fifo'] as const).map((m) => ({
            value: m,
            label: lt(m),
          }))}
        />
      </Form.Item>
      <Form.Item name="eligibleChannels" label={lt('eligibleChannels')} extra={lt('eligibleChannelsHelp')}>
        <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: lt(c) }))} />
      </Form.Item>
      <Form.Item
        name="commissionRate"
        label={lt('commissionRate')}
        extra={lt('ratesHelp')}
        rules={[rateRule('commissionRate')]}
      >
        <Input inputMode="decimal" style={{ maxWidth: 200 }} placeholder="0.0003" />
      </Form.Item>
      <Form.Item
        name="stampDutyRate"
        label={lt('stampDutyRate')}
        extra={lt('ratesHelp')}
        rules={[rateRule('stampDutyRate')]}
      >
        <Input inputMode="decimal" style={{ maxWidth: 200 }} placeholder="0.001" />
      </Form.Item>
      {ruleVersion === '2003' ? (
        <Form.Item
          name="interestRate"
          label={lt('interestRate')}
          extra={lt('interestRateHelp')}
          rules={[rateRule('interestRate')]}
        >
          <Input inputMode="decimal" style={{ maxWidth: 200 }} placeholder="0.0035" />
        </Form.Item>
      ) : null}
      <Form.Item name="riskMethod" label={lt('systemicRisk')} extra={lt('systemicRiskHelp')}>
        <Radio.Group
          options={[
            { value: 'none', label: lt('riskNone') },
            { value: 'ratio', label: lt('riskRatio') },
            { value: 'index', label: lt('riskIndex') },
          ]}
        />
      </Form.Item>
      {riskMethod === 'ratio' ? (
        <Form.Item name="riskRatio" label={lt('riskRatioValue')} rules={[{ required: true }]}>
          <Input inputMode="decimal" style={{ maxWidth: 200 }} placeholder="0.25" />
        </Form.Item>
      ) : null}
      {riskMethod === 'index' ? (
        <Form.Item name="indices" label={lt('indices')} rules={[{ required: true }]}>
          <Select mode="tags" style={{ maxWidth: 420 }} placeholder="CSI300" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="averagePriceDecimals"
        label={lt('averagePriceDecimals')}
        extra={lt('averagePriceDecimalsHelp')}
      >
        <InputNumber min={0} max={12} precision={0} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {submitLabel}
        </Button>
        {extraButtons}
      </Form.Item>
    </Form>
  );
}
