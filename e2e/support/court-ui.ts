import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { confirmDialog } from './ui.ts';

/** A card of the court case page by its heading (案件信息, 可办理事项, 法律文书 …). */
export const courtSection = (page: Page, title: string): Locator =>
  page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });

/** The state tag under the court case page's heading. */
export const courtState = (page: Page) =>
  page.locator('#main-content .ant-tag').first().textContent({ timeout: 10_000 });

/**
 * Clicks one of the court case page's actions, lets `fill` complete its dialog, confirms, and waits until the page
 * reads `state` and says the action was done.
 */
export async function courtAction(
  page: Page,
  action: string,
  state: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await courtSection(page, '可办理事项').getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await confirmDialog(dialog, '确认', action);
  await expect.poll(() => courtState(page)).toBe(state);
  await expect
    .poll(() => courtSection(page, '可办理事项').getByRole('status').textContent())
    .toContain(`已办理：${action}`);
}
