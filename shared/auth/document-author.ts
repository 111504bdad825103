// Who prepared a document: the author of an XLSX export ("Dibuat dengan Jenjang oleh …") and of a report's
// workbook, and the officer a berita acara names as the one who recorded the session. Always the acting account,
// by its full name and, where the account has one, its NIP. A built-in actor (the command line's reader, the system
// actor of tests and the bench) is nobody's name, so what it makes names no author.

import { formatNip } from '../domain/nip';

export interface DocumentAuthor {
  fullName: string;
  /** 18 digits; null for an account without a NIP. */
  nip: string | null;
}

/** "Rina Kartika, S.Kom. (NIP 19850101 201001 2 001)", or the name alone for an account without a NIP. */
export function documentAuthorLabel(author: DocumentAuthor): string {
  return author.nip ? `${author.fullName} (NIP ${formatNip(author.nip)})` : author.fullName;
}
