// Bad input through the JSON API and the HTML forms: each case gets a clear 4xx naming the
// problem, and nothing is saved. After every bad request the children are counted again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, Api, createApiToken, validChild } from './server.mjs';

let server;
let api;
let browser;
let countBefore;

// Children in home 1 as the API sees them, and every child row in the database.
async function counts() {
  const res = await api.get('/api/v1/homes/1/children');
  assert.equal(res.status, 200);
  return { listed: res.body.children.length, rows: Number(server.sql('SELECT count(*) FROM children')),
           versions: Number(server.sql("SELECT count(*) FROM record_versions WHERE record_type = 'child'")) };
}

async function assertNothingSaved() {
  assert.deepEqual(await counts(), countBefore, 'a bad request must not save anything');
}

// The JSON error shape the issue asks for, with the field at fault when one is expected.
function assertJsonError(res, status, field) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
  assert.match(res.headers.get('content-type') || '', /application\/json/);
  assert.ok(res.body && typeof res.body.error === 'object', `not a JSON error: ${res.text.slice(0, 200)}`);
  const e = res.body.error;
  assert.equal(typeof e.code, 'string');
  assert.ok(e.code.length > 0);
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 10, 'the message should say what is wrong');
  assert.ok('field' in e, 'the error names its field (or null)');
  if (field !== undefined) assert.equal(e.field, field, `wrong field in ${res.text}`);
  return e;
}

function tomorrowPlusYear() {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

before(async () => {
  server = await startServer();
  browser = new Client(server.url);
  await browser.signIn('manager.willow@example.org');
  api = new Api(server.url, await createApiToken(browser));
  countBefore = await counts();
  assert.ok(countBefore.listed > 0, 'the demo home has children');
});
after(async () => { await server.stop(); });

test('the valid record used below is accepted, so the rejections are about the bad part', async () => {
  // Admitting this record works and is counted; the baseline then moves on by one.
  const res = await api.post('/api/v1/homes/1/children', validChild({ first_name: 'Baseline' }));
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.first_name, 'Baseline');
  const now = await counts();
  assert.equal(now.listed, countBefore.listed + 1, 'the counting used below sees a saved child');
  assert.equal(now.rows, countBefore.rows + 1);
  countBefore = now;
});

test('malformed JSON is refused with 400 and the JSON error shape', async () => {
  for (const body of ['{"first_name": "Robin",', '{bad json}', '', '[1,2', 'null', '"text"', '[]']) {
    const res = await api.post('/api/v1/homes/1/children', body);
    const e = assertJsonError(res, 400);
    assert.equal(e.code, 'invalid_input');
    await assertNothingSaved();
  }
  const res = await api.post('/api/v1/homes/1/children', '{"first_name": "Robin",');
  assert.match(res.body.error.message, /JSON/);
});

test('JSON that parses but cannot be read, or nests deeply, is a 400, not a 500', async () => {
  const bodies = [
    JSON.stringify(validChild()).replace('}', ',"key_worker":1e400}'),
    '{"first_name":' + '['.repeat(20000) + ']'.repeat(20000) + '}',
    '{"first_name":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}',
  ];
  for (const body of bodies) {
    const res = await api.post('/api/v1/homes/1/children', body);
    assertJsonError(res, 400);
    assert.equal(res.body.error.code, 'invalid_input');
    await assertNothingSaved();
  }
  // Control characters inside valid JSON text are refused at the field.
  const nul = await api.post('/api/v1/homes/1/children', validChild({ first_name: 'A\u0000B' }));
  assertJsonError(nul, 400, 'first_name');
  await assertNothingSaved();
});

test('the JSON media type is read whatever its case or parameters', async () => {
  // The opposite of the 415 case below: these are JSON, and are saved.
  for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/json ; charset=UTF-8']) {
    const res = await api.post('/api/v1/homes/1/children', validChild({ first_name: 'Typed' }),
                               { headers: { 'content-type': type } });
    assert.equal(res.status, 201, `${type}: ${res.text.slice(0, 200)}`);
    const now = await counts();
    assert.equal(now.rows, countBefore.rows + 1);
    countBefore = now;
  }
});

test('wrong types are refused with 400 naming the field', async () => {
  const cases = [
    ['first_name', 5],
    ['first_name', { nested: 'object' }],
    ['last_name', true],
    ['date_of_birth', 20120327],
    ['placing_authority', ['a', 'b']],
    ['key_worker', 'not-a-number'],
    ['key_worker', true],
    ['key_workers', [5]],
  ];
  for (const [field, value] of cases) {
    const res = await api.post('/api/v1/homes/1/children', validChild({ [field]: value }));
    const e = assertJsonError(res, 400, field);
    assert.equal(e.code, 'invalid_input');
    await assertNothingSaved();
  }
});

test('over-long text is refused with 400 naming the field and the limit', async () => {
  const cases = [['first_name', 101, 100], ['placing_authority', 151, 150], ['pronouns', 51, 50],
                 ['language', 301, 300]];
  for (const [field, length, limit] of cases) {
    const res = await api.post('/api/v1/homes/1/children', validChild({ [field]: 'é'.repeat(length) }));
    const e = assertJsonError(res, 400, field);
    assert.match(e.message, new RegExp(String(limit)));
    await assertNothingSaved();
  }
});

test('invalid UTF-8 in a JSON body is refused with 400', async () => {
  const json = Buffer.from(JSON.stringify(validChild({ first_name: 'XX' })));
  const at = json.indexOf('XX');
  json[at] = 0xff;
  json[at + 1] = 0xfe;
  const res = await api.request('POST', '/api/v1/homes/1/children',
                                { body: json, headers: { 'content-type': 'application/json' } });
  const e = assertJsonError(res, 400);
  assert.match(e.message, /UTF-8/);
  await assertNothingSaved();
  // An overlong encoding of "/" and a lone surrogate are not valid UTF-8 either.
  for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
    const body = Buffer.concat([Buffer.from('{"first_name":"'), Buffer.from(bad), Buffer.from('"}')]);
    const r = await api.request('POST', '/api/v1/homes/1/children',
                                { body, headers: { 'content-type': 'application/json' } });
    assertJsonError(r, 400);
    await assertNothingSaved();
  }
});

test('invalid UTF-8 in a urlencoded body is refused with 400, escaped or raw', async () => {
  const fields = new URLSearchParams(validChild()).toString();
  for (const body of [
    fields.replace('first_name=Robin', 'first_name=%FF%FE'),
    Buffer.concat([Buffer.from(fields.replace('first_name=Robin', 'first_name=')), Buffer.from([0xff, 0xfe])]),
  ]) {
    const res = await api.request('POST', '/api/v1/homes/1/children',
                                  { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const e = assertJsonError(res, 400);
    assert.match(e.message, /UTF-8/);
    await assertNothingSaved();
  }
  // The same through the browser form, with a good CSRF token: a plain-language page, 400.
  await browser.get('/homes/1/children/new');
  const body = `csrf_token=${browser.csrf}&${fields.replace('first_name=Robin', 'first_name=%C3%28')}`;
  const res = await browser.request('POST', '/homes/1/children',
                                    { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type'), /text\/html/);
  assert.match(res.text, /UTF-8/);
  await assertNothingSaved();
});

test('a broken % escape in a form is refused with 400', async () => {
  const body = new URLSearchParams(validChild()).toString().replace('first_name=Robin', 'first_name=%G1');
  const res = await api.request('POST', '/api/v1/homes/1/children',
                                { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assertJsonError(res, 400);
  await assertNothingSaved();
});

test('unknown fields are refused with 400 naming the field', async () => {
  for (const name of ['favourite_colour', 'id', 'home_id', 'version']) {
    const res = await api.post('/api/v1/homes/1/children', validChild({ [name]: name === 'favourite_colour' ? 'blue' : 99 }));
    const e = assertJsonError(res, 400, name);
    assert.match(e.message, new RegExp(name));
    await assertNothingSaved();
  }
});

test('impossible dates and a birth date in the future are refused naming the field', async () => {
  const cases = [
    ['date_of_birth', '2023-02-30'],
    ['date_of_birth', '2013-13-01'],
    ['date_of_birth', '2013-1-1x'],
    ['date_of_birth', '30/02/2013'],
    ['date_of_birth', tomorrowPlusYear()],
    ['admission_date', '2024-04-31'],
    ['admission_date', tomorrowPlusYear()],
  ];
  for (const [field, value] of cases) {
    const res = await api.post('/api/v1/homes/1/children', validChild({ [field]: value }));
    const e = assertJsonError(res, 400, field);
    assert.equal(e.code, 'invalid_input');
    await assertNothingSaved();
  }
  const future = await api.post('/api/v1/homes/1/children', validChild({ date_of_birth: tomorrowPlusYear() }));
  assert.match(future.body.error.message, /today|earlier|future/i);
});

test('a content type the route cannot read is refused with 415', async () => {
  for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
    const res = await api.request('POST', '/api/v1/homes/1/children',
                                  { body: JSON.stringify(validChild()), headers: { 'content-type': type } });
    assertJsonError(res, 415);
    await assertNothingSaved();
  }
  const page = await browser.request('POST', '/homes/1/children',
                                     { body: JSON.stringify(validChild()), headers: { 'content-type': 'text/plain' } });
  assert.equal(page.status, 415);
  await assertNothingSaved();
});

test("a body over the route's own limit is refused with 413 and a clear message", async () => {
  const big = JSON.stringify(validChild({ language: 'x'.repeat(100 * 1024) }));
  assert.ok(big.length > 100 * 1024);
  const res = await api.post('/api/v1/homes/1/children', big);
  const e = assertJsonError(res, 413);
  assert.equal(e.code, 'too_large');
  assert.match(e.message, /64 KiB/);
  assert.match(e.message, /[Nn]othing was saved/);
  await assertNothingSaved();
  // The page form says the same as a page.
  const form = new URLSearchParams({ csrf_token: browser.csrf, ...validChild({ language: 'x'.repeat(100 * 1024) }) });
  const page = await browser.request('POST', '/homes/1/children',
                                     { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(page.status, 413);
  assert.match(page.text, /too large/);
  await assertNothingSaved();
});

test("a body over the server's 1 MiB cap is cut and nothing is saved", async () => {
  const huge = JSON.stringify(validChild({ language: 'x'.repeat(1536 * 1024) }));
  let status = 'connection closed';
  try {
    const res = await api.post('/api/v1/homes/1/children', huge);
    status = res.status;
  } catch (err) {
    // Closing the connection before reading it all is an acceptable way to cut it.
    assert.ok(err instanceof Error);
  }
  if (typeof status === 'number') assert.ok(status >= 400 && status < 500, `got ${status}`);
  await assertNothingSaved();
  // The server is still answering.
  assert.equal((await fetch(server.url + '/healthz')).status, 200);
});

test('an over-long request line or header is refused, and the server carries on', async () => {
  const tries = [
    () => fetch(server.url + '/api/v1/homes/1/children?' + 'q='.padEnd(20000, 'a'),
                { method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
                  body: JSON.stringify(validChild()) }),
    () => fetch(server.url + '/api/v1/homes/1/children',
                { method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json',
                                             'x-padding': 'a'.repeat(40000) },
                  body: JSON.stringify(validChild()) }),
  ];
  for (const attempt of tries) {
    try {
      const res = await attempt();
      assert.ok(res.status >= 400 && res.status < 500, `got ${res.status}`);
    } catch (err) {
      assert.ok(err instanceof Error);  // the connection was closed: also a refusal
    }
    await assertNothingSaved();
  }
  assert.equal((await fetch(server.url + '/healthz')).status, 200);
});

test('the admit form with errors is shown again the GOV.UK way, keeping what was typed', async () => {
  await browser.get('/homes/1/children/new');
  const typed = {
    first_name: 'Keptname', last_name: 'Keptsurname', preferred_name: '<b>Robbie</b>',
    'date_of_birth-day': '30', 'date_of_birth-month': '2', 'date_of_birth-year': '2023',
    sex: 'female', legal_basis: 's31', placing_authority: 'Keptshire Council',
    'admission_date-day': '15', 'admission_date-month': '1', 'admission_date-year': '2024',
  };
  const res = await browser.post('/homes/1/children', typed);
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type'), /text\/html/);
  assert.match(res.text, /<title>Error: /);
  assert.match(res.text, /class="govuk-error-summary"/);
  assert.match(res.text, /<a href="#date_of_birth">[^<]*real date/);
  // The message at the field itself.
  assert.match(res.text, /id="date_of_birth-error" class="govuk-error-message">[\s\S]*?real date/);
  // What was typed is kept, escaped.
  assert.match(res.text, /name="first_name" type="text" value="Keptname"/);
  assert.match(res.text, /name="last_name" type="text" value="Keptsurname"/);
  assert.match(res.text, /value="&lt;b&gt;Robbie&lt;\/b&gt;"/);
  assert.match(res.text, /name="date_of_birth-day" type="text" inputmode="numeric" value="30"/);
  assert.match(res.text, /name="date_of_birth-year" type="text" inputmode="numeric" value="2023"/);
  assert.match(res.text, /value="Keptshire Council"/);
  assert.match(res.text, /value="s31" checked|value="s31"[^>]*checked/);
  await assertNothingSaved();
});

test('the admit form names each bad field: over-long, future, unknown', async () => {
  await browser.get('/homes/1/children/new');
  const future = tomorrowPlusYear().split('-');
  const res = await browser.post('/homes/1/children', {
    first_name: 'y'.repeat(101), last_name: 'Person',
    'date_of_birth-day': future[2], 'date_of_birth-month': future[1], 'date_of_birth-year': future[0],
    sex: 'male', legal_basis: 's20', placing_authority: 'Somewhere',
    'admission_date-day': '1', 'admission_date-month': '1', 'admission_date-year': '2024',
    smuggled: 'value',
  });
  assert.equal(res.status, 400);
  assert.match(res.text, /<a href="#first_name">[^<]*100 characters/);
  assert.match(res.text, /<a href="#date_of_birth">[^<]*(today|earlier)/);
  assert.match(res.text, /<a href="#smuggled">[^<]*smuggled/);
  await assertNothingSaved();
});

test('a date in a year Hearth cannot hold is refused by name, and the server stays up', async () => {
  const child = (await api.get('/api/v1/homes/1/children')).body.children[0].id;
  for (const [field, value] of [['from', '2999-01-01'], ['to', '2999-01-01'], ['from', '0001-01-01']]) {
    const r = await api.get(`/api/v1/children/${child}/chronology?${field}=${value}`);
    assertJsonError(r, 400, field);
  }
  const admit = await api.post('/api/v1/homes/1/children', validChild({ date_of_birth: '2999-01-01' }));
  const e = assertJsonError(admit, 400);
  assert.ok(e.fields?.some((f) => f.field === 'date_of_birth') || e.field === 'date_of_birth', admit.text);
  await assertNothingSaved();
  assert.equal((await api.get('/healthz')).status, 200);
});

// A daily note about the first child of home 1, with what is being tried.
async function dailyNote(overrides) {
  const child = (await api.get('/api/v1/homes/1/children')).body.children[0].id;
  const entries = () => Number(server.sql('SELECT count(*) FROM daily_entries'));
  const before = entries();
  const res = await api.post(`/api/v1/children/${child}/daily-record`, {
    kind: 'note', category: 'daily_life', body: 'Went to the park after school.',
    occurred_on: new Date().toISOString().slice(0, 10), occurred_time: '00:01', ...overrides,
  });
  return { res, saved: entries() - before };
}

test('a daily note dated 0025 (for 2025) is refused naming the day, and nothing is saved', async () => {
  const { res, saved } = await dailyNote({ occurred_on: '0025-05-12' });
  const e = assertJsonError(res, 400, 'occurred_on');
  assert.match(e.message, /the day it happened/);
  assert.equal(saved, 0);
});

test('a daily note dated before the child was born is refused naming the day', async () => {
  const child = (await api.get('/api/v1/homes/1/children')).body.children[0];
  const born = (await api.get(`/api/v1/children/${child.id}`)).body.date_of_birth;
  const dayBefore = new Date(Date.parse(born) - 86400000).toISOString().slice(0, 10);
  const { res, saved } = await dailyNote({ occurred_on: dayBefore });
  const e = assertJsonError(res, 400, 'occurred_on');
  assert.match(e.message, /born/);
  assert.equal(saved, 0);
  // The day they were born is a day a note can be about.
  const onTheDay = await dailyNote({ occurred_on: born });
  assert.equal(onTheDay.res.status, 201, onTheDay.res.text);
  assert.equal(onTheDay.saved, 1);
});

test('JSON with anything after the document, even a NUL byte, is refused', async () => {
  const good = JSON.stringify(validChild({ first_name: 'Trailing' }));
  for (const tail of ['\u0000', '\u0000{"first_name":"Other"}', ' x', '{}']) {
    const res = await api.request('POST', '/api/v1/homes/1/children',
                                  { body: Buffer.from(good + tail), headers: { 'content-type': 'application/json' } });
    const e = assertJsonError(res, 400);
    assert.equal(e.code, 'invalid_input');
    assert.match(e.message, /JSON/);
    await assertNothingSaved();
  }
});

test('a one-item list where the schema says text is refused naming the field', async () => {
  for (const [field, value] of [['first_name', ['Robin']], ['date_of_birth', ['2012-03-27']], ['sex', ['other']]]) {
    const res = await api.post('/api/v1/homes/1/children', validChild({ [field]: value }));
    const e = assertJsonError(res, 400, field);
    assert.equal(e.code, 'invalid_input');
    await assertNothingSaved();
  }
});

test('a key given twice in a JSON body is refused naming it, whichever value comes last', async () => {
  const good = JSON.stringify(validChild({ first_name: 'Twice' }));
  const body = good.replace('{', '{"first_name":"Once",');
  const res = await api.post('/api/v1/homes/1/children', body);
  const e = assertJsonError(res, 400, 'first_name');
  assert.equal(e.code, 'invalid_input');
  assert.match(e.message, /first_name/);
  await assertNothingSaved();
});
