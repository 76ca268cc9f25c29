import { existsSync } from 'node:fs';

/** Debian's Chromium unless CHROME_PATH names another; we never download a browser. */
export function chromePath(): string {
  const path = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH`,
    );
  }
  return path;
}

/**
 * Flags for a headless, offline, quiet Chromium: no background networking, no component or
 * update checks, so the only requests are the ones the page under test makes.
 */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];
