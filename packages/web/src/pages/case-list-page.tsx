import { Card, Form, Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { CaseTable } from '../components/case-table.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { CASE_STATUS, optionsOf } from '../domain-labels.ts';
import { useI18n } from '../i18n/index.ts';

export default function CaseListPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;

  return (
    <>
      <PageHeading title={t('nav.cases')} />
      <Card>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label={t('case.filterStatus')} htmlFor="case-status-filter">
            <Select
              id="case-status-filter"
              allowClear
              style={{ width: 220 }}
              placeholder={t('case.allStatuses')}
              value={status}
              options={optionsOf(CASE_STATUS, lang)}
              onChange={(value: string | undefined) => {
                const next = new URLSearchParams(params);
                if (value) next.set('status', value);
                else next.delete('status');
                setParams(next, { replace: true });
              }}
            />
          </Form.Item>
        </Form>
        <CaseTable status={status} caption={t('nav.cases')} />
      </Card>
    </>
  );
}
