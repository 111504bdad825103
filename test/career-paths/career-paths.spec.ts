import { dateText, expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';
import { TEST_TODAY } from '../today';

// Peta Karier end to end on the demo district: a person whom only the leadership training keeps from the next step
// turns it into an IDP from the profile, records the training by completing the item, and sees the step ready; the
// Jalur Karier screen draws the graph with its counts.

interface Peta { steps: Array<{ stepId: number; label: string; ready: boolean; checks: Array<{ key: string; met: boolean | null }> }> }
interface Graph { paths: Array<{ steps: Array<{ label: string; standing: number; ready: number }> }>; totals: { standing: number; ready: number } }

test.use({ demoEmployees: 600 });
test.describe.configure({ timeout: 180_000 });

test('Peta Karier: the missing training becomes an IDP item, is recorded, and the step becomes ready', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  // A demo employee for whom the leadership training is the only requirement of a step not met.
  let found: { employeeId: number; label: string } | null = null;
  for (let employeeId = 1; employeeId <= 600 && !found; employeeId++) {
    const peta = await jenjang.call<Peta>('paths:employee', { employeeId }).catch(() => null);
    const step = peta?.steps.find((s) => {
      const unmet = s.checks.filter((c) => c.met !== true).map((c) => c.key);
      return unmet.length === 1 && unmet[0] === 'pelatihan';
    });
    if (step) found = { employeeId, label: step.label };
  }
  expect(found, 'a demo employee whom only the leadership training keeps from a step').not.toBeNull();
  const { employeeId, label } = found!;

  await jenjang.open(page, `#/pegawai/${employeeId}?tab=peta-karier`);
  const card = page.getByRole('region', { name: `Langkah ${label}` });
  await expect(card.getByTestId('career-step-status')).toHaveText('Belum siap');
  await expect(card.getByRole('table', { name: `Syarat ${label}` })).toContainText('Belum mengikuti');
  await expect(page.locator('main')).toContainText('Jenjang tidak menyimpan formasi');
  await saveArtifact(page, 'peta-karier-sebelum');
  await card.getByRole('button', { name: 'Jadikan IDP' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'kegiatan ditambahkan ke rencana pengembangan' })).toBeVisible();

  // The plan on the profile holds the training; completing the item records it.
  await page.getByRole('tab', { name: 'Rencana Pengembangan' }).click();
  const year = TEST_TODAY.slice(0, 4);
  const plan = page.getByRole('region', { name: `Rencana pengembangan ${year}` });
  // The item made from the step names it as its requirement (a demo plan may hold other leadership items).
  const item = plan.getByRole('row').filter({ hasText: `Syarat ${label}` }).first();
  await expect(item).toContainText('Direncanakan');
  await item.getByRole('button', { name: 'Selesaikan' }).click();
  const training = page.getByRole('dialog', { name: 'Selesaikan kegiatan: catat diklat' });
  const activity = (await item.innerText()).match(/PKP \(Pelatihan Kepemimpinan Pengawas\)|PKA \(Pelatihan Kepemimpinan Administrator\)|PKN Tingkat II|PKN Tingkat I/)![0];
  await training.getByLabel('Jenis', { exact: true }).selectOption({ label: activity });
  await training.getByLabel('Tanggal mulai').fill(dateText('2026-08-01'));
  await training.getByLabel('Tanggal selesai').fill(dateText('2026-10-30'));
  await training.getByLabel('Jam pelajaran (JP)').fill('300');
  await training.getByRole('button', { name: 'Simpan dan selesaikan' }).click();
  await expect(training).toBeHidden();
  await expect(item).toContainText('Selesai');

  // Back on Peta Karier: the step is ready.
  await page.getByRole('tab', { name: 'Peta Karier' }).click();
  await expect(page.getByRole('region', { name: `Langkah ${label}` }).getByTestId('career-step-status')).toHaveText('Siap');
  await saveArtifact(page, 'peta-karier-sesudah');
  expect(problems).toEqual([]);
});

test('Jalur Karier: the graph with its counts and the steps of each path', async ({ page, jenjang }) => {
  const graph = await jenjang.call<Graph>('paths:graph', {});
  await jenjang.open(page, '#/jalur-karier');
  await expect(page.getByRole('heading', { level: 1, name: 'Jalur Karier' })).toBeVisible();
  const edges = page.getByTestId('career-edge');
  await expect(edges).toHaveCount(graph.paths.reduce((n, p) => n + p.steps.length, 0));
  const first = graph.paths[0].steps[0];
  await expect(page.getByTestId('career-step-row').filter({ hasText: first.label }).first()).toContainText(String(first.standing));
  await saveArtifact(page, 'jalur-karier');
});

interface Records { discipline: Array<{ running: boolean }>; kgb: unknown[] }

test('Administrasi Karier: a running punishment said plainly with its last day; Peta Karier is printed from its tab', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  // A demo employee serving a punishment who has a next step on the pola karier.
  let found: number | null = null;
  for (let employeeId = 1; employeeId <= 600 && found === null; employeeId++) {
    const records = await jenjang.call<Records>('employees:careerRecords', { employeeId }).catch(() => null);
    if (!records?.discipline.some((d) => d.running)) continue;
    const peta = await jenjang.call<Peta>('paths:employee', { employeeId });
    if (peta.steps.length > 0) found = employeeId;
  }
  expect(found, 'a demo employee serving a punishment, with a next step').not.toBeNull();

  await jenjang.open(page, `#/pegawai/${found}?tab=karier`);
  const banner = page.getByTestId('discipline-running');
  await expect(banner).toContainText('Sedang menjalani hukuman disiplin');
  await expect(banner).toContainText(/sampai \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/);
  await expect(page.getByRole('table', { name: 'Hukuman disiplin' })).toContainText('Sedang berjalan sampai');
  await expect(page.getByRole('region', { name: 'Riwayat kenaikan gaji berkala (KGB)' })).toBeVisible();
  await saveArtifact(page, 'administrasi-karier');

  await page.getByRole('tab', { name: 'Peta Karier' }).click();
  await expect(page.getByTestId('career-step').first()).toBeVisible();
  await page.getByRole('link', { name: 'Cetak Peta Karier' }).click();
  await expect(page).toHaveURL(/#\/laporan\/peta-karier\?nip=\d{18}$/);
  expect(problems).toEqual([]);
});
