// A real Radicale 3.1 server (Debian package radicale) run by a test on
// loopback: its own state folder and port, started and stopped at will,
// with alice/alicepw as its only user.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './harness.mjs';

export const RADICALE = '/usr/bin/radicale';
export const USER = 'alice';
export const PASSWORD = 'alicepw';
const AUTH = 'Basic ' + Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

/** haveRadicale says whether the server is installed. */
export const haveRadicale = existsSync(RADICALE);

/**
 * skipWithoutRadicale is the node:test `skip` option: the reason to skip
 * when Radicale is missing, except under CI=true, where the test must run
 * (and fail) instead.
 */
export const skipWithoutRadicale =
  !haveRadicale && process.env.CI !== 'true'
    ? `${RADICALE} not found (apt-get install radicale); with CI=true this fails instead`
    : false;

/** The whole configuration: --config replaces /etc/radicale/config (auth = remote_user on Debian). */
function radicaleConfig(port, state) {
  return `[server]
hosts = 127.0.0.1:${port}
max_connections = 20
timeout = 30
[auth]
type = htpasswd
htpasswd_filename = ${join(state, 'users')}
htpasswd_encryption = plain
delay = 0
[rights]
type = owner_only
[storage]
type = multifilesystem
filesystem_folder = ${join(state, 'collections')}
[web]
type = none
[logging]
level = warning
`;
}

/** Radicale is one Radicale server: a state folder and a port. */
export class Radicale {
  constructor(state, port) {
    if (!haveRadicale) throw new Error(`${RADICALE} not found: CI=true needs Radicale (apt-get install radicale)`);
    this.state = state;
    this.port = port;
    this.base = `http://127.0.0.1:${port}/`;
    this.proc = null;
    this.starts = 0;
  }

  setup() {
    writeFileSync(join(this.state, 'users'), `${USER}:${PASSWORD}\n`, { mode: 0o600 });
    mkdirSync(join(this.state, 'collections'), { recursive: true });
    writeFileSync(join(this.state, 'config'), radicaleConfig(this.port, this.state));
  }

  /** start runs Radicale in its own process group and waits until it answers HTTP. */
  async start() {
    this.starts++;
    mkdirSync(ARTIFACTS, { recursive: true });
    const log = createWriteStream(join(ARTIFACTS, 'radicale.log'), { flags: 'a' });
    const proc = spawn(RADICALE, ['--config', join(this.state, 'config')], {
      detached: true, // its own process group, so stop() ends it and anything it started
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout.pipe(log);
    proc.stderr.pipe(log);
    this.proc = proc;
    this.exited = new Promise((resolve) => proc.once('exit', resolve));
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(`radicale exited with ${proc.exitCode ?? proc.signalCode} before answering; see artifacts/radicale.log`);
      }
      try {
        await fetch(this.base, { redirect: 'manual', signal: AbortSignal.timeout(1000) });
        return;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error(`radicale did not answer on ${this.base} within 15 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** stop ends the process group this test started, and waits for Radicale to exit. */
  async stop() {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const group = (sig) => { try { process.kill(-proc.pid, sig); } catch { /* already gone */ } };
    const timer = setTimeout(() => group('SIGKILL'), 5000);
    group('SIGTERM');
    await this.exited;
    clearTimeout(timer);
    this.proc = null;
  }

  async dav(method, path, { headers = {}, body } = {}) {
    const res = await fetch(new URL(path, this.base), {
      method, body, redirect: 'manual',
      headers: { Authorization: AUTH, ...headers },
    });
    const text = await res.text();
    return { status: res.status, text, headers: res.headers };
  }

  async mustDav(method, path, opts) {
    const r = await this.dav(method, path, opts);
    assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: HTTP ${r.status}\n${r.text}`);
    return r;
  }

  /** provision makes /alice/ (by the first authenticated request) and the address book. */
  async provision() {
    await this.mustDav('PROPFIND', `/${USER}/`, { headers: { Depth: '0' } });
    await this.mustDav('MKCOL', `/${USER}/contacts/`, {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>
<D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>
<D:displayname>Contacts</D:displayname></D:prop></D:set></D:mkcol>`,
    });
  }

  /** provisionCalendar makes the calendar /alice/calendar/ (meetings and tasks) named name. */
  async provisionCalendar(name) {
    await this.mustDav('MKCALENDAR', `/${USER}/calendar/`, {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>
<D:displayname>${name}</D:displayname>
<C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/></C:supported-calendar-component-set>
</D:prop></D:set></C:mkcalendar>`,
    });
  }

  /** objects returns a collection's objects as the server keeps them, by href. */
  async objects(collection) {
    const r = await this.mustDav('PROPFIND', collection, {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
    });
    const hrefs = [...r.text.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)]
      .map((m) => m[1])
      .filter((h) => !h.endsWith('/'));
    const out = new Map();
    for (const href of hrefs) out.set(href, (await this.mustDav('GET', href)).text);
    return out;
  }

  /** cards returns the address book's vCards, by href. */
  cards() {
    return this.objects(`/${USER}/contacts/`);
  }
}

/** unfold undoes vCard/iCalendar line folding (CRLF or LF followed by a space or tab). */
export const unfold = (text) => text.replace(/\r?\n[ \t]/g, '');
