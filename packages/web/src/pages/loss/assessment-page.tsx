import { App, Card, Descriptions, Result, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { getAssessment, saveParams } from '../../api/loss.ts';
import type { LossAssessment, LossParams } from '../../api/loss-types.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { hasPermission, useMe } from '../../session.tsx';
import { LossStatusTag } from './loss-status-tag.tsx';
import { useLossText } from './loss-text.ts';
import { ParamsForm } from './params-form.tsx';
import { ReportPanel } from './report-panel.tsx';
import { ResultsPanel } from './results-panel.tsx';
import { RunPanel } from './run-panel.tsx';
import { UploadPanel } from './upload-panel.tsx';

/** One entrustment: parameters, data, run, results, report — as tabs. */
export default function AssessmentPage() {
  const { id = '' } = useParams();
  const { lt } = useLossText();
  const { message } = App.useApp();
  const me = useMe();
  const [assessment, setAssessment] = useState<LossAssessment | null>(null);
  const [missing, setMissing] = useState(false);

  const load = useCallback(() => {
    getAssessment(id)
      .then(setAssessment)
      .catch(() => setMissing(true));
  }, [id]);
  useEffect(load, [load]);

  if (missing) return <Result status="404" title={lt('noResults')} />;
  if (!assessment) return <Spin />;

  const analyst = hasPermission(me, 'loss.assess');
  const editable = analyst && assessment.abilities.includes('upload_file');
  const save = async (params: LossParams) => {
    const saved = await saveParams(assessment.id, assessment.version, params).catch(() => null);
    if (saved) {
      setAssessment(saved);
      void message.success(lt('saved'));
    }
  };
  const computed = assessment.status === 'calculated' || assessment.status === 'issued';

  return (
    <>
      <PageHeading title={assessment.caseNumber} sub={<LossStatusTag status={assessment.status} />} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={lt('court')}>{assessment.courtName}</Descriptions.Item>
          <Descriptions.Item label={lt('entrustedOn')}>{assessment.entrustedOn}</Descriptions.Item>
          <Descriptions.Item label={lt('status')}>{lt(`status.${assessment.status}`)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          defaultActiveKey={computed ? 'results' : 'params'}
          items={[
            {
              key: 'params',
              label: lt('tabParams'),
              children: (
                <ParamsForm
                  initial={assessment.params}
                  assessmentId={assessment.id}
                  problems={assessment.paramProblems}
                  disabled={!editable}
                  submitLabel={lt('save')}
                  onSubmit={save}
                />
              ),
            },
            {
              key: 'data',
              label: lt('tabData'),
              children: <UploadPanel assessment={assessment} editable={editable} onChanged={setAssessment} />,
            },
            {
              key: 'run',
              label: lt('tabRun'),
              children: <RunPanel assessment={assessment} onChanged={load} />,
            },
            {
              key: 'results',
              label: lt('tabResults'),
              children: computed ? <ResultsPanel assessmentId={assessment.id} /> : lt('noResults'),
            },
            {
              key: 'report',
              label: lt('tabReport'),
              children: <ReportPanel assessment={assessment} onChanged={load} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
