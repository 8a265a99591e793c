// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import {chromium} from 'playwright-core';
import {existsSync} from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser']
  .find((p) => existsSync(p));

export async function launch() {
  if (!CHROMIUM) {
    throw new Error('no Chromium found at /usr/bin/chromium: install it with apt-get install chromium'
      + ' (or set CHROMIUM=/path/to/chromium)');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
}
