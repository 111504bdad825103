// The Electron fuses of a release: the values electron-builder.yml flips (electronFuses), by their place in
// the binary's fuse wire (@electron/fuses FuseV1Options). The smoke run reads them back from the packaged app.

export const FUSE_WIRE_INDEX = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
} as const;

export type FuseName = keyof typeof FUSE_WIRE_INDEX;

export const RELEASE_FUSES: Readonly<Partial<Record<FuseName, boolean>>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

/** The `electronFuses:` block of electron-builder.yml (flat `name: true|false` lines). */
export function fusesOfBuilderConfig(yaml: string): Record<string, boolean> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^electronFuses:\s*$/.test(line));
  const fuses: Record<string, boolean> = {};
  if (start < 0) return fuses;
  for (const line of lines.slice(start + 1)) {
    const entry = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!entry) break;
    fuses[entry[1]] = entry[2] === 'true';
  }
  return fuses;
}
