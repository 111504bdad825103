// Accounts and roles as people meet them: each demo role logs in and sees only what it may use, a wrong
// password and a lockout are explained in Indonesian, the first start creates the Administrator, an account
// created in the app must choose its own password first, and the idle lock keeps a half-filled form.

import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { formatNumberId } from '../../shared/format/id-format';
import type { Role } from '../../shared/auth/roles';
import { DEMO_ACCOUNTS, expect, FIRST_ADMINISTRATOR, pickUnit, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

const ALL_SCREENS = ['Beranda', 'Pegawai', 'Peta Kompetensi', 'Kinerja', 'Manajemen Talenta', 'Suksesi', 'Pengembangan', 'Jalur Karier', 'Kualitas Data', 'Impor Data', 'Laporan', 'Pengaturan'];

/** What each role finds in the sidebar, whether it may add an employee and open a talent session (the roles of
 *  the issue). */
const EXPECTED: Record<Role, { label: string; screens: string[]; addsEmployees: boolean; opensSessions?: boolean }> = {
  administrator: { label: 'Administrator', screens: ALL_SCREENS, addsEmployees: true, opensSessions: true },
  pengelola: { label: 'Pengelola Kepegawaian', screens: ALL_SCREENS.filter((s) => s !== 'Pengaturan'), addsEmployees: true, opensSessions: true },
  komite: { label: 'Komite Talenta', screens: ['Pegawai', 'Manajemen Talenta'], addsEmployees: false },
  pimpinan: { label: 'Pimpinan', screens: ALL_SCREENS.filter((s) => s !== 'Pengaturan' && s !== 'Impor Data'), addsEmployees: false, opensSessions: false },
  operator_opd: { label: 'Operator OPD', screens: ['Pegawai', 'Laporan'], addsEmployees: true },
};

const sidebarScreens = (page: Page) =>
  page.getByRole('navigation', { name: 'Menu utama' }).locator('ul .nav-link').evaluateAll((links) => links.map((l) => (l.childNodes[1]?.textContent ?? '').trim()));

const loginForm = (page: Page) => page.getByRole('region', { name: 'Masuk ke Jenjang' });

/** Logs in from the login screen with Enter, and waits for main's answer. */
async function logIn(page: Page, username: string, password: string): Promise<void> {
  const form = loginForm(page);
  await form.getByLabel('Nama pengguna').fill(username);
  await form.getByLabel('Kata sandi').fill(password);
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth%3Alogin') || response.url().endsWith('/api/auth:login'));
  await form.getByLabel('Kata sandi').press('Enter');
  await answered;
}

test.describe('with the demo district', () => {
  test.use({ demoEmployees: 300 });

  test('each demo role sees only its screens and write buttons; the Operator OPD lists only its unit subtree', async ({ page, jenjang }) => {
    const problems = watchConsole(page);
    const units = await jenjang.call<{ units: Array<{ id: number; name: string; activeEmployees: number }> }>('reference:units', {});
    for (const role of Object.keys(EXPECTED) as Role[]) {
      const expected = EXPECTED[role];
      await jenjang.open(page, '#/pegawai', { as: role });
      const account = page.getByRole('region', { name: 'Akun', exact: true });
      await expect(account, role).toContainText(expected.label);
      for (const key of Object.keys(EXPECTED)) await expect(account).not.toContainText(key);
      expect(await sidebarScreens(page), role).toEqual(expected.screens);
      await expect(page.getByTestId('employee-count')).toHaveText(/pegawai$/);
      await expect(page.getByRole('button', { name: '+ Tambah pegawai' }), role).toHaveCount(expected.addsEmployees ? 1 : 0);
      await saveArtifact(page, `akun-${role}`);

      if (role === 'operator_opd') {
        const session = await jenjang.callWith(await jenjang.login('operator_opd'), 'auth:state', {});
        expect(session.ok).toBe(true);
        const scope = (session as { data: { session: { scopeUnitId: number; scopeUnitName: string } } }).data.session;
        const unit = units.units.find((u) => u.id === scope.scopeUnitId)!;
        const everyone = units.units.reduce((max, u) => Math.max(max, u.activeEmployees), 0);
        expect(unit.activeEmployees).toBeLessThan(everyone);
        await expect(account).toContainText(scope.scopeUnitName);
        await expect(page.getByTestId('employee-count')).toHaveText(`${formatNumberId(unit.activeEmployees)} pegawai`);
        // It exports the daftar nominatif of its own unit subtree: main forces the unit, so the XLSX holds exactly
        // the people the list shows.
        const downloading = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Ekspor XLSX' }).click();
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile((await (await downloading).path())!);
        let nips = 0;
        workbook.worksheets[0].eachRow((row) => {
          if (row.values && (row.values as unknown[]).some((v) => /^\d{8} \d{6} \d \d{3}$|^\d{18}$/.test(String(v ?? '')))) nips += 1;
        });
        expect(nips).toBe(unit.activeEmployees);
        // The profile report covers SKP and competency, which this role does not read: no print button.
        await page.getByTestId('vtable-viewport').focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await expect(page.getByRole('button', { name: 'Ubah data' })).toBeVisible();
        await expect(page.getByRole('link', { name: 'Cetak profil' })).toHaveCount(0);
      }
      if (role === 'pimpinan') {
        // A screen outside the role, opened by its address: no data, a plain explanation.
        await page.goto(page.url().replace(/#.*$/, '#/pengaturan'));
        await expect(page.getByRole('alert')).toContainText('Peran Pimpinan tidak dapat membuka halaman ini');
        await expect(page.getByRole('region', { name: 'Daftar akun pengguna' })).toHaveCount(0);
      }
      if (expected.opensSessions !== undefined) {
        // Sessions of the Komite Talenta are opened by the roles that prepare them (talent:draft).
        await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Manajemen Talenta' }).click();
        await expect(page.getByRole('region', { name: 'Sidang Komite Talenta' })).toBeVisible();
        await expect(page.getByRole('button', { name: '+ Buka sidang' }), role).toHaveCount(expected.opensSessions ? 1 : 0);
      }
      await account.getByRole('button', { name: 'Keluar' }).click();
      await expect(loginForm(page)).toBeVisible();
    }
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });

  test('a wrong password is refused in Indonesian, and repeated failures lock the account', async ({ page, jenjang }) => {
    await jenjang.call('accounts:create', { username: 'staf.uji', fullName: 'Staf Uji', nip: null, role: 'pengelola', scopeUnitId: null, password: 'kata-sandi-awal' });
    const { maxFailedLogins } = await jenjang.call<{ maxFailedLogins: number }>('accounts:securitySettings', {});
    await jenjang.open(page, '', { as: null });
    await expect(loginForm(page)).toBeVisible();

    await logIn(page, 'staf.uji', 'bukan-sandinya');
    const alert = loginForm(page).getByRole('alert');
    // One message for every refusal (a guessed name learns nothing), naming the lockout among the reasons.
    await expect(alert).toHaveText(/^Nama pengguna atau kata sandi salah.*terkunci sementara/);
    await expect(loginForm(page).getByLabel('Kata sandi')).toHaveValue('');
    for (let attempt = 2; attempt <= maxFailedLogins; attempt++) await logIn(page, 'staf.uji', 'bukan-sandinya');
    // Now even the right password is refused while the lockout lasts.
    await logIn(page, 'staf.uji', 'kata-sandi-awal');
    await expect(alert).toHaveText(/terkunci sementara/);
    await saveArtifact(page, 'akun-terkunci');
    await expect(page.getByRole('navigation', { name: 'Menu utama' })).toHaveCount(0);

    // The Administrator sees the lockout in Pengaturan › Akun pengguna.
    await jenjang.open(page, '#/pengaturan');
    const row = page.getByRole('table', { name: 'Akun pengguna' }).getByRole('row').filter({ hasText: 'staf.uji' });
    await expect(row).toContainText('terkunci sampai');
  });

  test('an account created in the app chooses its own password at first login', async ({ page, jenjang }) => {
    const problems = watchConsole(page);
    await jenjang.open(page, '#/pengaturan');
    const list = page.getByRole('region', { name: 'Daftar akun pengguna' });
    await list.getByRole('button', { name: '+ Tambah akun' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah akun' });
    await dialog.getByLabel('Nama pengguna').fill('opd.kesehatan');
    await dialog.getByLabel('Nama lengkap').fill('Rina Operator');
    await dialog.getByLabel('Peran').selectOption({ label: 'Operator OPD' });
    await expect(dialog.getByLabel('Peran')).toHaveAccessibleDescription(/unit kerjanya sendiri/);
    await pickUnit(dialog, 'Dinas Kesehatan');
    await dialog.getByLabel('Kata sandi awal').fill('sandi-awal-rina');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toHaveCount(0);
    const row = page.getByRole('table', { name: 'Akun pengguna' }).getByRole('row').filter({ hasText: 'opd.kesehatan' });
    await expect(row).toContainText('Operator OPD');
    await expect(row).toContainText('Dinas Kesehatan');
    await expect(row).toContainText('aktif');
    await expect(row).toContainText('belum pernah');
    await saveArtifact(page, 'akun-pengguna');

    await page.getByRole('region', { name: 'Akun', exact: true }).getByRole('button', { name: 'Keluar' }).click();
    await logIn(page, 'opd.kesehatan', 'sandi-awal-rina');
    const change = page.getByRole('region', { name: 'Ganti kata sandi' });
    await expect(change).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Menu utama' })).toHaveCount(0);
    await change.getByLabel('Kata sandi sekarang').fill('sandi-awal-rina');
    await change.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-rina-sendiri');
    await change.getByLabel('Ulangi kata sandi baru').fill('sandi-rina-beda');
    await change.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await expect(change.getByRole('alert')).toContainText('tidak sama');
    await change.getByLabel('Ulangi kata sandi baru').fill('sandi-rina-sendiri');
    await change.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    const account = page.getByRole('region', { name: 'Akun', exact: true });
    await expect(account).toContainText('Rina Operator');
    await expect(account).toContainText('Operator OPD · Dinas Kesehatan');
    expect(await sidebarScreens(page)).toEqual(EXPECTED.operator_opd.screens);

    // The new password is the one that works from now on.
    await account.getByRole('button', { name: 'Keluar' }).click();
    await logIn(page, 'opd.kesehatan', 'sandi-rina-sendiri');
    await expect(page.getByRole('region', { name: 'Akun', exact: true })).toContainText('Rina Operator');
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });

  test('the idle lock hides the app, and unlocking keeps a half-filled form', async ({ page, jenjang }) => {
    const { idleLockMinutes } = await jenjang.call<{ idleLockMinutes: number }>('accounts:securitySettings', {});
    const me = await jenjang.callWith(await jenjang.login('administrator'), 'auth:state', {});
    const fullName = (me as { data: { session: { fullName: string } } }).data.session.fullName;
    await page.clock.install();
    await jenjang.open(page, '#/pegawai/baru');
    const form = page.getByRole('form', { name: 'Formulir pegawai' });
    await form.getByLabel('Nama', { exact: true }).fill('Setengah Terisi');
    await form.getByLabel('Tempat lahir').fill('Sindangraja');

    // Input just before the limit keeps the app open.
    const pageSession = await page.evaluate(() => sessionStorage.getItem('jenjang.session'));
    await page.clock.fastForward((idleLockMinutes - 1) * 60_000);
    await form.getByLabel('Tempat lahir').press('End');
    await page.clock.fastForward((idleLockMinutes - 1) * 60_000);
    await expect(form).toBeVisible();

    await page.clock.fastForward(65_000);
    const lock = page.getByRole('region', { name: 'Jenjang terkunci' });
    await expect(lock).toBeVisible();
    await expect(lock).toContainText(fullName);
    // Nothing of the app shows through: the shell is hidden and inert, and no personal data is on screen.
    await expect(form).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Menu utama' })).toBeHidden();
    await saveArtifact(page, 'kunci-otomatis');
    // The session itself ended: the tab forgot its token, and main no longer knows it.
    expect(await page.evaluate(() => sessionStorage.getItem('jenjang.session'))).toBeNull();
    expect(pageSession).not.toBeNull();
    expect(await jenjang.callWith(pageSession, 'auth:state', {})).toMatchObject({ ok: true, data: { session: null } });

    await lock.getByLabel('Kata sandi').fill('salah-sandi');
    await lock.getByRole('button', { name: 'Buka kunci' }).click();
    await expect(lock.getByRole('alert')).toBeVisible();
    await lock.getByLabel('Kata sandi').fill(DEMO_ACCOUNTS.administrator.password);
    await lock.getByRole('button', { name: 'Buka kunci' }).click();
    await expect(lock).toHaveCount(0);
    await expect(form).toBeVisible();
    await expect(form.getByLabel('Nama', { exact: true })).toHaveValue('Setengah Terisi');
    await expect(form.getByLabel('Tempat lahir')).toHaveValue('Sindangraja');
  });
});

test.describe('on an empty database', () => {
  test.use({ demoEmployees: 0 });

  test('the first start creates the Administrator, then offers the demo', async ({ page, jenjang }) => {
    const problems = watchConsole(page);
    await jenjang.open(page, '', { as: null });
    const setup = page.getByRole('region', { name: 'Buat akun Administrator' });
    await expect(setup).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Menu utama' })).toHaveCount(0);
    await setup.getByLabel('Nama pengguna').fill(FIRST_ADMINISTRATOR.username);
    await setup.getByLabel('Nama lengkap').fill(FIRST_ADMINISTRATOR.fullName);
    await setup.getByLabel('Kata sandi', { exact: true }).fill(FIRST_ADMINISTRATOR.password);
    await setup.getByLabel('Ulangi kata sandi').fill('sandi-lain-sekali');
    await setup.getByRole('button', { name: 'Buat akun dan masuk' }).click();
    await expect(setup.getByRole('alert')).toContainText('Kedua kata sandi tidak sama');
    await setup.getByLabel('Kata sandi', { exact: true }).fill('pendek');
    await setup.getByLabel('Ulangi kata sandi').fill('pendek');
    await setup.getByRole('button', { name: 'Buat akun dan masuk' }).click();
    await expect(setup).toContainText('Kata sandi paling sedikit 10 karakter.');
    await setup.getByLabel('Kata sandi', { exact: true }).fill(FIRST_ADMINISTRATOR.password);
    await setup.getByLabel('Ulangi kata sandi').fill(FIRST_ADMINISTRATOR.password);
    await setup.getByRole('button', { name: 'Buat akun dan masuk' }).click();

    await expect(page.getByRole('dialog', { name: 'Selamat datang di Jenjang' })).toBeVisible();
    const account = page.getByRole('region', { name: 'Akun', exact: true });
    await expect(account).toContainText(FIRST_ADMINISTRATOR.fullName);
    await expect(account).toContainText('Administrator');
    const state = await jenjang.callWith(null, 'auth:state', {});
    expect(state).toMatchObject({ ok: true, data: { hasAccounts: true, session: null } });
    // The Administrator logs in with the password chosen, without being asked to change it.
    await page.getByRole('button', { name: 'Mulai dengan database kosong' }).click();
    await account.getByRole('button', { name: 'Keluar' }).click();
    await logIn(page, FIRST_ADMINISTRATOR.username, FIRST_ADMINISTRATOR.password);
    await expect(page.getByRole('region', { name: 'Akun', exact: true })).toContainText(FIRST_ADMINISTRATOR.fullName);
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});
