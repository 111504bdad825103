// Bantuan from the screens an officer uses: the link in the sidebar and F1 open the chapter of the screen in
// view, the whole guide has its contents, and "Cetak panduan" prints every chapter on A4, each from a new page.

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENS } from '../../renderer/src/app/navigation';
import { ROOT, expect, firstRow, test, watchConsole } from '../helpers/e2e-fixtures';
import { pdfInfo, pdfText } from '../helpers/pdf-tools';

// The chapters as the files title them (the app bundles the files with Vite, which Playwright's loader does not).
const GUIDE_CHAPTERS = SCREENS.map((screen) => {
  const markdown = fs.readFileSync(path.join(ROOT, 'docs/panduan', `${screen.guide}.md`), 'utf8');
  return { slug: screen.guide, title: /^# (.+)$/m.exec(markdown)![1] };
});

test.use({ demoEmployees: 60 });

/** Text that must never reach the officer: unrendered Markdown, file names, code values. */
async function expectReadableGuide(page: Page): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\*\*|\]\(|\|\s*---|^#+ |\.md\b|undefined|NaN|\[object|\b[a-z]+_[a-z]+\b/m);
}

test('Bantuan and F1 open the chapter of the screen in view; the guide has its contents', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  await jenjang.open(page, '#/kinerja');
  await expect(page.getByRole('heading', { level: 1, name: 'Kinerja' })).toBeVisible();
  const help = page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Bantuan', exact: true });
  await expect(help).toHaveAttribute('href', '#/bantuan/kinerja');
  await help.click();
  await expect(page).toHaveURL(/#\/bantuan\/kinerja$/);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Kinerja');
  await expect(main.getByText(/PermenPANRB 6\/2022/).first()).toBeVisible();
  await expect(main.getByRole('table').first()).toContainText('Butuh Perbaikan');
  await expect(page).toHaveTitle('Jenjang · Bantuan');
  await expectReadableGuide(page);

  // A profile belongs to the Pegawai screen: F1 there opens its chapter.
  const list = await jenjang.call<{ rows: Array<{ id: number; fullName: string }> }>('employees:list', { limit: 1 });
  const employee = firstRow(list.rows, 'the demo district has employees');
  await jenjang.open(page, `#/pegawai/${employee.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(employee.fullName);
  await expect(help).toHaveAttribute('href', '#/bantuan/pegawai');
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/#\/bantuan\/pegawai$/);
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Pegawai');
  await expect(main.getByRole('heading', { name: 'Daftar Urut Kepangkatan' })).toBeVisible();
  await expect(main.getByText(/PP 15\/1979/).first()).toBeVisible();

  await jenjang.open(page, '#/suksesi');
  // F1 is heard once the shell has drawn this screen (its Bantuan link then points at the screen's chapter).
  await expect(help).toHaveAttribute('href', '#/bantuan/suksesi');
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/#\/bantuan\/suksesi$/);
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Suksesi');

  // The whole guide: the contents lead to each chapter, a chapter leads back.
  await main.getByRole('link', { name: '‹ Seluruh panduan' }).click();
  await expect(page).toHaveURL(/#\/bantuan$/);
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Panduan Pengguna Jenjang');
  for (const chapter of GUIDE_CHAPTERS) await expect(main.getByRole('heading', { level: 2, name: chapter.title, exact: true })).toBeVisible();
  await expectReadableGuide(page);
  await main.getByRole('listitem').filter({ hasText: 'ringkasan pegawai dan proyeksi pensiun' }).getByRole('link', { name: 'Beranda' }).click();
  await expect(page).toHaveURL(/#\/bantuan\/beranda$/);
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Beranda');
  expect(problems).toEqual([]);
});

test('Cetak panduan prints the whole guide on A4, every chapter from a new page', async ({ page, jenjang }, testInfo) => {
  await jenjang.open(page, '#/bantuan/laporan');
  await page.evaluate(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => { (window as unknown as { printCalls: number }).printCalls++; };
  });
  await page.getByRole('button', { name: 'Cetak panduan' }).click();
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

  // What the print dialog gets: the page as print media lays it out.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Menu utama' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cetak panduan' })).toBeHidden();
  const file = testInfo.outputPath('panduan.pdf');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const info = pdfInfo(file);
  expect(info.pageSize).toContain('(A4)');
  expect(info.pages).toBeGreaterThan(GUIDE_CHAPTERS.length);
  const pages = pdfText(file).split('\f').map((p) => p.trim());
  expect(pages[0].split('\n')[0].trim()).toBe('Panduan Pengguna Jenjang');
  for (const chapter of GUIDE_CHAPTERS) {
    // At least one: a section of another chapter named like a chapter (Pengaturan › Suksesi) may also head a page.
    expect(pages.filter((p) => p.split('\n')[0].trim() === chapter.title).length, `chapter ${chapter.title} starts a page`).toBeGreaterThanOrEqual(1);
  }
  expect(pages.join('\n')).not.toMatch(/Menu utama|Manajemen Karier ASN|‹/);
});
