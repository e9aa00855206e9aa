import type { Notification } from '../../../adapters/notify/notification-sink.ts';
import type { Deps } from '../../../deps.ts';

/** Sends notifications after commit; a failing mail gateway must not undo a recorded transition. */
export async function sendAfterCommit(deps: Deps, emails: readonly Notification[]): Promise<void> {
  await Promise.all(emails.map((email) => deps.notify.send(email).catch(() => undefined)));
}
