import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  type CourseListItem,
  certificateUrl,
  enroll,
  listCourses,
  type MyTraining,
  myTraining,
  withdraw,
} from '../../api/training.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { formatDateTime } from '../../format.ts';
import { hasPermission, useMe } from '../../session.tsx';
import { CourseForm } from './course-form.tsx';
import { CourseStatusTag } from './course-status-tag.tsx';
import { StandingTag } from './standing-tag.tsx';
import { useTrainingText } from './training-text.ts';

const heading = { fontSize: 16, margin: 0 } as const;

/** A trainee's hours against the annual requirement, and the courses that counted. */
function MyHours({ mine }: { mine: MyTraining }) {
  const { pt } = useTrainingText();
  const { standing } = mine;
  return (
    <Card title={<h2 style={heading}>{pt('myHours')}</h2>} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={pt('status')}>
          <StandingTag standing={standing} />
        </Descriptions.Item>
        <Descriptions.Item label={String(standing.previous.year)}>
          {pt('lastYear', standing.previous)}
          {standing.previous.missing > 0
            ? ` — ${pt(standing.status === 'suspended' ? 'missingSuspended' : 'missing', {
                missing: standing.previous.missing,
                graceEnds: standing.graceEnds ?? '',
              })}`
            : ''}
        </Descriptions.Item>
        <Descriptions.Item label={String(standing.current.year)}>
          {pt('thisYear', standing.current)}
        </Descriptions.Item>
      </Descriptions>
      {mine.record.length > 0 ? (
        <Table
          size="small"
          rowKey="courseId"
          pagination={false}
          dataSource={mine.record}
          caption={<span className="visually-hidden">{pt('record')}</span>}
          columns={[
            {
              title: pt('course'),
              key: 'title',
              render: (_, r) => <Link to={`/training/${r.courseId}`}>{r.title}</Link>,
            },
            { title: pt('hours'), dataIndex: 'hours', key: 'hours' },
            { title: pt('time'), dataIndex: 'creditedOn', key: 'on' },
            {
              title: pt('certificate'),
              key: 'cert',
              render: (_, r) =>
                r.certificateCode ? (
                  <a href={certificateUrl(r.courseId)} download>
                    {pt('certificate')}
                  </a>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

/** 联合培训: the courses a user may join or runs, their hours, and a new course for organizers. */
export default function TrainingPage() {
  const { pt } = useTrainingText();
  const me = useMe();
  const trains = hasPermission(me, 'training.attend');
  const organizes = hasPermission(me, 'training.organize');
  const [items, setItems] = useState<CourseListItem[]>([]);
  const [mine, setMine] = useState<MyTraining | null>(null);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [list, own] = await Promise.all([listCourses(), trains ? myTraining() : Promise.resolve(null)]);
      setItems(list.items);
      setMine(own);
    } catch {
      // The client has shown the error.
    } finally {
      setLoading(false);
    }
  }, [trains]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await load();
    } catch {
      // The client has shown the error.
    }
  };

  return (
    <>
      <PageHeading
        title={pt('title')}
        sub={pt('intro')}
        extra={
          organizes ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {pt('newCourse')}
            </Button>
          ) : null
        }
      />
      {mine ? <MyHours mine={mine} /> : null}
      <Card title={<h2 style={heading}>{pt('courses')}</h2>}>
        <Table<CourseListItem>
          rowKey="id"
          loading={loading}
          dataSource={items}
          locale={{ emptyText: <span style={{ color: 'rgba(0,0,0,0.65)' }}>{pt('noCourses')}</span> }}
          caption={<span className="visually-hidden">{pt('courses')}</span>}
          scroll={{ x: true }}
          columns={[
            {
              title: pt('course'),
              key: 'title',
              render: (_, c) => (
                <Space size={4} wrap>
                  <Link to={`/training/${c.id}`}>{c.title}</Link>
                  {c.joint ? <Tag style={{ color: '#1f2937' }}>{pt('joint')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: pt('organizers'),
              key: 'org',
              render: (_, c) => [c.organizer, ...c.coOrganizers].map((o) => o.name).join('、'),
            },
            { title: pt('mode'), key: 'mode', render: (_, c) => pt(c.mode) },
            { title: pt('time'), key: 'time', render: (_, c) => formatDateTime(c.startsAt) },
            { title: pt('hours'), dataIndex: 'hours', key: 'hours' },
            {
              title: pt('enrolled'),
              key: 'enrolled',
              render: (_, c) => `${c.enrolled} / ${c.capacity ?? pt('unlimited')}`,
            },
            { title: pt('status'), key: 'status', render: (_, c) => <CourseStatusTag status={c.status} /> },
            {
              title: '',
              key: 'action',
              render: (_, c) => {
                if (!trains || c.status !== 'open') return null;
                if (c.mine)
                  return (
                    <Space>
                      <Tag style={{ color: '#1f2937' }}>{pt('enrolledTag')}</Tag>
                      {Date.parse(c.startsAt) > Date.now() ? (
                        <Button size="small" onClick={() => void act(() => withdraw(c.id))}>
                          {pt('withdraw')}
                        </Button>
                      ) : null}
                    </Space>
                  );
                return Date.parse(c.endsAt) > Date.now() ? (
                  <Button size="small" type="primary" onClick={() => void act(() => enroll(c.id))}>
                    {pt('enroll')}
                  </Button>
                ) : null;
              },
            },
          ]}
        />
      </Card>
      {creating ? (
        <CourseForm
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void load();
          }}
        />
      ) : null}
    </>
  );
}
