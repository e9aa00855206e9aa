import { Card, Collapse, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/page-title.tsx';
import { useSession } from '../../session.tsx';
import { portalContent } from './portal-content.ts';
import { usePortalText } from './portal-text.ts';

const heading = { fontSize: 20, margin: 0 } as const;

/** The front door for investors (no sign-in): how to apply, guides, typical cases, questions, and the public services. */
export default function PortalPage() {
  const { pt, lang } = usePortalText();
  const { me } = useSession();
  const content = portalContent(lang);
  return (
    <>
      <PageHeading title={pt('title')} sub={pt('intro')} />
      <nav aria-label={pt('more')} style={{ marginBottom: 16 }}>
        <ul className="portal-tiles">
          <li>
            <Link to={me ? '/apply' : '/login'}>{pt('apply')}</Link>
          </li>
          <li>
            <a href="#how-to">{pt('howTo')}</a>
          </li>
          <li>
            <a href="#guides">{pt('guides')}</a>
          </li>
          <li>
            <a href="#faq">{pt('faq')}</a>
          </li>
          <li>
            <Link to="/public/mediators">{pt('roster')}</Link>
          </li>
          <li>
            <Link to="/public/statistics">{pt('statistics')}</Link>
          </li>
          <li>
            <Link to="/verify">{pt('verify')}</Link>
          </li>
        </ul>
      </nav>
      <Card
        title={
          <h2 id="how-to" style={heading}>
            {pt('howTo')}
          </h2>
        }
        style={{ marginBottom: 16 }}
      >
        <ol>
          {content.steps.map((step) => (
            <li key={step.title} style={{ marginBottom: 8 }}>
              <strong>{step.title}</strong>
              {step.body.map((p) => (
                <p key={p} style={{ margin: '4px 0' }}>
                  {p}
                </p>
              ))}
            </li>
          ))}
        </ol>
      </Card>
      <Card
        title={
          <h2 id="guides" style={heading}>
            {pt('guides')}
          </h2>
        }
        style={{ marginBottom: 16 }}
      >
        {content.guides.map((guide) => (
          <section key={guide.title} style={{ marginBottom: 12 }}>
            <h3 style={{ fontSize: 17, marginBottom: 4 }}>{guide.title}</h3>
            {guide.body.map((p) => (
              <p key={p} style={{ margin: '4px 0' }}>
                {p}
              </p>
            ))}
            <p style={{ margin: '4px 0' }}>{pt('prepare')}：</p>
            <ul>
              {guide.prepare.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </section>
        ))}
      </Card>
      <Card title={<h2 style={heading}>{pt('cases')}</h2>} style={{ marginBottom: 16 }}>
        {content.cases.map((c) => (
          <section key={c.title} style={{ marginBottom: 8 }}>
            <h3 style={{ fontSize: 17, marginBottom: 4 }}>{c.title}</h3>
            {c.body.map((p) => (
              <Typography.Paragraph key={p} style={{ margin: 0 }}>
                {p}
              </Typography.Paragraph>
            ))}
          </section>
        ))}
      </Card>
      <Card
        title={
          <h2 id="faq" style={heading}>
            {pt('faq')}
          </h2>
        }
      >
        <Collapse
          items={content.faq.map((q) => ({
            key: q.title,
            label: q.title,
            children: q.body.map((p) => (
              <p key={p} style={{ margin: 0 }}>
                {p}
              </p>
            )),
          }))}
        />
      </Card>
    </>
  );
}
