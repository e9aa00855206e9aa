/**
 * Shown when the server does not answer its health check. Plain markup, imported with the app: antd's Result is
 * large, and a lazily loaded chunk could not arrive from a server that is down.
 */
export function HealthDown({ title }: { title: string }) {
  return (
    <main style={{ padding: 48, textAlign: 'center' }} role="alert">
      <svg width="72" height="72" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="11" fill="#c81e1e" />
        <path d="M8 8l8 8M16 8l-8 8" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
      <h1 style={{ fontSize: 20, fontWeight: 500, marginTop: 24 }}>{title}</h1>
    </main>
  );
}
