import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface Notification {
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  body: string;
}

/** E-mail and SMS leave through this; production plugs a real gateway in, development writes a file. */
export interface NotificationSink {
  send(notification: Notification): Promise<void>;
}

export function fileSink(path: string): NotificationSink {
  return {
    async send(notification) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify({ at: new Date().toISOString(), ...notification })}\n`);
    },
  };
}

/** Keeps notifications in memory; tests read `sent`. */
export function memorySink(): NotificationSink & { sent: Notification[] } {
  const sent: Notification[] = [];
  return {
    sent,
    async send(notification) {
      sent.push(notification);
    },
  };
}
