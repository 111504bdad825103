// Notes meant for the people who build Jenjang, never for an officer: whether a rule's legal basis was found,
// work left to do, and the reference documents of the project. Text an officer can see (a screen, a PDF, an
// export, an import message, the user guide) never contains them; `developerNotes` lists the ones a text holds.

const DEVELOPER_NOTE_PATTERNS: readonly RegExp[] = [
  /belum (?:ter|di)konfirmasi/i,
  /dasar hukumnya belum/i,
  /mengikuti praktik umum/i,
  /\basumsi\b/i,
  // XXX counts only as the marker "XXX:": alone it is a class of the Satyalancana Karya Satya.
  /\b(?:TODO|FIXME)\b|\bXXX:/,
  /\b(?:DOMAIN|DESIGN|STYLE|RECIPE)\.md\b/,
  // The confidence marks of the rules document: [C], [U], [P], [C: …].
  /\[(?:C|U|P)(?::[^\]]*)?\]/,
  /\b(?:not (?:yet )?confirmed|regulation (?:number )?not found|no regulation found|see issue|until .+ lands)\b/i,
];

/** The developer notes a text an officer reads holds (empty when none). */
export function developerNotes(text: string): string[] {
  return DEVELOPER_NOTE_PATTERNS.flatMap((pattern) => {
    const match = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    return [...text.matchAll(match)].map((m) => m[0]);
  });
}
