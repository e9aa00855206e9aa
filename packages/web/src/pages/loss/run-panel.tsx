import { Alert, Button, Descriptions, Progress, Space } from 'antd';
import { useEffect, useState } from 'react';
import { getProgress, runAssessment } from '../../api/loss.ts';
import type { LossAssessment, LossProgress } from '../../api/loss-types.ts';
import { useLossText } from './loss-text.ts';
import { ProblemsTable } from './problems-table.tsx';

/** Starts the run and polls its progress until it finishes, then reloads the assessment. */
export function RunPanel({ assessment, onChanged }: { assessment: LossAssessment; onChanged: () => void }) {
  const { lt, lang } = useLossText();
  const [progress, setProgress] = useState<LossProgress | null>(null);
  const calculating = assessment.status === 'calculating' || progress?.status === 'calculating';

  useEffect(() => {
    if (!calculating) return;
    const timer = setInterval(() => {
      getProgress(assessment.id)
        .then((p) => {
          setProgress(p);
          if (p.status !== 'calculating') onChanged();
        })
        .catch(() => {});
    }, 700);
    return () => clearInterval(timer);
  }, [calculating, assessment.id, onChanged]);

  const start = async () => {
    const a = await runAssessment(assessment.id).catch(() => null);
    if (a) {
      setProgress({ status: 'calculating', done: 0, total: a.progress.total, percent: 0, runError: null });
      onChanged();
    }
  };

  const canRun = assessment.abilities.includes('run');
  const summary = assessment.summary;
  const percent = calculating ? (progress?.percent ?? 0) : summary ? 100 : 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {!canRun && !calculating && assessment.status === 'draft' ? (
        <Alert type="info" showIcon message={lt('notReady')} />
      ) : null}
      <Button type="primary" disabled={!canRun} loading={calculating} onClick={() => void start()}>
        {summary ? lt('rerun') : lt('run')}
      </Button>
      <div>
        <div id="loss-progress-label">{lt('progress')}</div>
        <Progress
          percent={percent}
          aria-labelledby="loss-progress-label"
          status={calculating ? 'active' : undefined}
        />
      </div>
      {assessment.runError ? (
        <Alert
          type="error"
          showIcon
          message={lt('runFailed')}
          description={`[${assessment.runError.code}] ${lang === 'en' ? assessment.runError.en : assessment.runError.zh}`}
        />
      ) : null}
      {summary ? (
        <Descriptions bordered size="small" column={2} title={lt('runDone')}>
          <Descriptions.Item label={lt('investors')}>{summary.investors}</Descriptions.Item>
          <Descriptions.Item label={lt('withLoss')}>{summary.withLoss}</Descriptions.Item>
          <Descriptions.Item label={lt('zeroLoss')}>{summary.zeroLoss}</Descriptions.Item>
          <Descriptions.Item label={lt('totalLoss')}>{summary.totals.total}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {summary?.problems?.length ? (
        <ProblemsTable problems={summary.problems} caption={lt('investorProblems')} />
      ) : null}
    </Space>
  );
}
