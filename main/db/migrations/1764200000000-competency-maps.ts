import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres, query } from './dialect';

// Competency maps: the dictionary every office starts from (PermenPANRB 38/2017: 8 manajerial competencies
// and Perekat Bangsa), and the derived tables the Peta Kompetensi dashboard reads.
//
// Names and codes M.01–M.08 are confirmed (PermenPANRB 38/2017); the code SK.01 is common practice. The level
// descriptors are short summaries of the regulation's behavioural indicators, except Integritas level 1 which
// is quoted; the office can replace them with the annex text in Kamus Kompetensi.

const DICTIONARY: Array<[string, string, string, string, string[]]> = [
  ['M.01', 'Integritas', 'manajerial', 'Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi, jujur dalam hubungan dengan manajemen, rekan kerja, bawahan dan pemangku kepentingan.', [
    'Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi.',
    'Mampu mengingatkan dan mengajak rekan kerja bertindak sesuai nilai, norma dan etika organisasi.',
    'Mampu memastikan, menanamkan keyakinan bersama agar anggota unit kerja berperilaku sesuai nilai, norma dan etika organisasi.',
    'Mampu menciptakan situasi kerja yang membuat rekan kerja dan bawahan berperilaku sesuai nilai, norma dan etika organisasi.',
    'Mampu menjadi role model dan keteladanan penerapan standar keadilan dan etika di tingkat nasional.',
  ]],
  ['M.02', 'Kerjasama', 'manajerial', 'Kemampuan menjalin, membina, mempertahankan hubungan kerja yang efektif, memiliki komitmen saling membantu dalam penyelesaian tugas.', [
    'Berpartisipasi sebagai anggota tim yang baik, melakukan tugas dan bagiannya.',
    'Menumbuhkan tim kerja yang partisipatif dan efektif.',
    'Efektif membangun tim kerja untuk peningkatan kinerja organisasi.',
    'Membangun komitmen tim dan sinergi lintas unit.',
    'Menciptakan situasi kerja sama yang membangun sinergi untuk kepentingan nasional.',
  ]],
  ['M.03', 'Komunikasi', 'manajerial', 'Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis disertai argumentasi yang logis dengan cara yang sesuai, baik lisan maupun tertulis.', [
    'Menyampaikan informasi dengan jelas, lengkap dan pemahaman yang sama.',
    'Aktif menjalankan komunikasi secara formal dan informal; bersedia mendengarkan orang lain.',
    'Berkomunikasi secara asertif, terampil berkomunikasi lisan dan tertulis untuk menyampaikan informasi yang sensitif.',
    'Mampu mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong kesepakatan.',
    'Menggagas sistem komunikasi yang terbuka secara strategis untuk mencari solusi bagi peningkatan kinerja.',
  ]],
  ['M.04', 'Orientasi pada Hasil', 'manajerial', 'Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat diandalkan, bertanggung jawab, dan mampu mengidentifikasi risiko.', [
    'Bertanggung jawab untuk memenuhi standar kerja.',
    'Berupaya meningkatkan hasil kerja pribadi yang lebih tinggi dari standar yang ditetapkan.',
    'Menetapkan target kerja yang menantang bagi unit kerja dan memberi apresiasi atas pencapaiannya.',
    'Mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja sebelumnya.',
    'Menciptakan sistem yang menjamin kinerja organisasi secara nasional.',
  ]],
  ['M.05', 'Pelayanan Publik', 'manajerial', 'Kemampuan melaksanakan tugas pemerintahan, pembangunan dan kegiatan pemenuhan kebutuhan pelayanan publik secara profesional, transparan, mengikuti standar pelayanan yang objektif, netral, tidak memihak, tidak diskriminatif.', [
    'Menjalankan pelayanan sesuai standar operasional yang ditetapkan.',
    'Mampu mensupervisi/mengawasi, menyelia dan menjelaskan proses pelaksanaan pelayanan publik.',
    'Mampu memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan publik di lingkup unit kerja.',
    'Mampu memonitor, mengevaluasi dan memperbaiki kualitas pelayanan publik bagi instansi.',
    'Mampu menciptakan kebijakan pelayanan publik yang menjamin terselenggaranya pelayanan yang objektif dan netral.',
  ]],
  ['M.06', 'Pengembangan Diri dan Orang Lain', 'manajerial', 'Kemampuan meningkatkan pengetahuan dan menyempurnakan keterampilan diri; menginspirasi orang lain untuk mengembangkan dan menyempurnakan pengetahuan dan keterampilan yang relevan dengan kerja.', [
    'Pengembangan diri: mengikuti dan memanfaatkan pembelajaran yang tersedia.',
    'Meningkatkan kemampuan bawahan dengan memberikan contoh dan penjelasan cara melaksanakan pekerjaan.',
    'Memberikan umpan balik, membimbing dan menyusun program pengembangan bawahan.',
    'Menyusun program pengembangan jangka panjang dalam rangka mendorong manajemen pembelajaran.',
    'Menciptakan situasi yang mendorong organisasi mengembangkan kemampuan belajar secara berkelanjutan.',
  ]],
  ['M.07', 'Mengelola Perubahan', 'manajerial', 'Kemampuan menyesuaikan diri dengan situasi yang baru atau berubah dan tidak bergantung secara berlebihan pada metode dan proses lama, mengambil tindakan untuk mendukung dan melaksanakan insiatif perubahan.', [
    'Sadar mengenai perubahan yang terjadi di organisasi dan berusaha menyesuaikan diri.',
    'Proaktif beradaptasi mengikuti perubahan.',
    'Membantu orang lain mengikuti perubahan, mengantisipasi perubahan secara tepat.',
    'Memimpin perubahan pada unit kerja.',
    'Mengarahkan perubahan organisasi secara strategis dan menjadi teladan perubahan.',
  ]],
  ['M.08', 'Pengambilan Keputusan', 'manajerial', 'Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah mempertimbangkan prinsip kehati-hatian, dirumuskan secara sistematis dan seksama berdasarkan berbagai informasi, alternatif pemecahan masalah dan konsekuensinya.', [
    'Mengumpulkan informasi untuk bertindak sesuai kewenangan.',
    'Menganalisis masalah secara mendalam.',
    'Membandingkan berbagai alternatif, menyeimbangkan risiko keberhasilan dalam implementasi.',
    'Menyelesaikan masalah yang mengandung risiko tinggi, mengantisipasi dampak keputusan.',
    'Menghasilkan solusi strategis yang berdampak jangka panjang bagi organisasi dan negara.',
  ]],
  ['SK.01', 'Perekat Bangsa', 'sosial_kultural', 'Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan individu/kelompok masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam mempersatukan masyarakat.', [
    'Peka memahami dan menerima kemajemukan.',
    'Aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan.',
    'Mempromosikan, mengembangkan sikap toleransi dan persatuan.',
    'Mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan efektivitas organisasi.',
    'Wakil pemerintah untuk membangun hubungan sosial psikologis dan menjadi perekat bangsa.',
  ]],
];

/** The codes this migration seeds (migrate-db counts a database holding only these as empty). */
export const SEEDED_COMPETENCY_CODES: readonly string[] = DICTIONARY.map(([code]) => code);

const TABLES = [
  `CREATE TABLE "employee_competency_profile" ("employee_id" integer PRIMARY KEY NOT NULL, "position_id" integer, "unit_id" integer, "position_level" text, "active" boolean NOT NULL, "status" text NOT NULL, "standard_count" integer NOT NULL, "required_sum" integer NOT NULL, "assessed_count" integer NOT NULL, "achieved_sum" integer NOT NULL, "jpm" real, "category" text, CONSTRAINT "FK_ca062d402865dcd2f22a148a104" FOREIGN KEY ("employee_id") REFERENCES "employee" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  `CREATE INDEX "idx_competency_profile_position" ON "employee_competency_profile" ("position_id") `,
  `CREATE INDEX "idx_competency_profile_unit" ON "employee_competency_profile" ("unit_id", "position_level") `,
  `CREATE TABLE "competency_gap_summary" ("unit_id" integer NOT NULL, "root_unit_id" integer NOT NULL, "position_level" text NOT NULL, "competency_id" integer NOT NULL, "employees" integer NOT NULL, "assessed" integer NOT NULL, "meeting" integer NOT NULL, "gap_sum" integer NOT NULL, PRIMARY KEY ("unit_id", "position_level", "competency_id"))`,
  `CREATE INDEX "idx_competency_gap_summary_root" ON "competency_gap_summary" ("root_unit_id", "competency_id") `,
  `CREATE TABLE "competency_jpm_histogram" ("unit_id" integer NOT NULL, "position_level" text NOT NULL, "status" text NOT NULL, "bucket" text NOT NULL, "root_unit_id" integer NOT NULL, "employees" integer NOT NULL, "jpm_sum" real NOT NULL, PRIMARY KEY ("unit_id", "position_level", "status", "bucket"))`,
  `CREATE INDEX "idx_competency_jpm_histogram_root" ON "competency_jpm_histogram" ("root_unit_id") `,
];

export class CompetencyMaps1764200000000 implements MigrationInterface {
  name = 'CompetencyMaps1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of TABLES) await query(queryRunner, sql);
    for (const [index, [code, name, group, description, levels]] of DICTIONARY.entries()) {
      await query(queryRunner, 
        `INSERT INTO competency_definition (code, name, "group", description, level_descriptors, sort_order, active)
         SELECT ?, ?, ?, ?, ?, ${isPostgres(queryRunner) ? 'CAST(? AS bigint), true' : '?, 1'} WHERE NOT EXISTS (SELECT 1 FROM competency_definition WHERE code = ?)`,
        [code, name, group, description, JSON.stringify(levels), index + 1, code],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await query(queryRunner, 'DROP TABLE "competency_jpm_histogram"');
    await query(queryRunner, 'DROP TABLE "competency_gap_summary"');
    await query(queryRunner, 'DROP TABLE "employee_competency_profile"');
    await query(queryRunner, `DELETE FROM competency_definition WHERE code IN (${DICTIONARY.map(() => '?').join(',')})
      AND id NOT IN (SELECT competency_id FROM competency_assessment) AND id NOT IN (SELECT competency_id FROM position_competency_standard)`,
    DICTIONARY.map(([code]) => code));
  }
}
