// Deleting a whole development plan (IDP) from two desks: the plan's dialog sends the version it shows, so a plan
// another desk changed while the confirmation was open is not deleted; the refusal says who and when, "Muat ulang"
// shows the plan as it is now, and deleting it from there goes through.

import { expect, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 120 });

interface Plan { id: number; version: number; notes: string | null; items: unknown[] }

test('Hapus rencana: a plan changed by another desk meanwhile is refused with who and when, Muat ulang, then deleted', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const { rows } = await jenjang.call<{ rows: Array<{ id: number }> }>('employees:list', { limit: 1 });
  const { id } = await jenjang.call<{ id: number }>('plans:create', {
    employeeId: rows[0].id, year: 2026, notes: null,
    items: [{ requirement: 'Pelayanan publik', activity: 'Pelatihan pelayanan prima', jp: 12, estimatedCost: 750_000, targetDate: '2026-12-15' }],
  });
  await jenjang.open(page, `#/pengembangan?tab=idp&plan=${id}`);
  const dialog = page.getByRole('dialog', { name: /^Rencana pengembangan 2026/ });
  await expect(dialog.getByRole('table', { name: 'Kegiatan rencana 2026' })).toContainText('Pelatihan pelayanan prima');

  // While the confirmation is open (the page waits on it), another desk changes the plan.
  page.once('dialog', async (confirm) => {
    const seen = await jenjang.call<Plan>('plans:get', { id });
    await jenjang.call('plans:update', { id, version: seen.version, notes: 'Dibahas minggu depan' });
    await confirm.accept();
  });
  await dialog.getByRole('button', { name: 'Hapus rencana' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/^Rencana ini sudah diubah oleh .+ pada \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\. Muat ulang, lalu ulangi perubahan Anda\./);
  const kept = await jenjang.call<Plan>('plans:get', { id });
  expect(kept.items).toHaveLength(1);
  expect(kept.notes).toBe('Dibahas minggu depan');

  // Muat ulang shows the plan as it is now; deleting it from there goes through.
  await dialog.getByRole('button', { name: 'Muat ulang' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).toContainText('Catatan: Dibahas minggu depan');
  page.once('dialog', (confirm) => void confirm.accept());
  await dialog.getByRole('button', { name: 'Hapus rencana' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Rencana dihapus.')).toBeVisible();
  const after = await jenjang.callWith(await jenjang.login(), 'plans:get', { id });
  expect(after).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(problems).toEqual([]);
});
