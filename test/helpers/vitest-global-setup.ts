import { removeTestKeyStore } from './test-key-store';

/** The run's key folder (created by useTestKeyStore in vitest.config.ts) goes when the run ends. */
export default function globalSetup(): () => void {
  const folder = process.env.JENJANG_TEST_CONFIG_DIR;
  return () => {
    if (folder) removeTestKeyStore(folder);
  };
}
