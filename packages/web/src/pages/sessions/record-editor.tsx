import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { getSessionRecord, saveRecordDraft } from '../../api/sessions.ts';
import { useSessionText } from './session-text.ts';

const SAVE_AFTER_MS = 1200;

/**
 * The mediator's live record during the session: saved on the server a moment after each pause in typing, so
 * nothing is lost if the browser closes; a save from another window is reported, not overwritten.
 */
export function RecordEditor({ caseId, sessionId }: { caseId: string; sessionId: string }) {
  const { pt } = useSessionText();
  const [body, setBody] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'conflict' | 'failed'>('idle');
  const revision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef('');

  useEffect(() => {
    void getSessionRecord(caseId, sessionId).then((r) => {
      revision.current = r.revision;
      latest.current = r.body;
      setBody(r.body);
    });
    return () => clearTimeout(timer.current);
  }, [caseId, sessionId]);

  const save = async () => {
    setState('saving');
    try {
      const saved = await saveRecordDraft(caseId, sessionId, latest.current, revision.current);
      revision.current = saved.revision;
      setState('saved');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CASE_STATE_CONFLICT') setState('conflict');
      else {
        setState('failed');
        timer.current = setTimeout(() => void save(), 5000);
      }
    }
  };

  return (
    <section aria-labelledby="record-editor-title" data-testid="record-editor">
      <h2 id="record-editor-title" style={{ fontSize: 16 }}>
        {pt('record')}
      </h2>
      <p style={{ marginTop: 0 }}>{pt('recordHint')}</p>
      <Input.TextArea
        aria-label={pt('record')}
        value={body}
        rows={8}
        maxLength={50_000}
        disabled={state === 'conflict'}
        onChange={(e) => {
          setBody(e.target.value);
          latest.current = e.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
        }}
      />
      <div role="status" aria-live="polite" data-testid="record-save-state" style={{ minHeight: 22 }}>
        {state === 'saving' ? pt('recordSaving') : null}
        {state === 'saved' ? pt('recordSaved', { revision: revision.current }) : null}
        {state === 'conflict' ? pt('recordConflict') : null}
        {state === 'failed' ? pt('recordFailed') : null}
      </div>
    </section>
  );
}
