// Berita acara of a Komite Talenta session: the session as the Manajemen Talenta page keeps it (talent:session),
// its date written out in words, the members, the recorded placements per box, every calibration with its reason,
// the PPK who signs, and the officer who recorded it: the logged-in account that prints it, by its full name and
// NIP, never the computer's account. The command line's reader has no account, so it cannot print one.

import { POSITION_LEVELS } from '../../../shared/domain/position';
import { boxCell, boxName, sessionStatusLabel } from '../../../shared/domain/talent';
import { todayInWordsId } from '../../../shared/format/date-words';
import type { BeritaAcaraTalentaData } from '../../../shared/reports/berita-acara-talenta.report';
import type { ReportLoader } from './types';

export const beritaAcaraTalentaLoader: ReportLoader<'berita-acara-talenta'> = async (params, { services, author }) => {
  const title = 'Berita Acara Sidang Komite Talenta';
  if (params.sidang === undefined) {
    return {
      title, parameters: [],
      content: { status: 'empty', message: 'Berita acara dicetak untuk satu sidang Komite Talenta: buka Manajemen Talenta dan pilih "Berita acara" pada sidang yang dimaksud.' },
    };
  }
  const { session, boxes, moves } = await services.talentSessions.session(params.sidang);
  const parameters = [
    { label: 'Nomor', value: session.documentNumber ?? '…………………………' },
    { label: 'Sidang', value: session.name },
    { label: 'Tahun penilaian', value: String(session.year) },
  ];
  if (!session.heldOn) {
    return { title, parameters, content: { status: 'empty', message: 'Tanggal sidang belum diisi. Ubah data sidang di halaman Manajemen Talenta (tombol "Ubah"), lalu cetak berita acara lagi.' } };
  }
  if (!author) {
    return {
      title, parameters,
      content: { status: 'empty', message: 'Berita acara mencantumkan petugas yang mencatat sidang, yaitu akun yang mencetaknya: cetak dari Jenjang (Manajemen Talenta › Berita acara) setelah masuk dengan akun petugas pencatat.' },
    };
  }
  const { numbering, poolBoxes } = await services.talent.settings();
  const describe = (box: number) => {
    const cell = boxCell(box, numbering);
    return { cell, name: boxName(cell.kinerja, cell.potensi) };
  };
  const levels = session.populationLevels?.map((code) => POSITION_LEVELS.find((l) => l.code === code)?.label ?? code);
  const population = [session.populationUnitName ?? 'seluruh perangkat daerah', levels ? `jenjang ${levels.join(', ')}` : null].filter(Boolean).join(', ');
  const identity = await services.agency.identity();
  const data: BeritaAcaraTalentaData = {
    session: {
      name: session.name, year: session.year, statusLabel: sessionStatusLabel(session.status), fixed: session.status === 'ditetapkan',
      heldOn: session.heldOn, heldOnInWords: todayInWordsId(session.heldOn), place: session.place, population, fixedAt: session.fixedAt,
    },
    members: session.members,
    placements: session.placements,
    boxes: boxes.map((b) => {
      const { cell, name } = describe(b.box);
      return { box: b.box, kinerja: cell.kinerja, potensi: cell.potensi, name, inPool: poolBoxes.includes(b.box), computed: b.computed, final: b.final };
    }),
    moves: moves.map((m) => ({
      nip: m.nip, fullName: m.fullName, positionName: m.positionName, unitName: m.unitName,
      fromBox: m.computedBox, fromName: describe(m.computedBox).name, toBox: m.finalBox, toName: describe(m.finalBox).name, reason: m.calibrationReason ?? '',
    })),
    ppk: { name: session.ppkName ?? session.fixedBy, position: session.ppkPosition, nip: session.ppkNip },
    recorder: { name: author.fullName, nip: author.nip },
    datePlace: identity.datePlace,
  };
  return { title, parameters, content: { status: 'ready', data } };
};
