import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useRunningSystem } from './support/running-system.ts';
import { signInAs } from './support/sign-in.ts';
import { chooseOption, pdfText, watchApi } from './support/ui.ts';

const STEP_TIMEOUT = 60_000;

/** A datetime-local value in Beijing time, `hours` from now. */
const beijingLocal = (hours: number) =>
  new Date(Date.now() + (8 + hours) * 3_600_000).toISOString().slice(0, 16);

describe('joint training, from a new course to a verified certificate', () => {
  const env = useRunningSystem('mediation');

  it('the center runs a course with a court, a mediator enrolls, attends and downloads a certificate anyone can verify', {
    timeout: 300_000,
  }, async () => {
    const url = env.system.urls.mediation;
    const title = `调解员专题培训 ${Date.now().toString(36)}`;

    // The center's administrator opens a joint course with 上海金融法院.
    const admin = await signInAs(env.browser, url, 'center_admin');
    admin.setDefaultTimeout(STEP_TIMEOUT);
    const adminFailures = watchApi(admin);
    await admin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '联合培训' }).click();
    await admin.getByRole('heading', { level: 1, name: '联合培训' }).waitFor();
    await admin.getByRole('button', { name: '新建课程' }).click();
    const dialog = admin.getByRole('dialog', { name: '新建课程' });
    await dialog.getByLabel('课程名称').fill(title);
    await chooseOption(dialog, admin, '联合举办单位（法院或调解组织）', '上海金融法院', { search: true });
    await dialog.getByLabel('地点或会议链接').fill('https://meeting.example.cn/training/1');
    await dialog.getByLabel('开始时间（北京时间）').fill(beijingLocal(-1));
    await dialog.getByLabel('结束时间（北京时间）').fill(beijingLocal(2));
    await dialog.getByLabel('学时').fill('2.5');
    await expectAccessible(admin, 'new course');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = admin.getByRole('row', { name: new RegExp(title) });
    await expect.poll(() => row.textContent()).toContain('联合举办');
    expect(await row.textContent()).toContain('上海金融法院');
    await expectAccessible(admin, 'training courses');

    // A mediator sees it, enrolls, and sees their hours against the annual requirement.
    const mediator = await signInAs(env.browser, url, 'mediator1');
    mediator.setDefaultTimeout(STEP_TIMEOUT);
    const mediatorFailures = watchApi(mediator);
    await mediator
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '联合培训' })
      .click();
    await mediator.getByRole('heading', { level: 2, name: '我的学时' }).waitFor();
    const offered = mediator.getByRole('row', { name: new RegExp(title) });
    await offered.getByRole('button', { name: /报\s*名/ }).click();
    await expect.poll(() => offered.textContent()).toContain('已报名');
    await expectAccessible(mediator, 'my training');

    // The administrator records attendance and completes the course.
    await row.getByRole('link', { name: title }).click();
    await admin.getByRole('heading', { level: 1, name: title }).waitFor();
    // The administrator attaches a handout to the course.
    const handout = Buffer.from('%PDF-1.4\n% 培训讲义 第一讲\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await admin
      .getByTestId('material-file')
      .setInputFiles({ name: '第一讲 讲义.pdf', mimeType: 'application/pdf', buffer: handout });
    await admin.getByTestId('course-materials').getByRole('link', { name: '第一讲 讲义' }).waitFor();
    await expectAccessible(admin, 'course materials');
    const sheet = admin.getByRole('row', { name: /刘调解/ });
    await sheet.waitFor();
    await admin.getByRole('button', { name: '保存考勤' }).click();
    await expect.poll(() => sheet.textContent()).toContain('出席');
    await expectAccessible(admin, 'attendance sheet');
    await admin.getByRole('button', { name: '结业并出具证明' }).click();
    await admin.getByRole('tooltip').getByRole('button', { name: '结业并出具证明' }).click();
    await expect.poll(() => admin.getByText('已结业', { exact: true }).count()).toBeGreaterThan(0);

    // The mediator downloads the certificate: a signed PDF with the course, the hours and the verification code.
    await mediator.reload();
    await mediator.getByRole('link', { name: title }).first().click();
    await mediator.getByRole('heading', { level: 1, name: title }).waitFor();
    // The handout downloads as it was uploaded (the mediator is enrolled).
    const [handoutDownload] = await Promise.all([
      mediator.waitForEvent('download'),
      mediator.getByRole('link', { name: '第一讲 讲义' }).click(),
    ]);
    expect(readFileSync(await handoutDownload.path()).equals(handout)).toBe(true);
    const [download] = await Promise.all([
      mediator.waitForEvent('download'),
      mediator.getByRole('link', { name: '下载培训证明' }).click(),
    ]);
    const text = pdfText(readFileSync(await download.path()));
    expect(text).toContain('培 训 证 明');
    // Lines wrap anywhere in Chinese text: compare without white space.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(title.replace(/\s+/g, ''));
    expect(flat).toContain('完成培训2.5学时');
    expect(flat).toContain('主办单位：中证资本市场法律服务中心、上海金融法院');
    const code = /[3-9A-Z]{4}-[3-9A-Z]{4}-[3-9A-Z]{4}/.exec(text)?.[0];
    expect(code).toBeTruthy();

    // Anyone can check it without signing in.
    const visitor = await env.browser.newContext({ locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`${url}/verify/${code}`);
    await expect.poll(() => page.getByTestId('verify-verdict').textContent()).toContain('文书有效');
    expect(await page.getByText('培训证明', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'certificate verified');

    // The oversight page lists the mediator's hours.
    await admin.goto(`${url}/training/oversight`);
    await admin.getByRole('tab', { name: '学时名册' }).waitFor();
    await expect.poll(() => admin.getByRole('row', { name: /刘调解/ }).count()).toBeGreaterThan(0);
    await expectAccessible(admin, 'training oversight');
    expect(adminFailures).toEqual([]);
    expect(mediatorFailures).toEqual([]);
    await Promise.all([admin.context().close(), mediator.context().close(), visitor.close()]);
  });
});
