import ExcelJS from 'exceljs';
import { TEST_TODAY } from '../today';
import { formatNip } from '../../shared/domain/nip';
import { formatNumberId } from '../../shared/format/id-format';
import { expect, firstRow, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 800 });

interface Below { rows: Array<{ employeeId: number; nip: string; name: string; jp: number; shortfall: number }> }
interface Proposal { items: Array<{ kind: string; competencyCode: string | null; activity: string; catalogId: number | null }>; existingPlanId: number | null }

test('IDP from competency gaps, an item completed by recording the training, and the JP compliance moves', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const year = Number(TEST_TODAY.slice(0, 4));

  // A demo employee below 20 JP this year, with competency gaps and no plan yet.
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
  const before = await jenjang.call<{ compliant: number; below: number }>('training:compliance', { year });

  await jenjang.open(page, '#/pengembangan?tab=diklat');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengembangan' })).toBeVisible();
  await expect(page.getByTestId('jp-compliant')).toHaveText(formatNumberId(before.compliant));
  await expect(page.getByRole('region', { name: /Pemenuhan 20 JP per unit/ }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await saveArtifact(page, 'pengembangan-diklat');

  // Tab IDP: propose from the gaps of the current position, keep the proposal, save.
  await page.getByRole('tab', { name: 'Rencana Pengembangan (IDP)' }).click();
  await page.getByRole('button', { name: 'Susun IDP…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Susun rencana pengembangan (IDP)' });
  await dialog.getByRole('combobox', { name: 'Pegawai' }).fill(person!.nip.slice(0, 14));
  await dialog.getByRole('option').filter({ hasText: person!.name }).first().click();
  await dialog.getByRole('button', { name: 'Usulkan dari kesenjangan' }).click();
  const proposed = dialog.getByRole('table', { name: 'Kegiatan yang diusulkan' });
  await expect(proposed.getByRole('row').nth(1)).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /Usulan untuk jabatan saat ini/ })).toBeVisible();
  await saveArtifact(page, 'idp-usulan');
  await dialog.getByRole('button', { name: /Simpan rencana/ }).click();

  // The plan opens; complete its first competency item by recording the training.
  const plan = page.getByRole('dialog', { name: new RegExp(`Rencana pengembangan ${year}`) });
  await expect(plan).toBeVisible();
  const items = plan.getByRole('table', { name: `Kegiatan rencana ${year}` });
  const first = items.getByRole('row').filter({ hasText: /M\.0|SK\.01/ }).first();
  await expect(first).toContainText('Direncanakan');
  await saveArtifact(page, 'idp-rencana');
  await first.getByRole('button', { name: 'Selesaikan' }).click();
  const training = page.getByRole('dialog', { name: 'Selesaikan kegiatan: catat diklat' });
  await expect(training.getByLabel('Nama diklat')).not.toHaveValue('');
  await training.getByLabel('Tanggal mulai').fill(TEST_TODAY);
  await training.getByLabel('Tanggal selesai').fill(TEST_TODAY);
  await training.getByLabel('Jam pelajaran (JP)').fill(String(Math.ceil(person!.shortfall) + 4));
  await training.getByLabel('Nomor sertifikat').fill('E2E/STTPP/001');
  await saveArtifact(page, 'idp-catat-diklat');
  await training.getByRole('button', { name: 'Simpan dan selesaikan' }).click();
  await expect(training).toBeHidden();
  await expect(items.getByRole('row').filter({ hasText: 'E2E' }).or(first)).toContainText('Selesai');
  await expect(items).toContainText('Diklat:');
  await saveArtifact(page, 'idp-item-selesai');
  await plan.getByRole('button', { name: 'Tutup' }).click();
  await page.getByRole('region', { name: /Rencana biaya per perangkat daerah terhadap pagu/ }).scrollIntoViewIfNeeded();
  await saveArtifact(page, 'idp-pagu');

  // Back on Diklat: one more employee reached 20 JP this year.
  await page.getByRole('tab', { name: 'Diklat' }).click();
  await expect(page.getByTestId('jp-compliant')).toHaveText(formatNumberId(before.compliant + 1));
  await expect(page.getByTestId('jp-below')).toHaveText(formatNumberId(before.below - 1));
  await saveArtifact(page, 'pengembangan-diklat-sesudah');

  // The profile shows the plan and the training.
  await jenjang.open(page, `#/pegawai/${person!.employeeId}?tab=idp`);
  await expect(page.getByRole('region', { name: `Rencana pengembangan ${year}` })).toContainText('Selesai');
  await saveArtifact(page, 'profil-idp');
  await page.getByRole('tab', { name: 'Diklat' }).click();
  await expect(page.getByRole('table', { name: 'Riwayat diklat pegawai' })).toContainText('E2E/STTPP/001');
  await expect(page.getByRole('table', { name: 'Pemenuhan JP per tahun' }).getByRole('row', { name: new RegExp(`^${year}`) })).toContainText('memenuhi 20 JP');
  await saveArtifact(page, 'profil-diklat');
  expect(problems).toEqual([]);
});

test('Mutasi & Promosi: the nominative list for the next period, its usulan workbook, rotation candidates; mentoring with a seniority warning', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const list = await jenjang.call<{ period: string; counts: { eligible: number; blocked: number }; rows: Array<{ nip: string }> }>('careers:promotionList', { status: 'eligible', limit: 5 });
  const firstEligible = firstRow(list.rows, `the demo district has employees eligible for KP in period ${list.period}`);
  await jenjang.open(page, '#/pengembangan?tab=mutasi');
  const promotion = page.getByRole('region', { name: 'Kenaikan pangkat reguler' });
  await expect(promotion.getByTestId('promotion-eligible')).toHaveText(formatNumberId(list.counts.eligible));
  await expect(promotion.getByRole('table', { name: 'Daftar nominatif kenaikan pangkat' })).toContainText(formatNip(firstEligible.nip));
  await saveArtifact(page, 'mutasi-promosi');

  const downloading = page.waitForEvent('download');
  await promotion.getByRole('button', { name: 'Ekspor usulan (XLSX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`usulan-kp-reguler-${list.period}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Usulan KP Reguler', 'Belum memenuhi syarat']);
  expect(workbook.worksheets[0].getCell('B9').value).toBe(firstEligible.nip);

  // Blocked, with the reason.
  await promotion.getByRole('combobox', { name: 'Tampilkan' }).selectOption('blocked');
  await expect(promotion.getByRole('table', { name: 'Daftar nominatif kenaikan pangkat' })).toContainText(/belum ada|pangkat tertinggi|minimal Baik/);

  // Rotation: candidates per unit and a person's position history.
  const rotation = page.getByRole('region', { name: 'Kandidat rotasi' });
  await rotation.getByRole('button', { name: 'Riwayat' }).first().click();
  await expect(page.getByRole('table', { name: 'Riwayat jabatan' })).toBeVisible();
  await saveArtifact(page, 'mutasi-rotasi-riwayat');
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click();

  // Mentoring: a peer as mentor is warned about, and can still be saved.
  const peers = await jenjang.call<{ rows: Array<{ id: number; fullName: string; nip: string; golongan: number | null; positionLevel: string | null }> }>('employees:list', { status: ['active'], positionKind: ['pelaksana'], golongan: [31], limit: 3 });
  expect(peers.rows.length, 'the demo district has at least two active pelaksana in III/a to pair as peers').toBeGreaterThanOrEqual(2);
  await page.getByRole('tab', { name: 'Mentoring' }).click();
  await expect(page.getByRole('region', { name: /Beban mentor/ })).toBeVisible();
  await saveArtifact(page, 'mentoring');
  await page.getByRole('button', { name: 'Tambah mentoring…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah mentoring' });
  await dialog.getByRole('combobox', { name: 'Mentor' }).fill(peers.rows[0].nip.slice(0, 14));
  await dialog.getByRole('option').filter({ hasText: peers.rows[0].fullName }).first().click();
  await dialog.getByRole('combobox', { name: 'Mentee' }).fill(peers.rows[1].nip.slice(0, 14));
  await dialog.getByRole('option').filter({ hasText: peers.rows[1].fullName }).first().click();
  await expect(dialog.getByTestId('mentoring-warnings')).toContainText('Mentor tidak lebih senior');
  await saveArtifact(page, 'mentoring-peringatan');
  page.once('dialog', (confirm) => void confirm.accept());
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: 'Cari mentor atau mentee' }).fill(peers.rows[1].fullName.split(',')[0]);
  await expect(page.getByRole('table', { name: 'Daftar pasangan mentoring' })).toContainText('mentor tidak lebih senior');
  expect(problems).toEqual([]);
});

test('Pengaturan: the rotation threshold and the JP rule change what the screens count', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const at5 = await jenjang.call<{ total: number }>('careers:rotation', { limit: 1 });
  await jenjang.open(page, '#/pengaturan');
  const section = page.getByRole('region', { name: 'Pengembangan & karier' });
  await section.getByLabel('Kandidat rotasi setelah (tahun)').fill('3');
  await section.getByLabel('Diklat yang melintasi pergantian tahun').selectOption('prorate');
  await section.getByRole('button', { name: 'Simpan pengaturan pengembangan' }).click();
  await expect(page.getByText('Pengaturan disimpan; JP per tahun dihitung ulang.')).toBeVisible();
  await section.getByRole('group', { name: 'Aturan periode 3' }).scrollIntoViewIfNeeded();
  await saveArtifact(page, 'pengaturan-pengembangan');
  const at3 = await jenjang.call<{ total: number; years: number }>('careers:rotation', { limit: 1 });
  expect(at3.years).toBe(3);
  expect(at3.total).toBeGreaterThan(at5.total);
  await jenjang.open(page, '#/pengembangan?tab=mutasi');
  await expect(page.getByRole('heading', { name: `Kandidat rotasi: ${formatNumberId(at3.total)} PNS` })).toBeVisible();

  // Below the 2-year minimum of PP 11/2017 Pasal 190 is refused with a reason.
  await jenjang.open(page, '#/pengaturan');
  await section.getByLabel('Kandidat rotasi setelah (tahun)').fill('1');
  await section.getByRole('button', { name: 'Simpan pengaturan pengembangan' }).click();
  await expect(section.getByRole('alert')).toContainText('Minimal 2 tahun');
  expect(problems).toEqual([]);
});
