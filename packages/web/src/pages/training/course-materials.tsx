import { Alert, Button, Card, List, Popconfirm, Space } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  addCourseMaterial,
  type Course,
  courseMaterialUrl,
  getCourse,
  removeCourseMaterial,
} from '../../api/training.ts';
import { useTrainingText } from './training-text.ts';

const heading = { fontSize: 16, margin: 0 } as const;
const sizeOf = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A course's files: listed for everyone who sees the course, downloaded by its trainees; the organizer adds and removes them. */
export function CourseMaterials({ course, onChange }: { course: Course; onChange: (c: Course) => void }) {
  const { pt } = useTrainingText();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const manage = course.manageable && course.status !== 'cancelled';

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await addCourseMaterial(course.id, file);
      onChange(await getCourse(course.id));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const remove = async (materialId: string) => {
    try {
      onChange(await removeCourseMaterial(course.id, materialId));
    } catch {
      // The client has shown the error.
    }
  };

  if (course.materials.length === 0 && !manage) return null;
  return (
    <Card title={<h2 style={heading}>{pt('materials')}</h2>} style={{ marginBottom: 16 }}>
      <List
        data-testid="course-materials"
        locale={{ emptyText: pt('noMaterials') }}
        dataSource={course.materials}
        renderItem={(m) => (
          <List.Item
            actions={
              manage
                ? [
                    <Popconfirm
                      key="remove"
                      title={pt('removeMaterialHint')}
                      okText={pt('removeMaterial')}
                      cancelText={pt('cancel')}
                      onConfirm={() => void remove(m.id)}
                    >
                      <Button size="small" aria-label={`${pt('removeMaterial')} ${m.title}`}>
                        {pt('removeMaterial')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap>
              {m.available ? (
                <a href={courseMaterialUrl(course.id, m.id)} download={m.fileName}>
                  {m.title}
                </a>
              ) : (
                <span>{m.title}</span>
              )}
              <span>
                {m.fileName} · {sizeOf(m.size)}
              </span>
              {m.available ? null : <span>（{pt('enrollForMaterials')}）</span>}
            </Space>
          </List.Item>
        )}
      />
      {manage ? (
        <Space direction="vertical" style={{ marginTop: 12, width: '100%' }}>
          <label>
            <span style={{ marginRight: 8 }}>{pt('addMaterial')}</span>
            <input
              ref={input}
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              disabled={busy}
              data-testid="material-file"
              onChange={(e) => void upload(e.target.files?.[0])}
            />
          </label>
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Space>
      ) : null}
    </Card>
  );
}
