import fs from 'node:fs';

/** A Chromium or Chrome to open the web mode in (and to run the end-to-end tests with). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  return null;
}

/** Flags that keep Chromium from calling home (this network refuses it, and the app needs none of it). */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--disable-features=Translate,MediaRouter',
];

/** How the headless printers start Chromium (also what the bench times as Chromium's own launch). */
export function printerLaunchOptions(executablePath: string) {
  return { executablePath, headless: true, args: [...QUIET_CHROMIUM_FLAGS, '--disable-gpu'] };
}
