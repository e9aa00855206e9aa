import { ConfigProvider, message, Spin, theme as antTheme, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { configureClient, getHealth } from './api/client.ts';
import type { Platform } from './api/types.ts';
import { HealthDown } from './components/health-down.tsx';
import { RequireAuth } from './components/require-auth.tsx';
import { useElderlyMode } from './elderly-mode.tsx';
import { langTag, useI18n } from './i18n/index.ts';
import { PLATFORM_LOOK } from './platform.ts';
import { SessionProvider } from './session.tsx';

// Everything behind a route is loaded when first shown, so the sign-in page carries only what it uses: the signed-in
// shell (menu, inbox bell), the charts and the heavier antd components come with the pages that draw them.
const SignedInShell = lazy(() => import('./components/signed-in-shell.tsx'));
const PublicLayout = lazy(() =>
  import('./components/public-layout.tsx').then((m) => ({ default: m.PublicLayout })),
);
const LoginPage = lazy(() => import('./pages/login-page.tsx'));
const WorkbenchPage = lazy(() => import('./pages/workbench-page.tsx'));
const ApplyPage = lazy(() => import('./pages/apply-page.tsx'));
const CaseListPage = lazy(() => import('./pages/case-list-page.tsx'));
const CaseDetailPage = lazy(() => import('./pages/case-detail-page.tsx'));
const SessionRoomPage = lazy(() => import('./pages/sessions/session-room-page.tsx'));
const InboxPage = lazy(() => import('./pages/inbox-page.tsx'));
const VerifyPage = lazy(() => import('./pages/verify-page.tsx'));
const MediatorsPage = lazy(() => import('./pages/mediators-page.tsx'));
const StatisticsPage = lazy(() => import('./pages/statistics/statistics-page.tsx'));
const TrainingPage = lazy(() => import('./pages/training/training-page.tsx'));
const CoursePage = lazy(() => import('./pages/training/course-page.tsx'));
const TrainingOversightPage = lazy(() => import('./pages/training/training-oversight-page.tsx'));
const EvaluationPage = lazy(() => import('./pages/evaluation/evaluation-page.tsx'));
const PublicMediatorsPage = lazy(() => import('./pages/evaluation/public-mediators-page.tsx'));
const PortalPage = lazy(() => import('./pages/portal/portal-page.tsx'));
const PublicStatisticsPage = lazy(() => import('./pages/portal/public-statistics-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));
const CourtDashboardPage = lazy(() => import('./pages/court/court-dashboard-page.tsx'));
const CourtCaseListPage = lazy(() => import('./pages/court/court-case-list-page.tsx'));
const NewComplaintPage = lazy(() => import('./pages/court/new-complaint-page.tsx'));
const CourtCasePage = lazy(() => import('./pages/court/court-case-page.tsx'));
const CourtStatisticsPage = lazy(() => import('./pages/court/court-statistics-page.tsx'));
const LossListPage = lazy(() => import('./pages/loss/assessment-list-page.tsx'));
const LossCreatePage = lazy(() => import('./pages/loss/create-assessment-page.tsx'));
const LossAssessmentPage = lazy(() => import('./pages/loss/assessment-page.tsx'));
const MyLossResultsPage = lazy(() => import('./pages/loss/my-loss-results-page.tsx'));
const UsersPage = lazy(() => import('./pages/admin/users-page.tsx'));
const AuditPage = lazy(() => import('./pages/admin/audit-page.tsx'));
const DockingPeersPage = lazy(() => import('./pages/admin/docking-peers-page.tsx'));
const DockingProblemsPage = lazy(() => import('./pages/admin/docking-problems-page.tsx'));
const RegisterPage = lazy(() => import('./pages/register-page.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/change-password-page.tsx'));

function PageFallback() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageFallback />}>{children}</Suspense>;
}

/** Routes errors from the API client to antd's message (its own holder: antd's App comes only with the signed-in shell). */
function ClientMessages() {
  const [messages, holder] = message.useMessage();
  useEffect(() => {
    configureClient({ notifyError: (text) => void messages.error(text) });
  }, [messages]);
  return holder;
}

function AppRoutes({ platform }: { platform: Platform }) {
  return (
    <BrowserRouter>
      <SessionProvider platform={platform}>
        <Routes>
          <Route
            path="/login"
            element={
              <Lazy>
                <LoginPage />
              </Lazy>
            }
          />
          {platform === 'mediation' ? (
            <Route
              path="/register"
              element={
                <Lazy>
                  <RegisterPage />
                </Lazy>
              }
            />
          ) : null}
          <Route
            element={
              <Lazy>
                <PublicLayout />
              </Lazy>
            }
          >
            <Route
              path="/verify/:code?"
              element={
                <Lazy>
                  <VerifyPage />
                </Lazy>
              }
            />
            {platform === 'mediation' ? (
              <>
                <Route
                  path="/portal"
                  element={
                    <Lazy>
                      <PortalPage />
                    </Lazy>
                  }
                />
                <Route
                  path="/public/mediators"
                  element={
                    <Lazy>
                      <PublicMediatorsPage />
                    </Lazy>
                  }
                />
                <Route
                  path="/public/statistics"
                  element={
                    <Lazy>
                      <PublicStatisticsPage />
                    </Lazy>
                  }
                />
              </>
            ) : null}
          </Route>
          <Route
            element={
              <RequireAuth>
                <Lazy>
                  <SignedInShell />
                </Lazy>
              </RequireAuth>
            }
          >
            <Route
              index
              element={
                <Lazy>
                  <WorkbenchPage />
                </Lazy>
              }
            />
            <Route
              path="/apply"
              element={
                <Lazy>
                  <ApplyPage />
                </Lazy>
              }
            />
            <Route
              path="/cases"
              element={
                <Lazy>
                  <CaseListPage />
                </Lazy>
              }
            />
            <Route
              path="/cases/:id"
              element={
                <Lazy>
                  <CaseDetailPage />
                </Lazy>
              }
            />
            <Route
              path="/cases/:id/sessions/:sessionId"
              element={
                <Lazy>
                  <SessionRoomPage />
                </Lazy>
              }
            />
            {platform === 'court' ? (
              <>
                <Route
                  path="/court"
                  element={
                    <Lazy>
                      <CourtDashboardPage />
                    </Lazy>
                  }
                />
                <Route
                  path="/court/cases"
                  element={
                    <Lazy>
                      <CourtCaseListPage />
                    </Lazy>
                  }
                />
                <Route
                  path="/court/cases/new"
                  element={
                    <Lazy>
                      <NewComplaintPage />
                    </Lazy>
                  }
                />
                <Route
                  path="/court/statistics"
                  element={
                    <Lazy>
                      <CourtStatisticsPage />
                    </Lazy>
                  }
                />
                <Route
                  path="/court/cases/:id"
                  element={
                    <Lazy>
                      <CourtCasePage />
                    </Lazy>
                  }
                />
              </>
            ) : null}
            <Route
              path="/inbox"
              element={
                <Lazy>
                  <InboxPage />
                </Lazy>
              }
            />
            <Route
              path="/evaluation"
              element={
                <Lazy>
                  <EvaluationPage />
                </Lazy>
              }
            />
            <Route
              path="/training"
              element={
                <Lazy>
                  <TrainingPage />
                </Lazy>
              }
            />
            <Route
              path="/training/oversight"
              element={
                <Lazy>
                  <TrainingOversightPage />
                </Lazy>
              }
            />
            <Route
              path="/training/:id"
              element={
                <Lazy>
                  <CoursePage />
                </Lazy>
              }
            />
            <Route
              path="/mediators"
              element={
                <Lazy>
                  <MediatorsPage />
                </Lazy>
              }
            />
            <Route
              path="/statistics"
              element={
                <Lazy>
                  <StatisticsPage />
                </Lazy>
              }
            />
            <Route
              path="/loss"
              element={
                <Lazy>
                  <LossListPage />
                </Lazy>
              }
            />
            <Route
              path="/loss/new"
              element={
                <Lazy>
                  <LossCreatePage />
                </Lazy>
              }
            />
            <Route
              path="/loss/:id"
              element={
                <Lazy>
                  <LossAssessmentPage />
                </Lazy>
              }
            />
            <Route
              path="/my/loss-results"
              element={
                <Lazy>
                  <MyLossResultsPage />
                </Lazy>
              }
            />
            <Route
              path="/admin/users"
              element={
                <Lazy>
                  <UsersPage />
                </Lazy>
              }
            />
            <Route
              path="/admin/docking/peers"
              element={
                <Lazy>
                  <DockingPeersPage />
                </Lazy>
              }
            />
            <Route
              path="/admin/docking/problems"
              element={
                <Lazy>
                  <DockingProblemsPage />
                </Lazy>
              }
            />
            <Route
              path="/account/password"
              element={
                <Lazy>
                  <ChangePasswordPage />
                </Lazy>
              }
            />
            <Route
              path="/audit"
              element={
                <Lazy>
                  <AuditPage />
                </Lazy>
              }
            />
            <Route
              path="*"
              element={
                <Lazy>
                  <NotFoundPage />
                </Lazy>
              }
            />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

/** Text colours darkened from antd's defaults so secondary text keeps ≥ 4.5:1 contrast (axe). */
const BASE_TOKENS: ThemeConfig['token'] = {
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  // antd's default red (#ff4d4f) is 3.3:1 on white; error texts and danger buttons need 4.5:1.
  colorError: '#c81e1e',
  colorErrorHover: '#9b1c1c',
  colorErrorActive: '#9b1c1c',
  borderRadius: 6,
};

export function App() {
  const { lang, t } = useI18n();
  const [platform, setPlatform] = useState<Platform | null>(null);
  const [healthError, setHealthError] = useState(false);
  const elderly = useElderlyMode().on;

  useEffect(() => {
    document.documentElement.lang = langTag(lang);
  }, [lang]);

  useEffect(() => {
    let cancelled = false;
    getHealth()
      .then((health) => {
        if (!cancelled) setPlatform(health.platform === 'court' ? 'court' : 'mediation');
      })
      .catch(() => {
        if (!cancelled) setHealthError(true);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const themeConfig = useMemo<ThemeConfig>(() => {
    const look = platform ? PLATFORM_LOOK[platform] : null;
    return {
      algorithm: antTheme.defaultAlgorithm,
      token: {
        ...BASE_TOKENS,
        // 长辈模式: larger text and targets, black text (elderly-mode.tsx).
        ...(elderly
          ? {
              fontSize: 18,
              controlHeight: 44,
              colorText: '#000000',
              colorTextSecondary: '#1f2937',
              lineHeight: 1.7,
            }
          : {}),
        ...(look
          ? {
              colorPrimary: look.primary,
              colorPrimaryHover: look.primaryHover,
              colorPrimaryActive: look.primaryHover,
              colorLink: look.primary,
              colorLinkHover: look.primaryHover,
              colorLinkActive: look.primaryHover,
            }
          : {}),
      },
    };
  }, [platform, elderly]);

  let body: ReactNode;
  if (healthError) {
    body = <HealthDown title={t('health.down')} />;
  } else if (!platform) {
    body = (
      <main style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
        <Spin />
      </main>
    );
  } else {
    body = <AppRoutes platform={platform} />;
  }

  return (
    // No auto space between two CJK characters in buttons: "登记" must stay "登记" for people and for tests.
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={themeConfig}
      button={{ autoInsertSpace: false }}
    >
      <ClientMessages />
      {body}
    </ConfigProvider>
  );
}
