import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type apiAs, CONSENTS } from '../support/api.ts';

/** Steps the audio/video journeys share: a case brought to mediation, a session opened, joined and watched. */

export const STEP_TIMEOUT = 60_000;

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A datetime-local value in Beijing time, `minutes` from now. */
export const beijingLocal = (minutes: number) =>
  new Date(Date.now() + 8 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 16);

/** The frames each remote tile has decoded so far, by user id. */
export const tiles = (page: Page) =>
  page.$$eval('[data-testid="remote-tile"]', (nodes) =>
    nodes.map((n) => ({
      userId: n.getAttribute('data-user-id') ?? '',
      frames: Number(n.getAttribute('data-frames-decoded') ?? 0),
      width: (n.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0,
    })),
  );

/** Waits until the page shows exactly `count` remote people, each with decoded video; returns the tiles. */
export async function expectPictures(page: Page, count: number) {
  await expect
    .poll(
      async () => {
        const now = await tiles(page);
        return now.length === count && now.every((t) => t.frames > 0 && t.width > 0);
      },
      { timeout: STEP_TIMEOUT, interval: 250 },
    )
    .toBe(true);
  return tiles(page);
}

/**
 * Resolves the moment `count` remote tiles each show a decoded picture (the video element holds a frame), checked in
 * the page every 20 ms — so a time to first frame is measured to a frame, not to the tiles' once-a-second statistics.
 */
export async function firstPictures(page: Page, count: number) {
  await page.waitForFunction(
    (n) => {
      const videos = Array.from(
        document.querySelectorAll<HTMLVideoElement>('[data-testid="remote-tile"] video'),
      );
      return (
        videos.length === n &&
        videos.every((v) => v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 0)
      );
    },
    count,
    { polling: 20, timeout: STEP_TIMEOUT },
  );
}

export async function enterWaitingRoom(page: Page, url: string, caseId: string) {
  await page.goto(`${url}/cases/${caseId}`);
  await page.getByRole('tab', { name: '在线视频调解' }).click();
  await page.getByRole('button', { name: '进入会话' }).click();
  const check = page.getByTestId('device-check');
  await check.waitFor();
  // The self-test: a live preview of the (fake) camera and the microphone's level meter.
  await expect
    .poll(() => page.$eval('video[aria-label="本机画面预览"]', (v) => (v as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await page.locator('meter').waitFor();
  await page.getByRole('button', { name: '进入候场室' }).click();
}

/**
 * A case in mediation, through the API (the lifecycle A journeys click these steps): the investor applies against
 * 华鑫, the centre registers and accepts it, the firm agrees to mediate, `mediator` is assigned. Returns the case.
 */
export async function caseInMediation(
  parties: { investor: Api; firm: Api; mediator: Api; admin: Api },
  evidenceIds: string[] = [],
) {
  const { investor, firm, mediator, admin } = parties;
  const created = await investor.post('/api/cases', {
    respondentOrgId: 'firm-huaxin',
    claimAmountFen: 3_500_000,
    facts: '营业部员工代客操作，造成本人账户亏损。',
    requests: '请求赔偿损失人民币 35,000 元。',
    evidenceIds,
    consents: CONSENTS,
    submit: true,
  });
  await admin.fire(created.id, 'register');
  await admin.fire(created.id, 'consult-respondent');
  await firm.fire(created.id, 'respondent-reply', { willing: true });
  await admin.fire(created.id, 'accept');
  await admin.fire(created.id, 'set-track', { track: 'ordinary' });
  await admin.fire(created.id, 'assign-mediator', { mediatorId: mediator.me.user.id });
  return created;
}

/** The mediator schedules a session on the case page, starting in ten minutes for an hour, and opens it. */
export async function scheduleAndOpenSession(mediatorPage: Page, url: string, caseId: string) {
  await mediatorPage.goto(`${url}/cases/${caseId}`);
  await mediatorPage.getByRole('tab', { name: '在线视频调解' }).click();
  await mediatorPage.getByLabel('开始时间（北京时间）').fill(beijingLocal(10));
  await mediatorPage.getByLabel('预计时长（分钟）').fill('60');
  await mediatorPage.getByRole('button', { name: /预\s*约/ }).click();
  await mediatorPage.getByRole('button', { name: '开启会话' }).click();
}
