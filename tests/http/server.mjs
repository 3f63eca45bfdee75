// Starts a real `hearth serve` on an ephemeral port over a temporary SQLite file with the
// fictional demo data, and gives tests a small cookie-keeping client.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const hearthBin = process.env.HEARTH_BIN || path.join(root, 'build/dev/hearth');
export const demoPassword = 'warm-kettle-blue-door';

export async function startServer({ env = {}, demo = true } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-test-'));
  const database = process.env.HEARTH_TEST_DATABASE || `sqlite:${path.join(dir, 'hearth.db')}`;
  const baseEnv = { ...process.env, HEARTH_DATABASE: database, HEARTH_LOG_LEVEL: 'warn',
                    HEARTH_WEB_DIR: path.join(root, 'web'), ...env };
  if (demo) {
    const made = spawnSync(hearthBin, ['demo'], { env: baseEnv, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`hearth demo failed: ${made.stderr}`);
  }
  const child = spawn(hearthBin, ['serve', '--port', '0'], { env: baseEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hearth did not start: ${stderr}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving at (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`hearth exited ${code}: ${stderr}`)); });
  });
  return {
    url, dir, database, env: baseEnv, process: child,
    logs: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.on('exit', r));
        child.kill(signal);
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    hearth(args) { return spawnSync(hearthBin, args, { env: baseEnv, encoding: 'utf8' }); },
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
    const res = await this.post('/sign-in', { email, password, next: '/' });
    if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status} ${res.text.slice(0, 300)}`);
    await this.get('/');
    return res;
  }
}
