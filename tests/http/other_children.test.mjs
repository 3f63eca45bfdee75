// Nothing of a child comes back to a reader who may not read about them: not on a page, not in its
// JSON, not through /api/v1, not in another child's export. Records about several children are
// written (an incident about Aisha and Kai, amended to add Kai, each child's own account, debrief
// and notification; a children's meeting both came to), then every GET route in the OpenAPI
// document is walked, for every role, with every identifier it takes, in all three renderings.
// The demo's social worker reads Aisha and not Kai; the Reg 44 visitor reads Aisha (she and her
// placing authority consented) and not Kai.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Api, Client, createApiToken, demoIds, readForm, startServer } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Words written about each child, unique enough that finding one anywhere means it leaked.
const said = {
  aisha: { account: 'Aisha-account-7f3q: the lounge was too loud', debrief: 'Aisha-debrief-2k9d felt left out',
    told: 'Aisha-authority-5p1v' },
  kai: { account: 'Kai-account-8w4n: I wanted my tea', debrief: 'Kai-debrief-6r3j felt embarrassed',
    told: 'Kai-authority-3c7t', meeting: 'Kai-meeting-9b2e wants a pool table',
    reg40: 'Kai-reg40-4h8m duty desk' },
};

let server;
let worker;
let ids;
let incidentPath;
const people = [
  'admin@example.org', 'ri@example.org', 'manager.willow@example.org', 'deputy.willow@example.org',
  'rsw1.willow@example.org', 'social.worker@example.org', 'reg44@example.org',
  'manager.harbour@example.org', 'rsw1.harbour@example.org',
];

async function submit(client, pagePath, action, fields) {
  const page = await client.get(pagePath);
  assert.equal(page.status, 200, `${pagePath}: ${page.text.slice(0, 200)}`);
  const r = await client.post(action, { ...readForm(page.text, action), ...fields });
  assert.equal(r.status, 303, `${action}: ${r.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)}`);
  return r.headers.get('location');
}

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = {
    home: demo.home('Willow House'),
    aisha: demo.child('Aisha Bennett'),
    kai: demo.child('Kai Donovan'),
    worker: demo.person('rsw1.willow@example.org'),
  };
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');

  // An incident about Aisha, then amended to add Kai, so that a version names him.
  const made = await submit(worker, `/homes/${ids.home}/incidents/new?child=${ids.aisha}`,
    `/homes/${ids.home}/incidents`, {
      children: [String(ids.aisha)], location: 'the lounge', antecedents: 'Two programmes wanted at once',
      behaviour: 'Shouting across the lounge', staff_involved: [String(ids.worker)],
      afterwards: 'Both calm by tea', restrictive_measure: 'none', notifiable: ['child_protection_enquiry'],
    });
  incidentPath = made.split('?')[0];
  ids.incident = Number(incidentPath.split('/').pop());
  await submit(worker, `${incidentPath}/amend`, incidentPath, {
    children: [String(ids.aisha), String(ids.kai)], reason: 'Kai was part of it too',
  });
  for (const child of ['aisha', 'kai']) {
    const id = ids[child];
    await submit(worker, `${incidentPath}/accounts?child=${id}`, `${incidentPath}/accounts`,
      { child_id: String(id), words: said[child].account });
    await submit(worker, `${incidentPath}/child-debriefs?child=${id}`, `${incidentPath}/child-debriefs`,
      { child_id: String(id), held_by: String(ids.worker), felt: said[child].debrief });
    await submit(worker, `${incidentPath}/notifications`, `${incidentPath}/notifications`,
      { recipient: 'placing_authority', child_id: String(id), named: said[child].told, method: 'phone' });
  }
  // The enquiry the incident records is each child's own serious event; Kai's placing authority is
  // told of his, in words only his readers may see.
  const kaisEvent = server.sql(
    `SELECT id FROM serious_events WHERE incident_id = ${ids.incident} AND child_id = ${ids.kai}`);
  await submit(worker, `/children/${ids.kai}/serious-events/${kaisEvent}`,
    `/homes/${ids.home}/serious-events/${kaisEvent}/told`,
    { recipient: 'placing_authority', named: said.kai.reg40, method: 'phone', told_by: String(ids.worker) });
  const meeting = await submit(worker, `/homes/${ids.home}/childrens-meetings/new`,
    `/homes/${ids.home}/childrens-meetings`, {
      topic: 'Games room', discussion: 'What to buy for the games room',
      children_said: said.kai.meeting, attendees: [String(ids.aisha), String(ids.kai)],
    });
  ids.meeting = Number(meeting.split('?')[0].split('/').pop());
});
after(async () => {
  await server.stop();
});

// Every GET path of the API, from the document clients are generated from.
function apiGetPaths() {
  const text = fs.readFileSync(path.join(root, 'docs/api/openapi.yaml'), 'utf8');
  const out = [];
  let current = null;
  for (const line of text.split('\n')) {
    const p = line.match(/^  (\/api\/v1\/[^:]*):\s*$/);
    if (p) current = p[1];
    else if (/^\S/.test(line)) current = null;
    else if (current && /^    get:/.test(line)) out.push(current);
  }
  return out;
}

// The identifiers a path takes: for each child, their own records where a route is about one.
function valuesFor(child) {
  const one = (sql) => server.sql(sql).split('\n').filter(Boolean)[0];
  const id = ids[child];
  return {
    home: ids.home,
    child: id,
    incident: ids.incident,
    meeting: ids.meeting,
    measure: one(`SELECT id FROM measures WHERE child_id = ${id} ORDER BY id LIMIT 1`) ??
      one('SELECT id FROM measures ORDER BY id LIMIT 1'),
    entry: one(`SELECT id FROM daily_entries WHERE child_id = ${id} ORDER BY id LIMIT 1`),
    plan: one(`SELECT id FROM plans WHERE child_id = ${id} ORDER BY id LIMIT 1`),
    deadline: one(`SELECT id FROM deadlines WHERE child_id = ${id} ORDER BY id LIMIT 1`),
    serious_event: one(`SELECT id FROM serious_events WHERE child_id = ${id} ORDER BY id DESC LIMIT 1`),
    placement_notice: one(`SELECT id FROM placement_notices WHERE child_id = ${id} ORDER BY id LIMIT 1`),
    restriction: one(`SELECT id FROM contact_restrictions WHERE child_id = ${id} ORDER BY id LIMIT 1`),
    phrase: 1,
  };
}

// Pages that have no /api/v1 twin.
const pageOnly = [
  '/', '/homes/{home}', '/homes/{home}/handovers', '/homes/{home}/incidents',
  '/children/{child}/record', '/children/{child}/chronology/print', '/children/{child}/people',
  '/children/{child}/export/record.html', '/children/{child}/export/record.json',
  '/children/{child}/placement-notices/{placement_notice}/notice.html',
  '/childrens-meetings/{meeting}', '/daily-record/{entry}', '/measures/{measure}', '/deadlines',
];

function filled(template, values) {
  let ok = true;
  const p = template.replace(/\{(\w+)\}/g, (m, name) => {
    if (values[name] === undefined) ok = false;
    return String(values[name]);
  });
  return ok ? p : null;
}

test('no page, JSON or API answer carries anything of a child its reader may not read about',
  async () => {
    const paths = apiGetPaths();
    assert.ok(paths.length > 30, `only ${paths.length} GET paths found in the OpenAPI document`);
    const values = { aisha: valuesFor('aisha'), kai: valuesFor('kai') };
    const partial = [];  // readers who may read one of the two children and not the other
    let walked = 0;
    for (const email of people) {
      const client = new Client(server.url);
      await client.signIn(email);
      const api = new Api(server.url, await createApiToken(client, 'walk'));
      const reads = {};
      for (const child of ['aisha', 'kai'])
        reads[child] = (await api.get(`/api/v1/children/${ids[child]}`)).status === 200;
      const seesNames = (await api.get(`/api/v1/homes/${ids.home}/children`)).status === 200;
      if (reads.aisha !== reads.kai) partial.push(email);
      for (const hidden of ['aisha', 'kai'].filter((c) => !reads[c])) {
        const marks = Object.values(said[hidden]);
        // Someone who may list the home's children knows their names, not what is written about them.
        if (!seesNames) marks.push(hidden === 'kai' ? 'Kai Donovan' : 'Aisha Bennett');
        const asks = [];
        for (const child of ['aisha', 'kai']) {
          for (const template of [...paths, ...pageOnly]) {
            const filledPath = filled(template, values[child]);
            if (!filledPath) continue;
            const pagePath = filledPath.replace(/^\/api\/v1/, '') || '/';
            asks.push(['page', filledPath, () => client.get(`${pagePath}?q=Donovan`)]);
            asks.push(['page as JSON', filledPath,
              () => client.get(pagePath, { headers: { accept: 'application/json' } })]);
            if (filledPath.startsWith('/api/v1'))
              asks.push(['API', filledPath, () => api.get(`${filledPath}?q=Donovan`)]);
          }
        }
        // A few at a time, as several browsers and clients would ask.
        for (let i = 0; i < asks.length; i += 6) {
          const batch = asks.slice(i, i + 6);
          const answers = await Promise.all(batch.map(([, , ask]) => ask()));
          batch.forEach(([how, filledPath], k) => {
            walked += 1;
            for (const mark of marks) {
              assert.ok(!answers[k].text.includes(mark),
                `${email} read "${mark}" (${hidden}'s) from the ${how} ${filledPath} (${answers[k].status})`);
            }
          });
        }
      }
    }
    // The walk reached the shared records, for readers who see one child and not the other.
    assert.deepEqual(partial.sort(), ['reg44@example.org', 'social.worker@example.org']);
    assert.ok(walked > 500, `only ${walked} answers walked`);
  });

test('the social worker reads their child\'s part of a shared incident, and "another young person"',
  async () => {
    const sw = new Client(server.url);
    await sw.signIn('social.worker@example.org');
    const api = new Api(server.url, await createApiToken(sw, 'own child'));
    const own = await api.get(`/api/v1/children/${ids.aisha}/incidents/${ids.incident}`);
    assert.equal(own.status, 200, own.text);
    assert.deepEqual(own.body.children, [
      { id: ids.aisha, name: 'Aisha Bennett' }, { id: null, name: 'another young person' }]);
    assert.deepEqual(own.body.after.accounts.map((a) => a.words), [said.aisha.account]);
    assert.deepEqual(own.body.after.child_debriefs.map((d) => d.felt), [said.aisha.debrief]);
    assert.deepEqual(own.body.after.notifications.map((n) => n.named), [said.aisha.told]);
    const page = await sw.get(`/children/${ids.aisha}/incidents/${ids.incident}`);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(said.aisha.account));
    // The history of the amendment that added Kai names him only as another young person.
    assert.match(page.text, /Aisha Bennett, another young person/);
    const list = await api.get(`/api/v1/children/${ids.aisha}/incidents`);
    const row = list.body.incidents.find((i) => i.id === ids.incident);
    assert.deepEqual(row.children.map((c) => c.name), ['Aisha Bennett', 'another young person']);
  });

test('a child\'s export holds their part of every incident and meeting, and nothing of another child',
  async () => {
    const manager = new Client(server.url);
    await manager.signIn('manager.willow@example.org');
    const api = new Api(server.url, await createApiToken(manager, 'export'));
    const r = await api.get(`/api/v1/children/${ids.aisha}/export`);
    assert.equal(r.status, 200, r.text.slice(0, 300));
    const sections = Object.fromEntries(r.body.sections.map((s) => [s.key, s.content]));
    const incident = sections.incidents.find((i) => i.id === ids.incident);
    assert.ok(incident, 'the shared incident is in Aisha\'s export');
    assert.deepEqual(incident.after.accounts.map((a) => a.words), [said.aisha.account]);
    assert.deepEqual(incident.after.child_debriefs.map((d) => d.felt), [said.aisha.debrief]);
    assert.deepEqual(incident.children.map((c) => c.name), ['Aisha Bennett', 'another young person']);
    assert.ok(Array.isArray(sections.restrictive_measures), 'the export has a Reg 35 section');
    const meeting = sections.childrens_meetings.find((m) => m.id === ids.meeting);
    assert.deepEqual(meeting.came, ['Aisha Bennett']);
    assert.equal(meeting.others_came, 1);
    for (const mark of [...Object.values(said.kai), 'Kai Donovan', 'Donovan'])
      assert.ok(!r.text.includes(mark), `Aisha's export holds "${mark}"`);
    const html = await manager.get(`/children/${ids.aisha}/export/record.html`);
    assert.equal(html.status, 200);
    assert.ok(html.text.includes(said.aisha.account), 'the printable export shows her account');
    for (const mark of [...Object.values(said.kai), 'Kai Donovan'])
      assert.ok(!html.text.includes(mark), `Aisha's printable export holds "${mark}"`);
  });
