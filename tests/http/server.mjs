// Starts a real `hearth serve` on an ephemeral port over a temporary SQLite file with the
// fictional demo data, and gives tests a small cookie-keeping client.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const hearthBin = process.env.HEARTH_BIN || path.join(root, 'build/dev/hearth');
export const demoPassword = 'warm-kettle-blue-door';
// The demo's second factor (src/demo/demo_data.hpp): the key of every demo account that must have one.
export const demoSecondFactorSecret = Buffer.from('hearth-demo-key-2026');

// RFC 6238 as an authenticator app computes it (HMAC-SHA-1, six digits, 30-second steps), written
// here apart from Hearth's liboath so that each checks the other.
export function totpCode(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(at) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, '0');
}
export const stepNow = () => Math.floor(Date.now() / 30000);

// A code works once (RFC 6238 section 5.2), and tests sign the same demo account in many times: each
// sign-in takes the next step not yet used on that server's store (the server accepts one step
// either side of now), and waits for the clock when both are spent.
const usedSteps = new Map();
export async function demoCode(email, server = '', secret = demoSecondFactorSecret) {
  const key = `${server} ${email}`;
  for (;;) {
    const now = stepNow();
    const step = Math.max(now, (usedSteps.get(key) ?? 0) + 1);
    if (step <= now + 1) {
      usedSteps.set(key, step);
      return totpCode(secret, step);
    }
    await new Promise((r) => setTimeout(r, (now + 1) * 30000 - Date.now() + 50));
  }
}

// With HEARTH_TEST_PG_URL (a throwaway cluster's admin URL, see scripts/postgres-test-cluster) each
// server gets a new PostgreSQL database; otherwise a new SQLite file.
export const onPostgres = Boolean(process.env.HEARTH_TEST_PG_URL);
let databases = 0;
function psqlAdmin(sql) {
  const r = spawnSync('psql', [process.env.HEARTH_TEST_PG_URL, '-qc', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${sql}: ${r.stderr}`);
}
function pgDatabase(name) { return process.env.HEARTH_TEST_PG_URL.replace(/\/postgres$/, `/${name}`); }

// Each store's audit trail is signed with a key kept outside it (docs/decisions/0005): a SQLite
// store's is the file beside it (PATH.audit-key), which travels with each copy; on PostgreSQL every
// database a run makes shares one key file (scripts/test names it), and each server writes its
// checkpoints into its own folder.
if (onPostgres && !process.env.HEARTH_AUDIT_KEY_FILE) {
  process.env.HEARTH_AUDIT_KEY_FILE = path.join(mkdtempSync(path.join(tmpdir(), 'hearth-key-')), 'pg.audit-key');
}

// The demo store is built once (by scripts/test for the whole run, HEARTH_TEST_DEMO naming a
// SQLite file or a PostgreSQL database; or once per test file when run alone) and each server gets
// a copy: building it is most of a server's start.
let demoTemplate = process.env.HEARTH_TEST_DEMO;
export function demoCopy(dir) {
  if (!demoTemplate) {
    const made = onPostgres ? `hearth_demo_${process.pid}` : path.join(mkdtempSync(path.join(tmpdir(), 'hearth-demo-')), 'demo.db');
    if (onPostgres) psqlAdmin(`CREATE DATABASE ${made}`);
    const database = onPostgres ? pgDatabase(made) : `sqlite:${made}`;
    const r = spawnSync(hearthBin, ['demo', '--database', database], { encoding: 'utf8', env: { ...process.env, HEARTH_LOG_LEVEL: 'warn' } });
    if (r.status !== 0) throw new Error(`hearth demo failed: ${r.stderr}`);
    demoTemplate = made;
  }
  if (!onPostgres) {
    copyFileSync(demoTemplate, path.join(dir, 'hearth.db'));
    copyFileSync(`${demoTemplate}.audit-key`, path.join(dir, 'hearth.db.audit-key'));
    return `sqlite:${path.join(dir, 'hearth.db')}`;
  }
  const name = `hearth_${process.pid}_${++databases}`;
  psqlAdmin(`CREATE DATABASE ${name} TEMPLATE ${demoTemplate}`);
  return pgDatabase(name);
}
function emptyDatabase(dir) {
  if (!onPostgres) return `sqlite:${path.join(dir, 'hearth.db')}`;
  const name = `hearth_${process.pid}_${++databases}`;
  psqlAdmin(`CREATE DATABASE ${name}`);
  return pgDatabase(name);
}

// Pass `database` (another server's) to start a second instance on the same database.
export async function startServer({ env = {}, demo = true, database: shared } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-test-'));
  const database = shared || (demo ? demoCopy(dir) : emptyDatabase(dir));
  const baseEnv = { ...process.env, HEARTH_DATABASE: database, HEARTH_LOG_LEVEL: 'warn',
                    HEARTH_WEB_DIR: path.join(root, 'web'),
                    ...(onPostgres ? { HEARTH_AUDIT_CHECKPOINT_FILE: path.join(dir, 'audit-checkpoints') } : {}),
                    ...env };
  const child = spawn(hearthBin, ['serve', '--port', '0'], { env: baseEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hearth did not start: ${stderr}`)), 60000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving at (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`hearth exited ${code}: ${stderr}`)); });
  });
  // Settles with how the process ended, whoever ended it.
  const exited = new Promise((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r({ code: child.exitCode, signal: child.signalCode });
    else child.on('exit', (code, signal) => r({ code, signal }));
  });
  return {
    url, dir, database, env: baseEnv, process: child, exited,
    logs: () => stderr,
    // Signal the server and wait for it to exit, keeping the database so it can be examined.
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    // Remove the temporary folder and database (stop() does this too).
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    hearth(args) { return spawnSync(hearthBin, args, { env: baseEnv, encoding: 'utf8' }); },
    // Runs SQL against the server's database with the store's own command-line client.
    sql(query) {
      const r = onPostgres
        ? spawnSync('psql', [database, '-qAtc', query], { encoding: 'utf8' })
        // The server writes too (escalating overdue deadlines): wait for its lock, as an
        // administrator's sqlite3 would with a timeout, rather than fail at once.
        : spawnSync('sqlite3', ['-cmd', '.timeout 5000', database.replace(/^sqlite:/, ''), query], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`database client failed: ${r.stderr}`);
      return r.stdout.trim();
    },
  };
}

// A browser-like client: keeps cookies, reads the CSRF token from pages, never follows redirects.
export class Client {
  constructor(base) { this.base = base; this.cookies = new Map(); this.csrf = ''; }
  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  keep(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [k, v] = pair.split('=');
      if (attrs.some((a) => a.trim().toLowerCase() === 'max-age=0')) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
  }
  async request(method, p, { body, headers = {}, form } = {}) {
    const h = { cookie: this.cookieHeader(), ...headers };
    let payload = body;
    if (form) {
      h['content-type'] = 'application/x-www-form-urlencoded';
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ csrf_token: this.csrf, ...form })) {
        for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      }
      payload = params.toString();
    }
    const res = await fetch(this.base + p, { method, headers: h, body: payload, redirect: 'manual' });
    this.keep(res);
    const text = await res.text();
    const m = text.match(/name="csrf_token" value="([0-9a-f]+)"/);
    if (m) this.csrf = m[1];
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  }
  get(p, opts) { return this.request('GET', p, opts); }
  post(p, form, opts = {}) { return this.request('POST', p, { form, ...opts }); }
  async signIn(email, password = demoPassword) {
    await this.get('/sign-in');
    let res = await this.post('/sign-in', { email, password, next: '/' });
    if (res.status === 303 && res.headers.get('location').startsWith('/sign-in/code')) {
      await this.get(res.headers.get('location'));
      res = await this.post('/sign-in/code', { code: await demoCode(email, this.base), next: '/' });
    }
    if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status} ${res.text.slice(0, 300)}`);
    // The start page redirects to the person's home page: fetch it so this.csrf is the session's.
    const start = await this.get('/');
    const to = start.status === 303 && start.headers.get('location');
    if (to && to.startsWith('/')) await this.get(to);
    return res;
  }
}

// Signs in through the pages and creates a personal API token; returns the token text.
export async function createApiToken(client, name = 'HTTP tests', password = demoPassword) {
  await client.get('/account');
  const res = await client.post('/account/tokens', { name, expires_in_days: '90', password });
  const m = res.text.match(/<code class="hearth-token">([^<]+)<\/code>/);
  if (res.status !== 201 || !m) throw new Error(`token not created: ${res.status} ${res.text.slice(0, 300)}`);
  return m[1];
}

// A JSON API client authenticating with a bearer token.
export class Api {
  constructor(base, token) { this.base = base; this.token = token; }
  async request(method, p, { json, body, headers = {} } = {}) {
    const h = { accept: 'application/json', ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload = body;
    if (json !== undefined) {
      payload = typeof json === 'string' ? json : JSON.stringify(json);
      if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + p, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    let parsed;
    try { parsed = JSON.parse(text); } catch { parsed = undefined; }
    return { status: res.status, headers: res.headers, text, body: parsed };
  }
  get(p, opts) { return this.request('GET', p, opts); }
  post(p, json, opts = {}) { return this.request('POST', p, { json, ...opts }); }
  put(p, json, opts = {}) { return this.request('PUT', p, { json, ...opts }); }
}

// A complete, valid child record for admitting through the API or the form.
export function validChild(overrides = {}) {
  return {
    first_name: 'Robin', last_name: 'Testchild', date_of_birth: '2012-03-27', sex: 'other',
    legal_basis: 's20', placing_authority: 'Testshire County Council', admission_date: '2024-01-15',
    ...overrides,
  };
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#x2F': '/', '#47': '/', '#x3D': '=', '#61': '=', '#x60': '`', '#96': '`' };
export function unescapeHtml(s) {
  return s.replace(/&(#?[0-9a-zA-Z]+);/g, (m, e) => {
    if (e in entities) return entities[e];
    if (/^#\d+$/.test(e)) return String.fromCodePoint(Number(e.slice(1)));
    if (/^#x[0-9a-f]+$/i.test(e)) return String.fromCodePoint(parseInt(e.slice(2), 16));
    return m;
  });
}

// What a browser would submit from the page's first POST form (or the one posting to `action`):
// text and hidden inputs, checked radios and checkboxes, textareas. Lists for repeated names.
// A moment `minutesAgo` before now as the home's forms type it, in its zone: {on: '2026-05-12',
// time: '19:40'}.
export function london(minutesAgo = 0) {
  const d = new Date(Date.now() - minutesAgo * 60000);
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return { on: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export function readForm(html, action) {
  const forms = [...html.matchAll(/<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/g)];
  const form = action ? forms.find((f) => f[0].includes(`action="${action}"`)) : forms[0];
  if (!form) throw new Error(`no form${action ? ` posting to ${action}` : ''} on the page`);
  const values = {};
  const add = (name, value) => {
    if (!(name in values)) values[name] = value;
    else values[name] = [].concat(values[name], value);
  };
  const attr = (tag, name) => { const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`)); return m ? unescapeHtml(m[1]) : undefined; };
  for (const [tag] of form[1].matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = attr(tag, 'type') || 'text';
    if ((type === 'radio' || type === 'checkbox') && !/\schecked\b/.test(tag)) continue;
    add(name, attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : ''));
  }
  for (const m of form[1].matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(m[1], 'name');
    if (name) add(name, unescapeHtml(m[2]).replace(/^\n/, ''));
  }
  return values;
}

// The ids of the fictional demo's records, looked up by what people know them by, so that a test
// does not break (or pass by chance) when the demo inserts its records in another order.
// The form as the page offers it, with `fields` typed over it: a day given whole replaces the
// day's three boxes.
export function typedOver(offered, fields) {
  const out = { ...offered };
  for (const name of Object.keys(fields)) {
    for (const part of Object.keys(out)) {
      if (part.startsWith(`${name}-`)) delete out[part];
    }
  }
  return { ...out, ...fields };
}

export function demoIds(server) {
  const quote = (s) => `'${String(s).replace(/'/g, "''")}'`;
  const one = (what, query) => {
    const rows = server.sql(query).split('\n').filter(Boolean);
    if (rows.length !== 1) throw new Error(`expected one ${what}, found ${rows.length}`);
    return Number(rows[0]);
  };
  return {
    // By the name on their record or the one they go by: "Benjamin Cole" or "Ben Cole".
    child: (name) => one(`child named ${name}`, `SELECT id FROM children WHERE first_name || ' ' || last_name = ${
      quote(name)} OR (preferred_name <> '' AND preferred_name || ' ' || last_name = ${quote(name)})`),
    home: (name) => one(`home named ${name}`, `SELECT id FROM homes WHERE name = ${quote(name)}`),
    person: (email) => one(`person ${email}`, `SELECT id FROM people WHERE email = ${quote(email)}`),
  };
}
