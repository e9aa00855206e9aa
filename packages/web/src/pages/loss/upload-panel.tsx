import { Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadLossFile } from '../../api/loss.ts';
import type { LossAssessment, LossFileKind, LossProblem } from '../../api/loss-types.ts';
import { useMe } from '../../session.tsx';
import { type LossTextKey, useLossText } from './loss-text.ts';
import { ProblemsTable } from './problems-table.tsx';

const KINDS: { kind: LossFileKind; label: LossTextKey; help: LossTextKey }[] = [
  { kind: 'trades', label: 'fileTrades', help: 'fileTradesHelp' },
  { kind: 'investors', label: 'fileInvestors', help: 'fileInvestorsHelp' },
  { kind: 'market', label: 'fileMarket', help: 'fileMarketHelp' },
  { kind: 'actions', label: 'fileActions', help: 'fileActionsHelp' },
];

/** The four inputs; a refused file shows every problem by line, and nothing of it is kept. */
export function UploadPanel({
  assessment,
  editable,
  onChanged,
}: {
  assessment: LossAssessment;
  editable: boolean;
  onChanged: (a: LossAssessment) => void;
}) {
  const { lt } = useLossText();
  const me = useMe();
  const [busy, setBusy] = useState<LossFileKind | null>(null);
  const [problems, setProblems] = useState<Partial<Record<LossFileKind, LossProblem[]>>>({});
  // Each upload gets a new table (its own page, its own rows): nothing of the previous file stays on screen.
  const [attempt, setAttempt] = useState(0);

  const send = async (kind: LossFileKind, file: File) => {
    setBusy(kind);
    setProblems((p) => ({ ...p, [kind]: undefined }));
    setAttempt((n) => n + 1);
    try {
      const outcome = await uploadLossFile(assessment.id, kind, file, me.csrfToken);
      setProblems((p) => ({ ...p, [kind]: outcome.ok ? undefined : outcome.problems }));
      if (outcome.ok) onChanged(outcome.assessment);
    } catch {
      // Network or permission failure: the page reloads the assessment on the next action.
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {KINDS.map(({ kind, label, help }) => {
        const file = assessment.files.find((f) => f.kind === kind);
        const found = problems[kind];
        return (
          <Card key={kind} size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{lt(label)}</h2>}>
            <Typography.Paragraph type="secondary">{lt(help)}</Typography.Paragraph>
            <Space wrap>
              <Upload
                accept=".csv,.xlsx,text/csv"
                showUploadList={false}
                disabled={!editable || busy !== null}
                beforeUpload={(f) => {
                  void send(kind, f);
                  return false;
                }}
              >
                <Button loading={busy === kind} disabled={!editable}>
                  {lt('upload', { kind: lt(label) })}
                </Button>
              </Upload>
              <span role="status">
                {file ? lt('uploaded', { name: file.name, rows: file.rows }) : lt('notUploaded')}
              </span>
            </Space>
            {found ? (
              <div style={{ marginTop: 12 }}>
                <ProblemsTable
                  key={attempt}
                  problems={found}
                  caption={lt('problems', { kind: lt(label), count: found.length })}
                />
              </div>
            ) : null}
          </Card>
        );
      })}
    </Space>
  );
}
