import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { suggestBaseDate } from '../../api/loss.ts';
import type { FormInstance } from 'antd';
import type { ParamsFormValues } from './params-form-values.ts';
import { useLossText } from './loss-text.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Segments (实施日/揭露日/基准日/基准价), with the §5 helper when the assessment has market data. */
export function SegmentsField({
  form,
  assessmentId,
}: {
  form: FormInstance<ParamsFormValues>;
  assessmentId?: string;
}) {
  const { lt } = useLossText();
  const [hints, setHints] = useState<Record<number, string>>({});

  const suggest = async (index: number) => {
    if (!assessmentId) return;
    const disclosure = form.getFieldValue(['segments', index, 'disclosureDate']) as string;
    const rule = form.getFieldValue('ruleVersion') as string;
    try {
      const s = await suggestBaseDate(assessmentId, disclosure, rule);
      form.setFieldValue(['segments', index, 'baseDate'], s.baseDate);
      form.setFieldValue(['segments', index, 'basePrice'], s.basePriceRounded);
      setHints((h) => ({
        ...h,
        [index]: lt('suggestion', { date: s.baseDate, price: s.basePrice, k: s.tradingDays }),
      }));
    } catch {
      // The client shows the server's message.
    }
  };

  return (
    <Form.Item label={lt('segments')} extra={lt('segmentsHelp')}>
      <Form.List name="segments">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={lt('segment', { n: index + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button
                      size="small"
                      onClick={() => remove(field.name)}
                      aria-label={lt('removeSegment', { n: index + 1 })}
                    >
                      ×
                    </Button>
                  ) : null
                }
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[field.name, 'implementationDate']}
                    label={lt('implementationDate')}
                    rules={[{ required: true, pattern: DATE, message: lt('dateInvalid') }]}
                  >
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'disclosureDate']}
                    label={lt('disclosureDate')}
                    dependencies={[['segments', field.name, 'implementationDate']]}
                    rules={[
                      { required: true, pattern: DATE, message: lt('dateInvalid') },
                      {
                        // 实施日 < 揭露日 (LOSS-SPEC §1): said here, not after a run.
                        validator: (_, value: string | undefined) => {
                          const implementation = form.getFieldValue([
                            'segments',
                            field.name,
                            'implementationDate',
                          ]) as string | undefined;
                          return !value || !implementation || implementation < value
                            ? Promise.resolve()
                            : Promise.reject(new Error(lt('disclosureBeforeImplementation')));
                        },
                      },
                    ]}
                  >
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'baseDate']}
                    label={lt('baseDate')}
                    rules={[{ pattern: DATE, message: lt('dateInvalid') }]}
                  >
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'basePrice']}
                    label={lt('basePrice')}
                    rules={[{ pattern: /^\d+(\.\d+)?$/, message: lt('basePriceInvalid') }]}
                  >
                    <Input inputMode="decimal" style={{ width: 120 }} />
                  </Form.Item>
                </Space>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {lt('baseDateHelp')}
                </Typography.Paragraph>
                {assessmentId ? <Button onClick={() => void suggest(index)}>{lt('suggest')}</Button> : null}
                {hints[index] ? <div role="status">{hints[index]}</div> : null}
              </Card>
            ))}
            <Button
              onClick={() => add({ implementationDate: '', disclosureDate: '', baseDate: '', basePrice: '' })}
            >
              {lt('addSegment')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
