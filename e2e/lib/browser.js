// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import {before, after} from 'node:test';
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

/**
 * Opens path of the Dateline page in a fresh context of browser (downloads allowed) and collects
 * its script errors into errors. A 400 the page shows on purpose is logged by Chromium as a failed
 * resource: not a script error.
 */
export async function openPage(browser, url, viewport, errors) {
  const context = await browser.newContext({viewport, acceptDownloads: true});
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource')
    && errors.push(m.text()));
  await page.goto(url);
  return page;
}

/**
 * One browser for the test file that calls it (launched before its tests, closed after them) and
 * open(path, viewport): the Dateline page at path in a fresh context, the previous one closed;
 * script errors collect in errors.
 */
export function browserSession(base) {
  const session = {browser: null, page: null, errors: []};
  before(async () => {
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
  });
  session.open = async (path, viewport = {width: 1280, height: 900}) => {
    await session.page?.context().close();
    session.page = await openPage(session.browser, base + path, viewport, session.errors);
    return session.page;
  };
  return session;
}
