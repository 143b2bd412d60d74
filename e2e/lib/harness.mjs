// The end-to-end harness: a virtual screen (Xvfb), the real Fieldbook
// binary (dev build: real Go bindings, real SQLite) serving its UI on
// 127.0.0.1, and Debian's Chromium driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, mkdirSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** requireBinary returns the path of a needed program, or throws a clear error. */
function requireFile(path, what) {
  if (!path || !existsSync(path)) {
    throw new Error(`${what} not found at ${path || '(unset)'}: run the end-to-end tests with make e2e (or make test), which builds and installs what they need`);
  }
  return path;
}

/** freePort asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** startXvfb starts a virtual screen on a free display number. */
export async function startXvfb() {
  const xvfb = requireFile('/usr/bin/Xvfb', 'Xvfb');
  const proc = spawn(xvfb, ['-displayfd', '1', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not report its display within 10 s')), 10_000);
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) { clearTimeout(timer); resolve(':' + out.trim()); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited with ${code}`)); });
  });
  return { display, stop: () => stopProcess(proc) };
}

function stopProcess(proc, signal = 'SIGTERM') {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); }, 5000);
    proc.once('exit', () => { clearTimeout(timer); resolve(); });
    proc.kill(signal);
  });
}

/** tempDir makes a fresh folder for one test run's database. */
export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'fieldbook-e2e-'));
}

/** cli runs a headless subcommand of the binary (seed, stats, …). */
export function cli(dbPath, ...args) {
  const bin = requireFile(process.env.FIELDBOOK_BIN, 'the Fieldbook dev binary (FIELDBOOK_BIN)');
  return execFileSync(bin, ['--db', dbPath, ...args], { encoding: 'utf8' });
}

/**
 * startApp runs the real app window on display with its dev server on a
 * free port, and waits until the UI is served. Its log goes to artifacts/.
 */
export async function startApp({ display, dbPath, name = 'app' }) {
  const bin = requireFile(process.env.FIELDBOOK_BIN, 'the Fieldbook dev binary (FIELDBOOK_BIN)');
  const assets = requireFile(process.env.FIELDBOOK_ASSETS, 'the built front end (FIELDBOOK_ASSETS)');
  const port = await freePort();
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = createWriteStream(join(ARTIFACTS, `${name}.log`), { flags: 'a' });
  const proc = spawn(bin, ['--db', dbPath], {
    env: {
      ...process.env,
      DISPLAY: display,
      NO_AT_BRIDGE: '1',
      devserver: `127.0.0.1:${port}`,
      assetdir: assets,
      loglevel: 'Warning',
      LANG: 'en_US.UTF-8',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.pipe(log);
  proc.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the app exited with ${proc.exitCode} before serving its UI; see artifacts/${name}.log`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stopProcess(proc); throw new Error(`the app did not serve ${url} within 30 s`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: proc.pid,
    /** stop closes the app the way a user does (SIGTERM lets it close the database). */
    stop: () => stopProcess(proc),
    /** kill ends it at once, like a crash or a power cut. */
    kill: () => stopProcess(proc, 'SIGKILL'),
  };
}

/** launchBrowser starts Debian's Chromium headless with a fresh profile. */
export async function launchBrowser() {
  requireFile(CHROMIUM, 'Chromium (Debian package chromium)');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * openPage opens the app's UI and records every dialog and page error, so a
 * test can assert that none happened.
 */
export async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = { dialogs: [], pageErrors: [] };
  page.on('dialog', async (d) => { problems.dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => problems.pageErrors.push(`${e.message}\n${e.stack || ''}`));
  await page.goto(url);
  return { page, problems };
}
