import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';
import { expect } from 'vitest';

/** API answers a journey did not expect: any 5xx, and 4xx except those listed as expected. */
export function watchApi(page: Page, expected: (response: Response) => boolean = () => false): string[] {
  const failures: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    const status = response.status();
    if (status >= 500 || (status >= 400 && !expected(response))) {
      failures.push(`${response.request().method()} ${url.pathname} → ${status}`);
    }
  });
  return failures;
}

/**
 * Opens an antd Select by its label and picks the option whose text contains `text`. A long list renders only the
 * options in view: `search` types the text first, as a user of a searchable Select does.
 */
export async function chooseOption(
  scope: Page | Locator,
  page: Page,
  label: string,
  text: string,
  options: { search?: boolean } = {},
): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  const visible = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const select = input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  // A list just chosen from may still be closing (or its choice still clearing this one, as choosing an
  // organization clears the mediator): wait for it to go, and try again if the choice did not hold.
  for (let attempt = 1; ; attempt++) {
    await expect
      .poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 3_000 })
      .toBe(0)
      .catch(() => undefined);
    await input.click();
    if (options.search) {
      await page.locator('.ant-select-dropdown:visible').first().waitFor();
      await page.keyboard.type(text);
      // the list filters as the text arrives: pick once it shows only what matches
      await expect
        .poll(async () => {
          const shown = await visible.allTextContents();
          return shown.length > 0 && shown.every((t) => t.includes(text));
        })
        .toBe(true);
    }
    await visible.filter({ hasText: text }).first().click();
    // what the user sees: the Select shows the choice
    try {
      await expect.poll(() => select.textContent(), { timeout: 5_000 }).toContain(text);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** A small valid one-page PDF (correct xref offsets) with a line of ASCII text. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The text of a PDF as `pdftotext` reads it. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sutiao-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, join(dir, 'doc.txt')]);
    return readFileSync(join(dir, 'doc.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The case's status code as the detail page shows it. */
export function caseStatus(page: Page): Promise<string | null> {
  return page.locator('#main-content [data-status]').first().getAttribute('data-status');
}

export async function openCase(page: Page, baseUrl: string, caseId: string): Promise<void> {
  await page.goto(`${baseUrl}/cases/${caseId}`);
  await page.getByTestId('case-number').waitFor();
}

/**
 * Fires a lifecycle event through the case page's action bar: clicks the action, lets `fill` complete the form in
 * the dialog, confirms, and waits until the case shows `toStatus`.
 */
export async function fireEvent(
  page: Page,
  action: string,
  toStatus: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page
    .getByRole('navigation', { name: '可执行操作' })
    .getByRole('button', { name: action, exact: true })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await confirmDialog(dialog, `确认${action}`, action);
  await expect.poll(() => caseStatus(page)).toBe(toStatus);
}

/**
 * Presses the dialog's confirm button and waits until it closes; an error it shows instead fails the journey with
 * its text. Info banners are alerts too: only errors count.
 */
export async function confirmDialog(dialog: Locator, button: string, action: string): Promise<void> {
  await dialog.getByRole('button', { name: button }).click();
  const error = dialog.locator('.ant-alert-error, .ant-form-item-explain-error').first();
  const outcome = await Promise.race([
    dialog.waitFor({ state: 'hidden' }).then(() => 'closed'),
    error.waitFor().then(async () => `the dialog shows an error: ${await error.textContent()}`),
  ]);
  if (outcome !== 'closed') throw new Error(`${action}: ${outcome}`);
}

/** Names of the actions the case page offers now. */
export async function actions(page: Page): Promise<string[]> {
  const bar = page.getByRole('navigation', { name: '可执行操作' });
  if ((await bar.count()) === 0) return [];
  return (await bar.getByRole('button').allTextContents()).map((text) => text.trim());
}

/**
 * Chooses an antd radio in a dialog. A click while the dialog is still opening can land before antd listens
 * ("clicking did not change its state"), so it tries again, as a person would; the last try's error stands.
 */
export async function chooseRadio(radio: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await radio.check({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
