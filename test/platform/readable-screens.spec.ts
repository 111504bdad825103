// What the screens show must be readable as an officer reads it: no text cut off without its full version on
// hover, list columns that can be widened, chart labels that never overlap, chart numbers in Indonesian form,
// scales that hold every bar, figures that never wrap alone onto a row, and NIPs and counts written the way
// documents write them.

import type { Page } from '@playwright/test';
import { formatNip } from '../../shared/domain/nip';
import type { EmployeeRow } from '../../shared/schemas/employees';
import { expect, firstRow, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 1500 });

/** Text ending in "…" (CSS or a chart label) whose full text is not there on hover. */
async function unreadableTruncations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const norm = (t: string) => t.replace(/[▲▼]/g, '').replace(/\s+/g, ' ').trim();
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (element.closest('svg') || getComputedStyle(element).textOverflow !== 'ellipsis') continue;
      if (element.scrollWidth <= element.clientWidth + 1) continue;
      const text = norm(element.textContent ?? '');
      if (!text) continue;
      let title: string | null = null;
      for (let node: HTMLElement | null = element; node && title === null; node = node.parentElement) title = node.getAttribute('title');
      if (title === null || !norm(title).includes(text)) problems.push(`"${text}" shows "…" and hovers ${title === null ? 'nothing' : `"${title}"`}`);
    }
    for (const label of Array.from(document.querySelectorAll('svg text'))) {
      const shown = Array.from(label.childNodes).filter((n) => n.nodeName !== 'title').map((n) => n.textContent).join('');
      if (shown.includes('…') && !label.querySelector('title')?.textContent) problems.push(`chart label "${shown}" without its full name`);
    }
    return problems;
  });
}

/** Axis labels of one chart axis that cover each other (slanted labels are spaced by construction). */
async function overlappingAxisLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const axis of Array.from(document.querySelectorAll('.recharts-cartesian-axis-tick-labels'))) {
      const labels = Array.from(axis.querySelectorAll('text'))
        .filter((t) => !t.getAttribute('transform'))
        .map((t) => ({ text: Array.from(t.childNodes).filter((n) => n.nodeName !== 'title').map((n) => n.textContent).join(''), box: t.getBoundingClientRect() }))
        .filter((l) => l.box.width > 0);
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i].box;
          const b = labels[j].box;
          if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) {
            problems.push(`"${labels[i].text}" covers "${labels[j].text}"`);
          }
        }
      }
    }
    return problems;
  });
}

/** Every number on a chart axis, value label or tooltip-free legend, as the page shows it. */
async function chartNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.recharts-cartesian-axis-tick-labels text, .recharts-polar-radius-axis-tick text, .recharts-label-list text, text.chart-target-label'))
    .map((t) => Array.from(t.childNodes).filter((n) => n.nodeName !== 'title').map((n) => n.textContent).join('').trim())
    .filter((t) => /\d/.test(t) && !/[A-Za-z]{2,}/.test(t.replace(/ (jt|JP)$/, ''))));
}

const INDONESIAN_NUMBER = /^(\d{4}|-?\d{1,3}(\.\d{3})*(,\d+)?(%| jt| JP)?)$/;

async function expectIndonesianChartNumbers(page: Page, where: string): Promise<void> {
  await expect(page.locator('.recharts-cartesian-axis-tick-labels text, .recharts-polar-radius-axis-tick text').first()).toBeVisible();
  const numbers = await chartNumbers(page);
  expect(numbers.length, `${where}: charts show numbers`).toBeGreaterThan(0);
  expect(numbers.filter((n) => !INDONESIAN_NUMBER.test(n)), `${where}: numbers not in Indonesian form`).toEqual([]);
}

test('cut text has its full text on hover, list columns can be widened, chart labels never overlap', async ({ page, jenjang }) => {
  test.setTimeout(300_000); // five screens of a 1,500-employee district
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1180, height: 900 });

  // Pegawai: position and unit names are longer than their columns.
  await jenjang.open(page, '#/pegawai');
  const grid = page.getByRole('grid', { name: 'Daftar pegawai' });
  await expect(grid.getByRole('row').nth(5)).toBeVisible();
  expect(await unreadableTruncations(page)).toEqual([]);
  const cut = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.vtable-row .vtable-cell:nth-child(4)'))
    .filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => ({ text: c.textContent, title: c.title })));
  const longest = firstRow(cut, 'some position names are wider than the Jabatan column at this width');
  expect(longest.title).toBe(longest.text);

  // The Jabatan column widens from the keyboard until that name fits, and keeps its width after a reload.
  const header = grid.getByRole('columnheader', { name: /Jabatan/ });
  const before = (await header.boundingBox())!.width;
  const handle = grid.getByRole('separator', { name: 'Lebar kolom Jabatan' });
  await handle.focus();
  const stillCut = () => page.evaluate((text) => Array.from(document.querySelectorAll<HTMLElement>('.vtable-row .vtable-cell:nth-child(4)'))
    .some((c) => c.textContent === text && c.scrollWidth > c.clientWidth + 1), longest.text);
  for (let i = 0; i < 30 && (await stillCut()); i++) await page.keyboard.press('ArrowRight');
  expect(await stillCut()).toBe(false);
  const widened = (await header.boundingBox())!.width;
  expect(widened).toBeGreaterThan(before);
  await saveArtifact(page, 'pegawai-kolom-dilebarkan');
  await page.reload();
  await expect(grid.getByRole('row').nth(5)).toBeVisible();
  expect(Math.abs((await header.boundingBox())!.width - widened)).toBeLessThan(2);

  // And with the mouse, dragging its edge.
  const unitHeader = grid.getByRole('columnheader', { name: /Unit kerja/ });
  const unitBefore = (await unitHeader.boundingBox())!.width;
  const unitEdge = grid.getByRole('separator', { name: 'Lebar kolom Unit kerja' });
  await unitEdge.scrollIntoViewIfNeeded();
  const edge = (await unitEdge.boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + 120, edge.y + edge.height / 2, { steps: 5 });
  await page.mouse.up();
  expect((await unitHeader.boundingBox())!.width).toBeGreaterThan(unitBefore + 80);

  // Peta Kompetensi: long unit names in the heatmap.
  await jenjang.open(page, '#/peta-kompetensi');
  await expect(page.getByRole('table', { name: 'Peta panas kompetensi' }).getByRole('row').nth(3)).toBeVisible();
  expect(await unreadableTruncations(page)).toEqual([]);
  const unitColumn = page.getByRole('table', { name: 'Peta panas kompetensi' }).getByRole('columnheader', { name: /Unit kerja/ });
  const heatBefore = (await unitColumn.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Lebar kolom Unit kerja' }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  expect((await unitColumn.boundingBox())!.width).toBeGreaterThan(heatBefore + 60);

  // Kinerja and Suksesi: perangkat daerah down the side of the bar charts.
  await jenjang.open(page, '#/kinerja');
  await expect(page.getByTestId('unit-predikat-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  expect(await overlappingAxisLabels(page)).toEqual([]);
  expect(await unreadableTruncations(page)).toEqual([]);
  await jenjang.open(page, '#/suksesi');
  await expect(page.getByRole('region', { name: 'Ringkasan per perangkat daerah' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  expect(await overlappingAxisLabels(page)).toEqual([]);
  expect(await unreadableTruncations(page)).toEqual([]);
  await saveArtifact(page, 'suksesi-label-opd');

  // The profile: contact details are never cut.
  await jenjang.open(page, '#/pegawai/7');
  await expect(page.getByTestId('profile-name')).toBeVisible();
  expect(await unreadableTruncations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('Beranda keeps PNS golongan apart from PPPK grades, and no figure or card wraps alone onto a row', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const stats = await jenjang.call<{ employees: { byGolongan: Record<string, number> } }>('stats:overview', {});
  const pppkGrades = Object.entries(stats.employees.byGolongan).filter(([label, n]) => !label.includes('/') && label !== 'Tanpa golongan' && n > 0).map(([label]) => label);
  expect(pppkGrades.length, 'the demo district has PPPK employees').toBeGreaterThan(0);

  for (const width of [1400, 1180, 960]) {
    await page.setViewportSize({ width, height: 900 });
    await jenjang.open(page);
    const pns = page.getByTestId('golongan-pns-chart');
    await expect(pns.locator('.recharts-bar-rectangle').first()).toBeVisible();
    const tickText = (chart: typeof pns) => chart.locator('.recharts-xAxis-tick-labels text')
      .evaluateAll((texts) => texts.map((t) => t.querySelector('title')?.textContent ?? t.textContent ?? ''));
    const pnsLabels = await tickText(pns);
    expect(pnsLabels).toHaveLength(17);
    expect(pnsLabels.every((l) => /^(I|II|III|IV)\/[a-e]$/.test(l))).toBe(true);
    expect(await tickText(page.getByTestId('golongan-pppk-chart'))).toEqual(pppkGrades);

    // Rows of figures and of cards: one alone on a row only when it spans the whole row.
    const rows = await page.evaluate(() => [...document.querySelectorAll('.stat-grid'), ...document.querySelectorAll('.cards')].map((container) => {
      const width = container.getBoundingClientRect().width;
      const byTop = new Map<number, number[]>();
      for (const child of Array.from(container.children)) {
        const box = child.getBoundingClientRect();
        byTop.set(Math.round(box.top), [...(byTop.get(Math.round(box.top)) ?? []), box.width / width]);
      }
      return [...byTop.values()];
    }));
    for (const container of rows) {
      for (const row of container) if (row.length === 1) expect(row[0], `a row at ${width}px holds one tile that does not fill it`).toBeGreaterThan(0.95);
    }
    if (width === 1400) await saveArtifact(page, 'beranda-golongan-pns-pppk');
  }
  expect(problems).toEqual([]);
});

test('chart numbers read the Indonesian way, a JP chart holds its tallest bar, counts and NIPs are written as documents write them', async ({ page, jenjang }) => {
  test.setTimeout(300_000); // every chart screen of a 1,500-employee district
  const problems = watchConsole(page);

  // Kinerja: the share scale ends at exactly 100%, whatever the rounding of its parts adds up to.
  await jenjang.open(page, '#/kinerja');
  const predikat = page.getByTestId('predikat-chart');
  await expect(predikat.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(predikat.locator('.recharts-yAxis-tick-labels text')).toHaveText(['0%', '25%', '50%', '75%', '100%']);
  await expectIndonesianChartNumbers(page, 'Kinerja (persentase)');
  await page.getByRole('region', { name: 'Sebaran predikat per tahun' }).getByRole('button', { name: 'Jumlah' }).click();
  await expectIndonesianChartNumbers(page, 'Kinerja (jumlah)');

  for (const [hash, where] of [['#/', 'Beranda'], ['#/peta-kompetensi?tab=jpm', 'Distribusi JPM'], ['#/suksesi', 'Suksesi'],
    ['#/pengembangan?tab=diklat', 'Diklat'], ['#/pengembangan?tab=idp', 'Rencana pengembangan'], ['#/pengembangan?tab=mutasi', 'Mutasi']] as const) {
    await jenjang.open(page, hash);
    await expectIndonesianChartNumbers(page, where);
  }

  // A year far above 20 JP stays inside the scale, and the target's label stays clear of the axis.
  const someone = firstRow((await jenjang.call<{ rows: EmployeeRow[] }>('employees:list', { status: ['active'], employmentType: ['PNS'], limit: 1, offset: 20 })).rows, 'the demo has active PNS');
  await jenjang.call('training:save', {
    employeeId: someone.id,
    input: { title: 'Pelatihan Kepemimpinan Administrator', type: 'pka', provider: 'BPSDM Provinsi', startDate: '2025-03-03', endDate: '2025-06-27', jp: 130, cost: null, certificateNumber: 'PKA/2025/017', catalogId: null },
  });
  const training = await jenjang.call<{ years: Array<{ year: number; jp: number }> }>('training:ofEmployee', { employeeId: someone.id });
  const highest = Math.max(...training.years.map((y) => y.jp));
  expect(highest).toBeGreaterThanOrEqual(130);
  await jenjang.open(page, `#/pegawai/${someone.id}?tab=diklat`);
  const chart = page.getByTestId('jp-year-chart');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const ticks = (await chart.locator('.recharts-yAxis-tick-labels text').allTextContents()).map((t) => Number(t.replace(/\./g, '').replace(',', '.')));
  expect(Math.max(...ticks)).toBeGreaterThanOrEqual(highest);
  const target = (await chart.locator('text.chart-target-label').boundingBox())!;
  for (const tick of await chart.locator('.recharts-yAxis-tick-labels text').all()) {
    const box = (await tick.boundingBox())!;
    expect(target.x > box.x + box.width || target.x + target.width < box.x || target.y > box.y + box.height || target.y + target.height < box.y, 'the "20 JP" label clears the axis labels').toBe(true);
  }
  const axisLine = (await chart.locator('.recharts-yAxis .recharts-cartesian-axis-line').boundingBox())!;
  expect(target.x).toBeGreaterThan(axisLine.x + axisLine.width);
  await expect(chart.locator('text.chart-target-label')).toHaveText('20 JP');
  await saveArtifact(page, 'profil-jp-per-tahun');

  // The audit log groups counts the demo wrote as plain digits.
  await jenjang.open(page, '#/pengaturan');
  await expect(page.getByRole('list', { name: 'Log perubahan' })).toContainText('Memuat data demo Kabupaten Sindangraja: 1.500 pegawai');

  // NIPs are grouped in the IDP header and the succession candidate lists.
  const plans = await jenjang.call<{ rows: Array<{ id: number; nip: string }> }>('plans:list', { year: 2026, limit: 1 });
  const plan = firstRow(plans.rows, 'the demo has development plans for 2026');
  await jenjang.open(page, `#/pengembangan?tab=idp&plan=${plan.id}`);
  await expect(page.getByRole('dialog', { name: /Rencana pengembangan 2026/ })).toContainText(`NIP ${formatNip(plan.nip)}`);
  const overview = await jenjang.call<{ positions: Array<{ positionId: number; incumbent: { nip: string } | null }> }>('succession:overview', {});
  const held = firstRow(overview.positions.filter((p) => p.incumbent), 'the demo has key positions with an incumbent');
  await jenjang.open(page, `#/suksesi/jabatan/${held.positionId}`);
  await expect(page.getByText(`NIP ${formatNip(held.incumbent!.nip)}`)).toBeVisible();
  const candidate = page.getByTestId('ranked-candidate').first();
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText(/\d{8} \d{6} \d \d{3}/);
  await expect(candidate).not.toContainText(/\d{18}/);
  expect(problems).toEqual([]);
});
