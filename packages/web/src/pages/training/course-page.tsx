import { Alert, Button, Card, Checkbox, Descriptions, InputNumber, Popconfirm, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  type AttendanceMark,
  type Course,
  certificateUrl,
  changeCourseStatus,
  enroll,
  type Enrollment,
  getCourse,
  recordAttendance,
  withdraw,
} from '../../api/training.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { labelOf, ROLE } from '../../domain-labels.ts';
import { formatDateTime } from '../../format.ts';
import { hasPermission, useMe } from '../../session.tsx';
import { CourseMaterials } from './course-materials.tsx';
import { CourseStatusTag } from './course-status-tag.tsx';
import { useTrainingText } from './training-text.ts';

const heading = { fontSize: 16, margin: 0 } as const;

/** The organizer's attendance sheet: who attended and for how many hours, then completion. */
function AttendanceSheet({ course, onChange }: { course: Course; onChange: (c: Course) => void }) {
  const { pt } = useTrainingText();
  const [marks, setMarks] = useState<Record<string, AttendanceMark>>({});
  const open = course.status === 'open';
  const begun = Date.parse(course.startsAt) <= Date.now();

  useEffect(() => {
    setMarks(
      Object.fromEntries(
        course.enrollments.map((e) => [
          e.userId,
          {
            userId: e.userId,
            attended: e.attendance !== 'absent',
            hours: e.attendance ? e.hours : course.hours,
          },
        ]),
      ),
    );
  }, [course]);

  const run = async (fn: () => Promise<Course>) => {
    try {
      onChange(await fn());
    } catch {
      // The client has shown the error.
    }
  };
  const unmarked = course.enrollments.some((e) => e.attendance === null);

  return (
    <Card title={<h2 style={heading}>{pt('attendance')}</h2>}>
      <Table<Enrollment>
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={course.enrollments}
        caption={<span className="visually-hidden">{pt('attendance')}</span>}
        columns={[
          { title: pt('trainee'), dataIndex: 'displayName', key: 'name' },
          { title: pt('organization'), key: 'org', render: (_, e) => e.organizationName ?? '—' },
          {
            title: pt('attendedCol'),
            key: 'attended',
            render: (_, e) => (
              <Checkbox
                aria-label={`${pt('attendedCol')} ${e.displayName}`}
                disabled={!open || !begun}
                checked={marks[e.userId]?.attended ?? true}
                onChange={(event) =>
                  setMarks((m) => ({
                    ...m,
                    [e.userId]: {
                      userId: e.userId,
                      attended: event.target.checked,
                      hours: event.target.checked ? course.hours : 0,
                    },
                  }))
                }
              />
            ),
          },
          {
            title: pt('hours'),
            key: 'hours',
            render: (_, e) =>
              open ? (
                <InputNumber
                  aria-label={`${pt('hours')} ${e.displayName}`}
                  min={0}
                  max={course.hours}
                  step={0.5}
                  disabled={!begun || marks[e.userId]?.attended === false}
                  value={marks[e.userId]?.hours ?? course.hours}
                  onChange={(value) =>
                    setMarks((m) => ({
                      ...m,
                      [e.userId]: {
                        userId: e.userId,
                        attended: m[e.userId]?.attended ?? true,
                        hours: value ?? 0,
                      },
                    }))
                  }
                />
              ) : (
                e.hours
              ),
          },
          {
            title: pt('status'),
            key: 'mark',
            render: (_, e) => (e.attendance ? pt(e.attendance) : '—'),
          },
          {
            title: pt('certificate'),
            key: 'cert',
            render: (_, e) =>
              e.certificateCode ? (
                <a href={certificateUrl(course.id, e.userId)} download>
                  {e.certificateCode}
                </a>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {open ? (
        <Space style={{ marginTop: 16 }} wrap>
          <Button
            disabled={!begun || course.enrollments.length === 0}
            onClick={() => void run(() => recordAttendance(course.id, Object.values(marks)))}
          >
            {pt('saveAttendance')}
          </Button>
          <Popconfirm
            title={pt('completeHint')}
            okText={pt('complete')}
            cancelText={pt('cancel')}
            onConfirm={() => void run(() => changeCourseStatus(course.id, 'complete', course.version))}
          >
            <Button type="primary" disabled={!begun || unmarked}>
              {pt('complete')}
            </Button>
          </Popconfirm>
          <Button
            danger
            onClick={() => void run(() => changeCourseStatus(course.id, 'cancel', course.version))}
          >
            {pt('cancelCourse')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

/** One course: what, when, who runs it; the trainee's enrollment and certificate; the organizer's sheet. */
export default function CoursePage() {
  const { id = '' } = useParams();
  const { pt, lang } = useTrainingText();
  const me = useMe();
  const [course, setCourse] = useState<Course | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    getCourse(id)
      .then(setCourse)
      .catch(() => setFailed(true));
  }, [id]);
  useEffect(load, [load]);

  const run = async (fn: () => Promise<Course>) => {
    try {
      setCourse(await fn());
    } catch {
      // The client has shown the error.
    }
  };

  if (failed) return <Alert type="error" showIcon title={pt('noCourses')} />;
  if (!course) return <Card loading />;
  const trains =
    hasPermission(me, 'training.attend') && course.audience.some((r) => me.user.roles.includes(r));
  const now = Date.now();
  return (
    <>
      <PageHeading title={course.title} sub={<Link to="/training">{pt('back')}</Link>} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered column={1} size="middle">
          <Descriptions.Item label={pt('status')}>
            <CourseStatusTag status={course.status} />
          </Descriptions.Item>
          <Descriptions.Item label={pt('organizers')}>
            {[course.organizer, ...course.coOrganizers].map((o) => o.name).join('、')}
            {course.joint ? `（${pt('joint')}）` : ''}
          </Descriptions.Item>
          {course.summary ? (
            <Descriptions.Item label={pt('summary')}>{course.summary}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={pt('mode')}>{pt(course.mode)}</Descriptions.Item>
          <Descriptions.Item label={pt('location')}>{course.location}</Descriptions.Item>
          <Descriptions.Item label={pt('time')}>
            {formatDateTime(course.startsAt)} — {formatDateTime(course.endsAt)}
          </Descriptions.Item>
          <Descriptions.Item label={pt('hours')}>{course.hours}</Descriptions.Item>
          <Descriptions.Item label={pt('audience')}>
            {course.audience.map((r) => labelOf(ROLE, r, lang)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={pt('enrolled')}>
            {course.enrolled} / {course.capacity ?? pt('unlimited')}
          </Descriptions.Item>
        </Descriptions>
        {trains ? (
          <Space style={{ marginTop: 16 }} wrap>
            {course.mine ? (
              <>
                <span data-testid="my-enrollment">
                  {pt('enrolledTag')}
                  {course.mine.attendance
                    ? ` · ${pt(course.mine.attendance)} ${course.mine.hours} ${pt('hours')}`
                    : ''}
                </span>
                {course.status === 'open' && Date.parse(course.startsAt) > now ? (
                  <Button onClick={() => void run(() => withdraw(course.id))}>{pt('withdraw')}</Button>
                ) : null}
                {course.mine.certificateCode ? (
                  <a href={certificateUrl(course.id)} download>
                    {pt('certificate')}
                  </a>
                ) : null}
              </>
            ) : course.status === 'open' && Date.parse(course.endsAt) > now ? (
              <Button type="primary" onClick={() => void run(() => enroll(course.id))}>
                {pt('enroll')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Card>
      <CourseMaterials course={course} onChange={setCourse} />
      {course.manageable ? <AttendanceSheet course={course} onChange={setCourse} /> : null}
    </>
  );
}
