// The user guide of docs/panduan, bundled into the renderer as text (Vite's ?raw): the same Markdown files are
// the document in the repository and the Bantuan screen, so the two never disagree.
import pendahuluan from '../../../../docs/panduan/README.md?raw';
import beranda from '../../../../docs/panduan/beranda.md?raw';
import pegawai from '../../../../docs/panduan/pegawai.md?raw';
import petaKompetensi from '../../../../docs/panduan/peta-kompetensi.md?raw';
import kinerja from '../../../../docs/panduan/kinerja.md?raw';
import manajemenTalenta from '../../../../docs/panduan/manajemen-talenta.md?raw';
import suksesi from '../../../../docs/panduan/suksesi.md?raw';
import pengembangan from '../../../../docs/panduan/pengembangan.md?raw';
import jalurKarier from '../../../../docs/panduan/jalur-karier.md?raw';
import kualitasData from '../../../../docs/panduan/kualitas-data.md?raw';
import imporData from '../../../../docs/panduan/impor-data.md?raw';
import laporan from '../../../../docs/panduan/laporan.md?raw';
import pengaturan from '../../../../docs/panduan/pengaturan.md?raw';
import akun from '../../../../docs/panduan/akun.md?raw';

export interface GuideChapter {
  /** The file name without ".md", and the address #/bantuan/<slug>. */
  slug: string;
  /** The chapter's first heading. */
  title: string;
  markdown: string;
}

function chapter(slug: string, markdown: string): GuideChapter {
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1].trim() ?? slug;
  return { slug, title, markdown };
}

/** The opening of the guide (docs/panduan/README.md): what Jenjang is, how every screen works, the contents. */
export const GUIDE_INTRODUCTION = chapter('', pendahuluan);

/** One chapter per screen of the sidebar, in its order, then the chapters about Jenjang as a whole. */
export const GUIDE_CHAPTERS: readonly GuideChapter[] = [
  chapter('beranda', beranda),
  chapter('pegawai', pegawai),
  chapter('peta-kompetensi', petaKompetensi),
  chapter('kinerja', kinerja),
  chapter('manajemen-talenta', manajemenTalenta),
  chapter('suksesi', suksesi),
  chapter('pengembangan', pengembangan),
  chapter('jalur-karier', jalurKarier),
  chapter('kualitas-data', kualitasData),
  chapter('impor-data', imporData),
  chapter('laporan', laporan),
  chapter('pengaturan', pengaturan),
  chapter('akun', akun),
];

export const HELP_ROUTE = '/bantuan';

/** The address of a screen's chapter, or of the whole guide. */
export function helpPath(slug?: string): string {
  return slug ? `${HELP_ROUTE}/${slug}` : HELP_ROUTE;
}

/**
 * Links between guide files are written as the repository reads them ("pegawai.md", "README.md"); in the app
 * they open that chapter. Other targets go through the Markdown reader's own check.
 */
export function guideLinkTarget(href: string): string | null {
  const file = /^(?:\.\/)?([a-z0-9-]+|README)\.md$/i.exec(href);
  if (!file) return /^(#\/|https?:\/\/)/i.test(href) ? href : null;
  if (file[1] === 'README') return `#${helpPath()}`;
  return GUIDE_CHAPTERS.some((c) => c.slug === file[1]) ? `#${helpPath(file[1])}` : null;
}
