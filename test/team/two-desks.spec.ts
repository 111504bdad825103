// Two people, two browsers, one web host: both open Pengaturan › Keamanan, both change it; the second to save is
// told who saved first and when, nothing of theirs is written, and "Muat ulang" shows what is stored now.

import type { Page } from '@playwright/test';
import { expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

const PEOPLE = [
  { username: 'sri', fullName: 'Sri Wahyuni', password: 'kata-sandi-sri-baru' },
  { username: 'budi', fullName: 'Budi Santoso', password: 'kata-sandi-budi-baru' },
];

test('the second of two desks saving Pengaturan › Keamanan is refused with who saved first; Muat ulang shows it', async ({ browser, jenjang }) => {
  await jenjang.call('app:dismissDemoOffer', {});
  // Two Administrators, each past the first-login password change.
  for (const person of PEOPLE) {
    const first = `${person.password}-awal`;
    await jenjang.call('accounts:create', { username: person.username, fullName: person.fullName, nip: null, role: 'administrator', scopeUnitId: null, password: first });
    const session = await jenjang.login({ username: person.username, password: first });
    const changed = await jenjang.callWith(session, 'auth:changePassword', { currentPassword: first, newPassword: person.password });
    expect(changed.ok).toBe(true);
  }
  const open = async (person: (typeof PEOPLE)[number]): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await jenjang.open(page, '#/pengaturan', { as: { username: person.username, password: person.password } });
    await expect(page.getByRole('region', { name: 'Akun', exact: true })).toContainText(person.fullName);
    return page;
  };
  const sri = await open(PEOPLE[0]);
  const budi = await open(PEOPLE[1]);
  const problems = [...watchConsole(sri), ...watchConsole(budi)];
  const security = (page: Page) => page.getByRole('region', { name: 'Keamanan', exact: true });
  const idle = (page: Page) => security(page).getByLabel('Kunci otomatis setelah (menit)');
  await expect(idle(sri)).toHaveValue(/\d+/);
  await expect(idle(budi)).toHaveValue(/\d+/);

  // Budi starts changing the form; Sri changes it too and saves first.
  await idle(budi).fill('25');
  await idle(sri).fill('17');
  await expect(idle(sri)).toHaveValue('17');
  await security(sri).getByRole('button', { name: 'Simpan' }).click();
  await expect(security(sri).getByRole('button', { name: 'Simpan' })).toBeDisabled();

  await security(budi).getByRole('button', { name: 'Simpan' }).click();
  const alert = security(budi).getByRole('alert');
  await expect(alert).toContainText(/^Pengaturan keamanan ini sudah diubah oleh Sri Wahyuni pada \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\. Muat ulang, lalu ulangi perubahan Anda\./);
  await saveArtifact(budi, 'dua-meja-pengaturan-keamanan');
  expect((await jenjang.call<{ idleLockMinutes: number }>('accounts:securitySettings', {})).idleLockMinutes).toBe(17);

  await alert.getByRole('button', { name: 'Muat ulang' }).click();
  await expect(idle(budi)).toHaveValue('17');
  await expect(security(budi).getByRole('alert')).toHaveCount(0);

  // From what is stored now, Budi's change goes through.
  await idle(budi).fill('25');
  await security(budi).getByRole('button', { name: 'Simpan' }).click();
  await expect(security(budi).getByRole('button', { name: 'Simpan' })).toBeDisabled();
  expect((await jenjang.call<{ idleLockMinutes: number }>('accounts:securitySettings', {})).idleLockMinutes).toBe(25);
  expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
});
