// The sections of the profile report that other capabilities fill (mirror of PROFILE_SECTION_LOADERS in
// main/reports/loaders/profil-pegawai.loader.ts). Until a capability lands its section's data type is `never`
// and the view below is never reached: the section prints its "belum ada data" sentence instead.
// A capability that lands replaces `notBuiltYet` with its view, e.g. an SKP chart drawn with ../charts.tsx.

import type { ComponentType } from 'react';
import type { ProfileSectionData, ProfileSectionKey } from '../../../../shared/reports/profil-pegawai.report';

const notBuiltYet = () => null;

export const PROFILE_SECTION_VIEWS: { [K in ProfileSectionKey]: ComponentType<{ data: ProfileSectionData<K> }> } = {
  kinerja: notBuiltYet,
  kompetensi: notBuiltYet,
  diklat: notBuiltYet,
};
