import { Markdown } from '../../components/markdown';
import { href, type Route } from '../../app/router';
import { GUIDE_CHAPTERS, GUIDE_INTRODUCTION, guideLinkTarget, helpPath, type GuideChapter } from './guide';
import './bantuan.css';

/**
 * Bantuan: #/bantuan shows the whole user guide with its contents, #/bantuan/<chapter> the part for one screen.
 * "Cetak panduan" prints the whole guide whichever part is on screen: the print copy is always in the page,
 * hidden on screen, and the print rules show it alone, one chapter per A4 page onward.
 */
export function BantuanPage({ route }: { route: Route }) {
  const slug = route.segments[1];
  const chapter = slug ? GUIDE_CHAPTERS.find((c) => c.slug === slug) : undefined;
  return (
    <div className="page bantuan-page">
      <div className="bantuan-toolbar">
        {slug ? <a href={href(helpPath())}>‹ Seluruh panduan</a> : <span />}
        <button type="button" className="button" onClick={() => window.print()}>Cetak panduan</button>
      </div>
      <article className="guide guide-screen">
        {slug === undefined ? <WholeGuide /> : chapter ? <ChapterView chapter={chapter} headingOffset={0} /> : (
          <>
            <h1>Bagian panduan tidak ditemukan</h1>
            <p><a href={href(helpPath())}>Buka seluruh panduan</a></p>
          </>
        )}
      </article>
      <div className="guide guide-print">
        <WholeGuide />
      </div>
    </div>
  );
}

function WholeGuide() {
  return (
    <>
      <section className="guide-introduction">
        <Markdown source={GUIDE_INTRODUCTION.markdown} resolveLink={guideLinkTarget} />
      </section>
      {GUIDE_CHAPTERS.map((chapter) => <ChapterView key={chapter.slug} chapter={chapter} headingOffset={1} />)}
    </>
  );
}

function ChapterView({ chapter, headingOffset }: { chapter: GuideChapter; headingOffset: number }) {
  return (
    <section className="guide-chapter" data-guide-chapter={chapter.slug}>
      <Markdown source={chapter.markdown} headingOffset={headingOffset} resolveLink={guideLinkTarget} />
    </section>
  );
}
