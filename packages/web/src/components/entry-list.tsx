import type { ReactNode } from 'react';

interface Entry {
  key: string;
  /** Who and when; plain text, not a heading, so the page's heading order stays intact. */
  meta: ReactNode;
  body: ReactNode;
  actions?: ReactNode;
}

/** A simple list of posts (messages, record entries, inbox items) with visible separators. */
export function EntryList({ entries, label }: { entries: Entry[]; label: string }) {
  return (
    <ul className="entry-list" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key}>
          <div className="entry-main">
            <div className="entry-meta">{entry.meta}</div>
            <div className="entry-body">{entry.body}</div>
          </div>
          {entry.actions ? <div className="entry-actions">{entry.actions}</div> : null}
        </li>
      ))}
    </ul>
  );
}
