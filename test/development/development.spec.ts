import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { formatNip } from '../../shared/domain/nip';
import { formatDateId, formatNumberId } from '../../shared/format/id-format';
import { developerNotes } from '../helpers/developer-notes';
import { dateText, expect, firstRow, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

// Pengembangan end to end, on three days: the end of November, 6 December and early January. The promotion rule
// and the default years of the screens change with the month; each day gets its own demo district.
const DAYS = ['2026-11-28', '2026-12-06', '2027-01-05'] as const;

interface Below { rows: Array<{ employeeId: number; nip: string; name: string; jp: number; shortfall: number }> }
interface Proposal { items: Array<{ kind: string; competencyCode: string | null; activity: string; catalogId: number | null }>; existingPlanId: number | null }
interface Compliance { year: number; compliant: number; below: number }
interface PromotionList { period: string; deadline: string; skpYears: number[]; counts: { eligible: number; blocked: number }; rows: Array<{ nip: string }> }

/** No channel name, code with underscores, unformatted decimal, misspelt competency name or developer note on a screen. */
async function expectNoInternalText(area: Locator, where: string) {
  const text = await area.innerText();
  const leaks = [...(text.match(/\b[a-z]+:[a-z][A-Za-z]+\b|\b[a-z]+_[a-z0-9_]+\b|Kerjasama|\b\d+\.\d\b(?![.\d])/g) ?? []), ...developerNotes(text)];
  expect(leaks, `internal text on ${where}`).toEqual([]);
}

for (const today of DAYS) {
  test.describe(`as of ${today}`, () => {
    test.use({ demoEmployees: 800, today });
    // Each test builds its own 800-employee district for its day, and the IDP test looks for a suitable employee
    // through the API first: on a loaded 2-core machine that alone can take a minute.
    test.describe.configure({ timeout: 180_000 });
    const shot = (page: Page, name: string) => saveArtifact(page, today === DAYS[0] ? name : `${name}-${today}`);

    test('IDP from competency gaps, an item completed by recording the training, and the JP compliance moves', async ({ page, jenjang }) => {
      const problems = watchConsole(page);
      // The year the Diklat tab opens on (the latest with trainings), and a day in it on or before today.
      const before = await jenjang.call<Compliance>('training:compliance', {});
      const year = before.year;
      const trainingDay = year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;

      // A demo employee below 20 JP that year, with competency gaps and no plan yet.
      const below = await jenjang.call<Below>('training:below', { year, limit: 200 });
      let person: Below['rows'][number] | undefined;
      for (const row of below.rows) {
        const proposal = await jenjang.call<Proposal>('plans:propose', { employeeId: row.employeeId, year });
        if (!proposal.existingPlanId && proposal.items.some((i) => i.kind === 'gap' && i.catalogId !== null) && row.shortfall <= 30) {
          person = row;
          break;
        }
      }
      expect(person, 'a demo employee below target with gaps').toBeDefined();

      await jenjang.open(page, '#/pengembangan?tab=diklat');
      await expect(page.getByRole('heading', { level: 1, name: 'Pengembangan' })).toBeVisible();
      await expect(page.getByTestId('jp-compliant')).toHaveText(formatNumberId(before.compliant));
      await expect(page.getByRole('region', { name: /Pemenuhan 20 JP per unit/ }).locator('.recharts-bar-rectangle').first()).toBeVisible();
      await expectNoInternalText(page.locator('main'), 'the Diklat tab');
      await shot(page, 'pengembangan-diklat');

      // Tab IDP: the catalogue names the competencies as the dictionary spells them.
      await page.getByRole('tab', { name: 'Rencana Pengembangan (IDP)' }).click();
      const catalogue = page.getByRole('table', { name: 'Daftar katalog pengembangan' });
      await expect(catalogue).toContainText('M.02 Kerja Sama');
      await expectNoInternalText(page.locator('main'), 'the IDP tab');

      // Propose from the gaps of the current position, keep the proposal, save.
      await page.getByRole('button', { name: 'Susun IDP…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Susun rencana pengembangan (IDP)' });
      await dialog.getByRole('combobox', { name: 'Pegawai' }).fill(person!.nip.slice(0, 14));
      await dialog.getByRole('option').filter({ hasText: person!.name }).first().click();
      await dialog.getByRole('combobox', { name: 'Tahun rencana' }).selectOption(String(year));
      await dialog.getByRole('button', { name: 'Usulkan dari kesenjangan' }).click();
      const proposed = dialog.getByRole('table', { name: 'Kegiatan yang diusulkan' });
      await expect(proposed.getByRole('row').nth(1)).toBeVisible();
      await expect(dialog.getByRole('heading', { name: /Usulan untuk jabatan saat ini/ })).toBeVisible();
      await expectNoInternalText(dialog, 'the IDP proposal');
      await shot(page, 'idp-usulan');
      await dialog.getByRole('button', { name: /Simpan rencana/ }).click();

      // The plan opens, its NIP written as a NIP; complete its first competency item by recording the training.
      const plan = page.getByRole('dialog', { name: new RegExp(`Rencana pengembangan ${year}`) });
      await expect(plan).toBeVisible();
      await expect(plan.getByTestId('plan-nip')).toHaveText(formatNip(person!.nip));
      const items = plan.getByRole('table', { name: `Kegiatan rencana ${year}` });
      const first = items.getByRole('row').filter({ hasText: /M\.0|SK\.01/ }).first();
      await expect(first).toContainText('Direncanakan');
      await expectNoInternalText(plan, 'the plan');
      await shot(page, 'idp-rencana');
      await first.getByRole('button', { name: 'Selesaikan' }).click();
      const training = page.getByRole('dialog', { name: 'Selesaikan kegiatan: catat diklat' });
      await expect(training.getByLabel('Nama diklat')).not.toHaveValue('');
      await training.getByLabel('Tanggal mulai').fill(dateText(trainingDay));
      await training.getByLabel('Tanggal selesai').fill(dateText(trainingDay));
      await training.getByLabel('Jam pelajaran (JP)').fill(String(Math.ceil(person!.shortfall) + 4));
      await training.getByLabel('Nomor sertifikat').fill('E2E/STTPP/001');
      await shot(page, 'idp-catat-diklat');
      await training.getByRole('button', { name: 'Simpan dan selesaikan' }).click();
      await expect(training).toBeHidden();
      await expect(items.getByRole('row').filter({ hasText: 'E2E' }).or(first)).toContainText('Selesai');
      await expect(items).toContainText('Diklat:');
      await shot(page, 'idp-item-selesai');
      await plan.getByRole('button', { name: 'Tutup' }).click();
      await page.getByRole('region', { name: /Rencana biaya per perangkat daerah terhadap pagu/ }).scrollIntoViewIfNeeded();
      await shot(page, 'idp-pagu');

      // Back on Diklat: one more employee reached 20 JP that year.
      await page.getByRole('tab', { name: 'Diklat' }).click();
      await expect(page.getByTestId('jp-compliant')).toHaveText(formatNumberId(before.compliant + 1));
      await expect(page.getByTestId('jp-below')).toHaveText(formatNumberId(before.below - 1));
      await shot(page, 'pengembangan-diklat-sesudah');

      // The profile shows the plan and the training.
      await jenjang.open(page, `#/pegawai/${person!.employeeId}?tab=idp`);
      await expect(page.getByRole('region', { name: `Rencana pengembangan ${year}` })).toContainText('Selesai');
      await expect(page.getByRole('region', { name: `Rencana pengembangan ${year}` }).getByTestId('plan-nip')).toHaveText(formatNip(person!.nip));
      await shot(page, 'profil-idp');
      await page.getByRole('tab', { name: 'Diklat' }).click();
      await expect(page.getByRole('table', { name: 'Riwayat diklat pegawai' })).toContainText('E2E/STTPP/001');
      await expect(page.getByRole('table', { name: 'Pemenuhan JP per tahun' }).getByRole('row', { name: new RegExp(`^${year}`) })).toContainText('memenuhi 20 JP');
      await shot(page, 'profil-diklat');
      expect(problems).toEqual([]);
    });

    test('Mutasi & Promosi: the nominative list for the next period and a past one, its usulan workbook, rotation candidates; mentoring with a seniority warning', async ({ page, jenjang }) => {
      const problems = watchConsole(page);
      const list = await jenjang.call<PromotionList>('careers:promotionList', { status: 'eligible', limit: 5 });
      // The SKP checked are final by the usulan deadline: 2024 and 2025 for the next period on each of the three days.
      expect(list.skpYears).toEqual([2024, 2025]);
      const firstEligible = firstRow(list.rows, `the demo district has employees eligible for KP in period ${list.period}`);
      await jenjang.open(page, '#/pengembangan?tab=mutasi');
      const promotion = page.getByRole('region', { name: 'Kenaikan pangkat reguler' });
      await expect(promotion.getByTestId('promotion-eligible')).toHaveText(formatNumberId(list.counts.eligible));
      const table = promotion.getByRole('table', { name: 'Daftar nominatif kenaikan pangkat' });
      await expect(table).toContainText(formatNip(firstEligible.nip));
      await expect(table.getByRole('columnheader', { name: 'SKP 2025' })).toBeVisible();
      await expect(promotion.getByTestId('promotion-rule')).toContainText(`batas usulan ${formatDateId(list.deadline)}`);
      await expect(promotion.getByTestId('promotion-rule')).not.toContainText('atasan langsung dan angka kredit');
      await expectNoInternalText(page.locator('main'), 'the Mutasi & Promosi tab');
      await shot(page, 'mutasi-promosi');

      const downloading = page.waitForEvent('download');
      await promotion.getByRole('button', { name: 'Ekspor usulan (XLSX)' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`usulan-kp-reguler-${list.period}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Usulan KP Reguler', 'Belum memenuhi syarat', 'Usulan KP Pilihan']);
      expect(workbook.worksheets[0].getCell('B9').value).toBe(firstEligible.nip);

      // A past period of the calendar: judged by the SKP final by its own deadline (1 Oktober 2025 → 2023 and 2024).
      const picker = promotion.getByRole('combobox', { name: 'Periode' });
      await picker.selectOption('2025-10-01');
      await expect(promotion.getByRole('heading', { name: 'Kenaikan pangkat reguler — periode 1 Oktober 2025' })).toBeVisible();
      await expect(table.getByRole('columnheader', { name: 'SKP 2023' })).toBeVisible();
      await expect(table.getByRole('columnheader', { name: 'SKP 2024' })).toBeVisible();
      await shot(page, 'mutasi-promosi-periode-lalu');
      await picker.selectOption('');
      await expect(promotion.getByRole('heading', { name: `Kenaikan pangkat reguler — periode ${formatDateId(list.period)}` })).toBeVisible();

      // Blocked, with the reason.
      await promotion.getByRole('combobox', { name: 'Tampilkan' }).selectOption('blocked');
      await expect(table).toContainText(/belum ada|pangkat tertinggi|minimal Baik/);

      // Rotation: candidates per unit and a person's position history.
      const rotation = page.getByRole('region', { name: 'Kandidat rotasi' });
      await rotation.getByRole('button', { name: 'Riwayat' }).first().click();
      await expect(page.getByRole('table', { name: 'Riwayat jabatan' })).toBeVisible();
      await shot(page, 'mutasi-rotasi-riwayat');
      await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click();

      // Mentoring: a peer as mentor is warned about, and can still be saved.
      const peers = await jenjang.call<{ rows: Array<{ id: number; fullName: string; nip: string; golongan: number | null; positionLevel: string | null }> }>('employees:list', { status: ['active'], positionKind: ['pelaksana'], golongan: [31], limit: 3 });
      expect(peers.rows.length, 'the demo district has at least two active pelaksana in III/a to pair as peers').toBeGreaterThanOrEqual(2);
      await page.getByRole('tab', { name: 'Mentoring' }).click();
      await expect(page.getByRole('region', { name: /Beban mentor/ })).toBeVisible();
      await expectNoInternalText(page.locator('main'), 'the Mentoring tab');
      await shot(page, 'mentoring');
      await page.getByRole('button', { name: 'Tambah mentoring…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tambah mentoring' });
      await dialog.getByRole('combobox', { name: 'Mentor' }).fill(peers.rows[0].nip.slice(0, 14));
      await dialog.getByRole('option').filter({ hasText: peers.rows[0].fullName }).first().click();
      await dialog.getByRole('combobox', { name: 'Mentee' }).fill(peers.rows[1].nip.slice(0, 14));
      await dialog.getByRole('option').filter({ hasText: peers.rows[1].fullName }).first().click();
      await expect(dialog.getByTestId('mentoring-warnings')).toContainText('Mentor tidak lebih senior');
      await shot(page, 'mentoring-peringatan');
      page.once('dialog', (confirm) => void confirm.accept());
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await expect(dialog).toBeHidden();
      await page.getByRole('searchbox', { name: 'Cari mentor atau mentee' }).fill(peers.rows[1].fullName.split(',')[0]);
      await expect(page.getByRole('table', { name: 'Daftar pasangan mentoring' })).toContainText('mentor tidak lebih senior');
      expect(problems).toEqual([]);
    });

    test('Pengaturan: the rotation threshold, the JP rule and the usulan deadline change what the screens count', async ({ page, jenjang }) => {
      const problems = watchConsole(page);
      const at5 = await jenjang.call<{ total: number }>('careers:rotation', { limit: 1 });
      await jenjang.open(page, '#/pengaturan');
      const section = page.getByRole('region', { name: 'Pengembangan & karier' });
      await section.getByLabel('Kandidat rotasi setelah (tahun)').fill('3');
      await section.getByLabel('Diklat yang melintasi pergantian tahun').selectOption('prorate');
      // Twelve months before the period: the SKP final by then are those of 2023 and 2024.
      await section.getByLabel('Batas usulan (bulan sebelum TMT)').fill('12');
      await section.getByRole('button', { name: 'Simpan pengaturan pengembangan' }).click();
      await expect(page.getByText('Pengaturan disimpan; JP per tahun dihitung ulang.')).toBeVisible();
      await section.getByRole('group', { name: 'Aturan periode 3' }).scrollIntoViewIfNeeded();
      await shot(page, 'pengaturan-pengembangan');
      const at3 = await jenjang.call<{ total: number; years: number }>('careers:rotation', { limit: 1 });
      expect(at3.years).toBe(3);
      expect(at3.total).toBeGreaterThan(at5.total);
      await jenjang.open(page, '#/pengembangan?tab=mutasi');
      await expect(page.getByRole('heading', { name: `Kandidat rotasi: ${formatNumberId(at3.total)} PNS` })).toBeVisible();
      const table = page.getByRole('table', { name: 'Daftar nominatif kenaikan pangkat' });
      await expect(table.getByRole('columnheader', { name: 'SKP 2023' })).toBeVisible();
      await expect(table.getByRole('columnheader', { name: 'SKP 2024' })).toBeVisible();

      // Below the 2-year minimum of PP 11/2017 Pasal 190 is refused with a reason.
      await jenjang.open(page, '#/pengaturan');
      await section.getByLabel('Kandidat rotasi setelah (tahun)').fill('1');
      await section.getByRole('button', { name: 'Simpan pengaturan pengembangan' }).click();
      await expect(section.getByRole('alert')).toContainText('Minimal 2 tahun');
      expect(problems).toEqual([]);
    });
  });
}
