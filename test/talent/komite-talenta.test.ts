// Komite Talenta sessions as their berita acara needs them (date, nomor, members, the PPK, the officer who
// recorded it), the berita acara through the report framework, and validation errors that name fields in
// Indonesian instead of channels and keys.

import { SYSTEM_ACTOR } from '../../shared/auth/acting';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { formatNip } from '../../shared/domain/nip';
import type { ReportDocumentOf } from '../../shared/reports/catalogue';
import { actAsNewAccount } from '../helpers/auth';
import { expectOk, openTestHost, tempDir, queryOn } from '../helpers/temp-db';

describe('Komite Talenta sessions and their berita acara', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let members: Array<{ nip: string; fullName: string }>;
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);
  const render = async (params: Record<string, string>) =>
    expectOk(await host.call('reports:render', { reportId: 'berita-acara-talenta', params })) as ReportDocumentOf<'berita-acara-talenta'>;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 400, seed: 12, demoExtensions: ['performance', 'agency'] });
    members = expectOk(await host.call('employees:list', { limit: 2 })).rows.map((r) => ({ nip: r.nip, fullName: r.fullName }));
  });
  afterAll(() => host.close());

  const openSession = async (extra: Record<string, unknown> = {}) => expectOk(await host.call('talent:createSession', {
    year: 2025, name: 'Sidang Komite Talenta 2025', heldOn: '2026-11-24', documentNumber: '800/117/BKPSDM/2026', place: 'Ruang Rapat Sekretariat Daerah',
    members: [{ name: members[0].fullName, nip: members[0].nip, role: 'Ketua' }, { name: members[1].fullName, nip: formatNip(members[1].nip), role: 'Sekretaris' }],
    ppkName: 'H. Ahmad Sutisna, S.H., M.Si.', ppkPosition: 'Bupati Sindangraja', ...extra,
  }));

  it('requires the session date, keeps nomor, place, members (NIP as digits) and the PPK', async () => {
    const missing = await host.dispatch('talent:createSession', { year: 2025, name: 'Tanpa tanggal' });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'validation', message: 'Data tidak valid: Tanggal sidang wajib diisi.' });
    const session = await openSession();
    expect(session).toMatchObject({
      heldOn: '2026-11-24', documentNumber: '800/117/BKPSDM/2026', place: 'Ruang Rapat Sekretariat Daerah', ppkName: 'H. Ahmad Sutisna, S.H., M.Si.',
      members: [{ name: members[0].fullName, nip: members[0].nip, role: 'Ketua' }, { name: members[1].fullName, nip: members[1].nip, role: 'Sekretaris' }],
    });
    const edited = expectOk(await host.call('talent:updateSession', {
      sessionId: session.id, version: session.version, name: session.name, heldOn: '2026-11-23', documentNumber: null, place: null, members: session.members,
      ppkName: session.ppkName, ppkPosition: session.ppkPosition, ppkNip: null, notes: null,
    }));
    expect(edited).toMatchObject({ heldOn: '2026-11-23', documentNumber: null, members: session.members });
  });

  it('names the field in Indonesian when a request is refused, never the channel or the key', async () => {
    const session = await openSession();
    const [{ employee_id: employeeId }] = await q('SELECT employee_id FROM talent_placement WHERE session_id = ? LIMIT 1', [session.id]);
    const cases: Array<[string, unknown, string]> = [
      ['talent:calibrate', { sessionId: session.id, employeeId, box: 8, version: 1, reason: 'ok' }, 'Data tidak valid: Alasan kalibrasi wajib diisi (minimal 10 huruf).'],
      ['talent:createSession', { year: 2025, name: 'Sidang', heldOn: '2026-11-24', members: [{ name: 'Drs. Budi', nip: '1234', role: 'Anggota' }] },
        'Data tidak valid: Anggota komite ke-1: NIP anggota harus 18 angka.'],
      ['talent:createSession', { year: 2025, name: 'Sidang', heldOn: '2026-02-30' }, 'Data tidak valid: Tanggal sidang harus tanggal yang ada (TTTT-BB-HH).'],
      ['talent:updateSettings', { numbering: 'permenpanrb', thresholds: { tinggi: 90, menengah: 78 }, poolBoxes: [], version: 0 }, 'Data tidak valid: Kotak kelompok rencana suksesi: Pilih paling sedikit satu kotak.'],
      ['performance:saveEvaluation', { employeeId, year: 2019, period: 'tahunan', regime: 'PP46_2011', legacyScore: 150 }, 'Data tidak valid: Nilai SKP harus 0–120.'],
      ['performance:savePotential', { employeeId, assessedOn: '2025-06-02', score: 101 }, 'Data tidak valid: Nilai potensi harus 0–100.'],
    ];
    for (const [channel, payload, message] of cases) {
      const result = await host.dispatch(channel, payload);
      expect(result.ok, channel).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toBe(message);
        expect(result.error.details?.issues?.length).toBeGreaterThan(0);
      }
    }
    // A channel whose fields carry no label yet still shows neither the channel nor the key.
    const other = await host.dispatch('agency:update', { identity: { governmentName: 'x'.repeat(200) }, version: 0 });
    expect(!other.ok && other.error.message).toMatch(/^Data tidak valid: /);
    expect(!other.ok && other.error.message).not.toMatch(/agency:update|governmentName/);
    const unknown = await host.dispatch('talent:calibrate', { sessionId: session.id, employeeId, box: 8, version: 1, reason: 'Alasan yang cukup panjang', drop: true });
    expect(!unknown.ok && unknown.error.message).toBe('Data tidak valid: permintaan memuat isian yang tidak dikenal');
  });

  it('prints the berita acara: date in words, members, every calibration, the PPK, and the printing account (name and NIP) as the one who recorded it', async () => {
    const session = await openSession();
    const [{ employee_id: employeeId, computed_box: from }] = await q('SELECT employee_id, computed_box FROM talent_placement WHERE session_id = ? AND computed_box <> 8 ORDER BY id LIMIT 1', [session.id]);
    const { placement } = expectOk(await host.call('talent:explain', { employeeId, year: 2025, sessionId: session.id }));
    expectOk(await host.call('talent:calibrate', { sessionId: session.id, employeeId, box: 8, version: placement!.version, reason: 'Capaian inovasi layanan sangat menonjol menurut komite' }));

    // A built-in actor has no account (the command line, the system): the document says to print it from the app
    // with the recorder's account instead of printing the computer's account or a stale free-text operator name.
    await host.services.settings.setValue('operatorName', 'Nama Operator Lama');
    const unnamed = await render({ sidang: String(session.id) });
    expect(unnamed.content).toEqual({ status: 'empty', message: expect.stringMatching(/petugas yang mencatat sidang, yaitu akun yang mencetaknya.*masuk dengan akun petugas pencatat/) });
    // The footer's "Dicetak oleh" names whoever prints (the acting person); the berita acara itself never does.
    const { printedBy: _footer, ...berita } = unnamed;
    expect(JSON.stringify(berita)).not.toContain(`"${os.userInfo().username}"`);
    expect(JSON.stringify(unnamed)).not.toContain('Nama Operator Lama');

    await actAsNewAccount(host, { username: 'rina', fullName: 'Rina Kartika, S.Kom.', nip: '199001152015032004' });
    let document: ReportDocumentOf<'berita-acara-talenta'>;
    try {
      document = await render({ sidang: String(session.id) });
    } finally {
      host.setLocalActor(SYSTEM_ACTOR);
    }
    expect(document.title).toBe('Berita Acara Sidang Komite Talenta');
    expect(document.parameters).toContainEqual({ label: 'Nomor', value: '800/117/BKPSDM/2026' });
    if (document.content.status !== 'ready') throw new Error(document.content.message);
    const data = document.content.data;
    expect(data.session.heldOnInWords).toBe('Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam');
    expect(data.members.map((m) => [m.name, m.nip, m.role])).toEqual([[members[0].fullName, members[0].nip, 'Ketua'], [members[1].fullName, members[1].nip, 'Sekretaris']]);
    expect(data.moves).toEqual([expect.objectContaining({ fromBox: from, toBox: 8, reason: 'Capaian inovasi layanan sangat menonjol menurut komite' })]);
    expect(data.boxes.reduce((a, b) => a + b.final, 0)).toBe(data.placements);
    expect(data.boxes.find((b) => b.box === 8)!.final).toBe(data.boxes.find((b) => b.box === 8)!.computed + 1);
    expect(data.ppk).toEqual({ name: 'H. Ahmad Sutisna, S.H., M.Si.', position: 'Bupati Sindangraja', nip: null });
    expect(data.recorder).toEqual({ name: 'Rina Kartika, S.Kom.', nip: '199001152015032004' });
    expect(document.preparedBy).toBe('Rina Kartika, S.Kom. (NIP 19900115 201503 2 004)');
    expect(data.session.statusLabel).toBe('Draf');

    // Another account that prints it is the one who recorded it; an account without a NIP is named alone.
    const dewi = await actAsNewAccount(host, { username: 'dewi', fullName: 'Dewi Lestari, S.Psi.', nip: null });
    try {
      const byAccount = await render({ sidang: String(session.id) });
      expect(byAccount.content.status === 'ready' && byAccount.content.data.recorder).toEqual({ name: 'Dewi Lestari, S.Psi.', nip: null });
      expect(byAccount.printedBy).toBe('Dewi Lestari, S.Psi. (dewi)');
    } finally {
      host.setLocalActor(SYSTEM_ACTOR);
    }

    // Fixing takes the PPK entered with the session; the berita acara then says it is fixed.
    const reviewed = expectOk(await host.call('talent:setSessionStatus', { sessionId: session.id, version: session.version, status: 'ditinjau' }));
    const fixed = expectOk(await host.call('talent:setSessionStatus', { sessionId: session.id, version: reviewed.version, status: 'ditetapkan' }));
    expect(fixed).toMatchObject({ status: 'ditetapkan', fixedBy: 'H. Ahmad Sutisna, S.H., M.Si.' });
    host.setLocalActor(dewi);
    try {
      const after = await render({ sidang: String(session.id) });
      expect(after.content.status === 'ready' && after.content.data.session).toMatchObject({ fixed: true, statusLabel: 'Ditetapkan' });
    } finally {
      host.setLocalActor(SYSTEM_ACTOR);
    }
  });

  it('says what is missing instead of printing half a berita acara', async () => {
    expect((await render({})).content).toEqual({ status: 'empty', message: expect.stringMatching(/buka Manajemen Talenta/) });
    const unknown = await host.call('reports:render', { reportId: 'berita-acara-talenta', params: { sidang: '99999' } });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    // A session opened before the date was required has none: fixing and printing both ask for it.
    const session = await openSession();
    await q('UPDATE talent_session SET held_on = NULL, ppk_name = NULL WHERE id = ?', [session.id]);
    expect((await render({ sidang: String(session.id) })).content).toEqual({ status: 'empty', message: expect.stringMatching(/Tanggal sidang belum diisi/) });
    const reviewed = expectOk(await host.call('talent:setSessionStatus', { sessionId: session.id, version: session.version, status: 'ditinjau' }));
    const refused = await host.call('talent:setSessionStatus', { sessionId: session.id, version: reviewed.version, status: 'ditetapkan', fixedBy: 'H. Ahmad Sutisna' });
    expect(!refused.ok && refused.error.message).toMatch(/Isi tanggal sidang sebelum menetapkan/);
  });
  it('lets Pengelola Kepegawaian submit a session to the committee, and only the committee (or the Administrator) fix it', async () => {
    const session = await openSession({ name: 'Sidang peran' });
    const as = (role: 'pengelola' | 'komite' | 'pimpinan') =>
      host.setLocalActor({ accountId: 9, username: role, fullName: `Akun ${role}`, role, scopeUnitId: null, mustChangePassword: false });
    try {
      as('pimpinan');
      const reader = await host.call('talent:setSessionStatus', { sessionId: session.id, version: session.version, status: 'ditinjau' });
      expect(!reader.ok && reader.error).toMatchObject({ code: 'forbidden', message: 'Peran Anda tidak dapat mengubah status sidang Komite Talenta.' });
      as('pengelola');
      const reviewed = expectOk(await host.call('talent:setSessionStatus', { sessionId: session.id, version: session.version, status: 'ditinjau' }));
      const fix = await host.call('talent:setSessionStatus', { sessionId: session.id, version: reviewed.version, status: 'ditetapkan' });
      expect(!fix.ok && fix.error).toMatchObject({ code: 'forbidden', message: 'Hanya Komite Talenta (atau Administrator) yang dapat menetapkan sidang.' });
      as('komite');
      expect(expectOk(await host.call('talent:setSessionStatus', { sessionId: session.id, version: reviewed.version, status: 'ditetapkan' }))).toMatchObject({ status: 'ditetapkan' });
    } finally {
      host.setLocalActor(SYSTEM_ACTOR);
    }
  });
});
