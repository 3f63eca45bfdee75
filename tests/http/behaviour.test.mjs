// Behaviour support and physical intervention through the real server, on the store the suite runs
// on: an incident and what followed it; its Reg 35 record with the three clocks; the sign-offs and
// who may make them; consequences Reg 19 forbids; Reg 40's notifications; the figures, Ofsted's
// counts as CSV, and learning shared without names; a social worker sees only their own child.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, london, readForm, startServer, unescapeHtml, validChild } from './server.mjs';

let server;
let worker;   // Chris Okafor, support worker at Willow House
let manager;  // Sam Carter, its registered manager
let willow;   // the home, and two of its children: Aisha, allocated to the demo's social worker,
let aisha;    // and Kai, who is not
let kai;
before(async () => {
  server = await startServer();
  const ids = demoIds(server);
  willow = ids.home('Willow House');
  aisha = ids.child('Aisha Bennett');
  kai = ids.child('Kai Donovan');
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
  manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
});
after(async () => {
  // Every write above went through Hearth: each record its trail seals is as its last write left it.
  const verified = server.hearth(['verify']);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /Sealed records: all \d+ as Hearth last wrote them/);
  await server.stop();
});

const count = (sql) => Number(server.sql(sql));
const idOf = (email) => count(`SELECT id FROM people WHERE email = '${email}'`);

function words(html) {
  const main = html.match(/<main[\s\S]*<\/main>/)?.[0] ?? html;
  return unescapeHtml(main.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

// A moment `minutesAgo` in the home's zone, as the forms take it.

function incidentFields(overrides = {}) {
  const began = london(60);
  const held = london(55);
  const ended = london(40);
  return {
    occurred_on: began.on,
    occurred_time: began.time,
    measure_began_on: held.on,
    measure_began_time: held.time,
    ended_on: ended.on,
    ended_time: ended.time,
    children: [String(kai)],
    location: 'the lounge',
    antecedents: 'Asked to come off the console for tea',
    triggers: ['demand'],
    behaviour: 'Threw the controller at the window and kicked the door',
    communicating: ['control'],
    deescalation: 'A calm voice\nOffered a choice\nGave space',
    afterwards: 'Calm after twenty minutes; ate tea with everyone',
    restrictive_measure: 'physical_intervention',
    staff_involved:
      [String(idOf('rsw1.willow@example.org')), String(idOf('rsw2.willow@example.org'))],
    ...overrides,
  };
}

async function recordIncident(overrides = {}) {
  await worker.get(`/homes/${willow}/incidents/new?child=${kai}`);
  const r = await worker.post(`/homes/${willow}/incidents`, incidentFields(overrides));
  assert.equal(r.status, 303, words(r.text).slice(0, 600));
  const location = r.headers.get('location');
  assert.match(location, /^\/children\/\d+\/incidents\/\d+\?saved=1$/);
  return location.split('?')[0];
}

function holdFields(overrides = {}) {
  const started = london(55);
  const ended = london(49);
  return {
    kind: 'physical_intervention',
    started_on: started.on,
    started_time: started.time,
    ended_on: ended.on,
    ended_time: ended.time,
    location: 'the lounge',
    behaviour: 'Picked up a chair to throw at another young person',
    steps_to_avoid: 'A calm voice; offered a choice; gave space',
    description: 'Two staff guided him to the sofa and held his arms until calm',
    lawful_purpose: 'prevent_injury_to_others',
    why_necessary: 'He was about to throw the chair at another young person',
    technique: 'seated_hold',
    position: 'seated',
    used_by: [String(idOf('rsw1.willow@example.org')), String(idOf('rsw2.willow@example.org'))],
    effect: 'He calmed within minutes and was let go',
    rights_offered:
      ['medical', 'advocate', 'social_worker', 'childrens_commissioner', 'ofsted'],
    ...overrides,
  };
}

async function writeHold(incident, overrides = {}) {
  await worker.get(`${incident}/measures?kind=physical_intervention`);
  const r = await worker.post(`${incident}/measures`, holdFields(overrides));
  assert.equal(r.status, 303, words(r.text).slice(0, 600));
  return r.headers.get('location').split('?')[0];
}

test(
  'an incident form shows what helps the child, refuses bad input at the field and saves nothing',
  async () => {
    const page = await worker.get(`/homes/${willow}/incidents/new?child=${aisha}`);
    assert.equal(page.status, 200);
    assert.match(words(page.text), /What helps Aisha/);
    const before = count('SELECT COUNT(*) FROM incidents');
    const r = await worker.post(
      `/homes/${willow}/incidents`, incidentFields({behaviour: '', children: [], deescalation: ''}));
    assert.equal(r.status, 400);
    const text = words(r.text);
    assert.match(text, /There is a problem/);
    assert.match(r.text, /href="#children"/);
    assert.match(r.text, /href="#behaviour"/);
    assert.match(text, /a restrictive measure is only ever a last resort/);
    assert.match(r.text, /Asked to come off the console for tea/, 'what was typed is kept');
    assert.equal(count('SELECT COUNT(*) FROM incidents'), before, 'nothing half-saved');
  });

test(
  'an incident with a hold: in the chronology, with its 24-hour clock; the Reg 35 record runs the other two',
  async () => {
    const incident = await recordIncident();
    const id = incident.split('/').pop();
    let page = await worker.get(incident);
    assert.equal(page.status, 200);
    assert.match(words(page.text), /Write the Reg 35 record of the measure used with Kai/);
    assert.equal(
      count(`SELECT COUNT(*) FROM chronology WHERE source_type = 'incident' AND source_id = ${
        id} AND child_id = ${kai}`),
      1);
    assert.equal(
      count(`SELECT COUNT(*) FROM deadlines d JOIN incident_children l ON l.id = d.source_id
  WHERE d.source_type = 'incident_child' AND l.incident_id = ${
        id} AND d.kind = 'reg35_record' AND d.state = 'open'`),
      1);

    const measure = await writeHold(incident);
    page = await worker.get(measure);
    assert.equal(page.status, 200);
    const text = words(page.text);
    assert.match(text, /Within 24 hours: the record/);
    assert.match(text, /Within 48 hours: spoken to the staff, signed as accurate/);
    assert.match(text, /Within 5 days: spoken to the child/);
    assert.match(text, /To prevent injury to another person/);
    const mid = measure.split('/').pop();
    assert.equal(
      count(`SELECT COUNT(*) FROM deadlines WHERE source_type = 'measure' AND source_id = ${
        mid} AND state = 'open'`),
      2);
    assert.equal(
      count(`SELECT COUNT(*) FROM deadlines d JOIN incident_children l ON l.id = d.source_id
  WHERE d.source_type = 'incident_child' AND l.incident_id = ${id} AND d.state = 'met'`),
      1);
    // The incident's page lists the record with its clocks.
    assert.match(
      words((await worker.get(incident)).text),
      /Reg 35 records Physical intervention: Seated hold \(two adults\), 6 minutes/);
  });

test(
  'a hold without a lawful purpose, for good order, ending before it began or lasting days is refused at the field',
  async () => {
    const incident = await recordIncident();
    const before = count('SELECT COUNT(*) FROM measures');
    await worker.get(`${incident}/measures?kind=physical_intervention`);
    const cases = [
      [{lawful_purpose: ''}, 'lawful_purpose', /restraint is a last resort/],
      [{lawful_purpose: 'good_order'}, 'lawful_purpose', /never lawful in a children's home/],
      [{lawful_purpose: 'sanction'}, 'lawful_purpose', /never a sanction/],
      [
        {why_necessary: 'He would not comply with going to his room'}, 'why_necessary',
        /to make a child comply is never lawful/
      ],
      [
        {ended_time: london(58).time, ended_on: london(58).on}, 'ended_time',
        /must be after the time it started/
      ],
    ];
    for (const [overrides, field, message] of cases) {
      const r = await worker.post(`${incident}/measures`, holdFields(overrides));
      assert.equal(r.status, 400, JSON.stringify(overrides));
      assert.match(r.text, new RegExp(`href="#${field}"`), JSON.stringify(overrides));
      assert.match(words(r.text), message);
    }
    const api = new Api(server.url, await createApiToken(worker, 'hold tests'));
    const days = await api.post(
      `/api/v1${incident}/measures`, {...holdFields(), started_on: london(60 * 24 * 3).on});
    assert.equal(days.status, 400);
    assert.equal(days.body.error.code, 'invalid_input');
    assert.equal(count('SELECT COUNT(*) FROM measures'), before, 'nothing saved');
  });

test(
  'the 48-hour sign-off: never by who held, never by someone unauthorised; the manager signs once',
  async () => {
    const incident = await recordIncident();
    const measure = await writeHold(incident);
    const mid = measure.split('/').pop();
    // Chris held Kai: the page opens, but his signature is refused.
    let form =
      readForm((await worker.get(`${measure}/staff-review`)).text, `${measure}/staff-review`);
    let r = await worker.post(`${measure}/staff-review`, {
      ...form,
      spoke_to: String(idOf('rsw2.willow@example.org')),
      note: 'Talked',
      signed: 'yes'
    });
    assert.equal(r.status, 400);
    assert.match(words(r.text), /Only the registered manager, or someone they have authorised/);
    // Authorised, he still cannot sign his own hold.
    await manager.get(`/homes/${willow}/reg35-signers`);
    r = await manager.post(
      `/homes/${willow}/reg35-signers`,
      {person_id: String(idOf('rsw1.willow@example.org')), change: 'add'});
    assert.equal(r.status, 303);
    form =
      readForm((await worker.get(`${measure}/staff-review`)).text, `${measure}/staff-review`);
    r = await worker.post(`${measure}/staff-review`, {
      ...form,
      spoke_to: String(idOf('rsw2.willow@example.org')),
      note: 'Talked',
      signed: 'yes'
    });
    assert.equal(r.status, 400);
    assert.match(words(r.text), /You used this measure, so you cannot sign it/);
    // The deadlines page cannot meet the clock by hand: it links to the sign-off instead.
    const staffClock = count(`SELECT id FROM deadlines WHERE source_type = 'measure' AND source_id = ${
      mid} AND kind = 'reg35_staff_review'`);
    const clockPage = await manager.get(`/deadlines/${staffClock}`);
    assert.equal(clockPage.status, 200);
    assert.doesNotMatch(clockPage.text, /Record as met/);
    assert.match(clockPage.text, new RegExp(`href="${measure}/staff-review"`));
    const byHand = await manager.post(`/deadlines/${staffClock}/met`, {version: '1', note: 'Spoke to them'});
    assert.equal(byHand.status, 400);
    assert.match(words(byHand.text), /met only by the act the law names/);
    assert.equal(count(`SELECT COUNT(*) FROM deadlines WHERE id = ${staffClock} AND state = 'open'`), 1);
    // The manager signs, having spoken to Chris but not yet Dana; the clock is met, and the record
    // shows who is still to be spoken to until someone is.
    form = readForm(
      (await manager.get(`${measure}/staff-review`)).text, `${measure}/staff-review`);
    r = await manager.post(`${measure}/staff-review`, {
      ...form,
      spoke_to: [String(idOf('rsw1.willow@example.org'))],
      note: 'Talked it through with Chris: accurate',
      signed: 'yes'
    });
    assert.equal(r.status, 303, words(r.text).slice(0, 500));
    assert.equal(
      count(`SELECT COUNT(*) FROM deadlines WHERE source_type = 'measure' AND source_id = ${
        mid} AND kind = 'reg35_staff_review' AND state = 'met'`),
      1);
    let page = await manager.get(measure);
    assert.match(words(page.text), /Not yet spoken to: Dana Lewis/);
    const talk = readForm(
      (await manager.get(`${measure}/staff-conversations`)).text, `${measure}/staff-conversations`);
    r = await manager.post(`${measure}/staff-conversations`, {
      ...talk, spoke_to: String(idOf('rsw1.willow@example.org')), note: 'Again'});
    assert.equal(r.status, 400, 'Chris was spoken to already');
    r = await manager.post(`${measure}/staff-conversations`, {
      ...talk, spoke_to: String(idOf('rsw2.willow@example.org')), note: 'Talked it through with Dana'});
    assert.equal(r.status, 303, words(r.text).slice(0, 500));
    page = await manager.get(measure);
    assert.doesNotMatch(words(page.text), /Not yet spoken to/);
    assert.match(words(page.text), /Spoke to Dana Lewis on/);
    r = await manager.post(`${measure}/staff-review`, {
      ...form,
      spoke_to: String(idOf('rsw1.willow@example.org')),
      note: 'Again',
      signed: 'yes'
    });
    assert.equal(r.status, 409);
    // The child conversation, through the API.
    const api = new Api(server.url, await createApiToken(manager, 'sign tests'));
    const bad = await api.post(
      `/api/v1/measures/${mid}/child-review`,
      {version: 1, spoke_on: london(0).on, note: 'Talked'});
    assert.equal(bad.status, 400);
    const ok = await api.post(`/api/v1/measures/${mid}/child-review`, {
      version: 1,
      spoke_on: london(0).on,
      note: 'Talked about what helps',
      child_said: 'I was scared',
      signed: true
    });
    assert.equal(ok.status, 204, ok.text);
    const record = await api.get(`/api/v1/measures/${mid}`);
    assert.equal(record.status, 200);
    assert.equal(record.body.staff_review.signed_version, 1);
    assert.equal(record.body.child_review.child_said, 'I was scared');
    assert.ok(
      record.body.clocks.every((c) => c.state === 'met'), JSON.stringify(record.body.clocks));
    r = await manager.post(
      `/homes/${willow}/reg35-signers`,
      {person_id: String(idOf('rsw1.willow@example.org')), change: 'end'});
    assert.equal(r.status, 303);
  });

test(
  'a consequence Reg 19 forbids is refused with the reason; a lawful one carries the child\'s view',
  async () => {
    const incident = await recordIncident({restrictive_measure: 'none'});
    await worker.get(`${incident}/measures?kind=consequence`);
    const now = london(10);
    const fields = {
      kind: 'consequence',
      started_on: now.on,
      started_time: now.time,
      behaviour: 'Kicked the door',
      steps_to_avoid: 'Talked about it',
      consequence_kind: 'loss_of_privilege',
      description: 'No pudding tonight',
      lasts: 'This evening',
      for_child_alone: 'yes',
      used_by: [String(idOf('rsw1.willow@example.org'))],
      child_view: 'Not fair',
      effectiveness: 'too_soon',
    };
    let r = await worker.post(`${incident}/measures`, fields);
    assert.equal(r.status, 400);
    assert.match(words(r.text), /A sanction involving food or drink is prohibited/);
    r = await worker.post(
      `${incident}/measures`, {...fields, description: 'No phone call to mum'});
    assert.match(
      words(r.text),
      /Contact with family, friends or professionals is never restricted as a punishment/);
    r = await worker.post(
      `${incident}/measures`,
      {...fields, for_child_alone: 'no', description: 'No console tonight'});
    assert.match(words(r.text), /Punishing a group/);
    r = await worker.post(
      `${incident}/measures`, {...fields, description: 'No games console tonight'});
    assert.equal(r.status, 303, words(r.text).slice(0, 400));
    const page = words((await worker.get(r.headers.get('location'))).text);
    assert.match(page, /What Kai Donovan thinks of it Not fair/);
    assert.match(page, /Too soon to say/);
  });

test('a serious event an incident records is its own record: met when the last required is told', async () => {
  const incident = await recordIncident({
    restrictive_measure: 'none',
    notifiable: ['police_serious_incident'],
    police: 'Police came; reference X1'
  });
  const id = incident.split('/').pop();
  const eventId = server.sql(`SELECT id FROM serious_events WHERE incident_id = ${id}`);
  const clock = () => server.sql(`SELECT state || ' ' || COALESCE(met_at, '') FROM deadlines WHERE
    source_type = 'serious_event' AND source_id = ${eventId} AND kind = 'reg40_notification'`);
  assert.equal(clock(), 'open');
  const incidentPage = words((await worker.get(incident)).text);
  assert.match(incidentPage, /Serious events it raised \(Reg 40\)/);
  assert.match(incidentPage, /A serious incident needing the police: Kai Donovan Still to tell Ofsted \(HMCI\); The placing authority/);
  const eventPage = `/children/${kai}/serious-events/${eventId}`;
  let page = await worker.get(eventPage);
  assert.equal(page.status, 200);
  assert.match(words(page.text), /Still to tell: Ofsted \(HMCI\); The placing authority\./);
  assert.match(words(page.text), /Reg 40\(4\)\(b\)/);
  const told = `/homes/${willow}/serious-events/${eventId}/told`;
  const tell = async (recipient, named, when) => {
    const r = await worker.post(told, {
      recipient, named, method: 'phone', told_on: when.on, told_time: when.time,
      told_by: String(idOf('rsw1.willow@example.org')),
    });
    assert.equal(r.status, 303, words(r.text).slice(0, 400));
    return words((await worker.get(eventPage)).text);
  };
  // Ofsted alone is not enough; nor is a parent told, who Reg 40 does not name for this event.
  page = await tell('ofsted', 'Ofsted notifications', london(30));
  assert.match(page, /Still to tell: The placing authority\./);
  page = await tell('parent', "Kai's mum", london(5));
  assert.equal(clock(), 'open');
  // The placing authority, told twenty minutes ago: met then, not when the parent was told.
  const paTold = london(20);
  page = await tell('placing_authority', 'Eastbrook duty team', paTold);
  assert.doesNotMatch(page, /Still to tell/);
  const [state, metAt] = clock().split(' ');
  assert.equal(state, 'met');
  assert.equal(new Date(metAt).getTime(), new Date(Date.now() - 20 * 60000).setSeconds(0, 0),
    'met at the moment the placing authority was told');
  // Told twice is refused, at the field; bad input is named field by field; nothing is saved.
  const again = await worker.post(told, {
    recipient: 'ofsted', named: 'Ofsted', method: 'phone', told_on: london(1).on,
    told_time: london(1).time, told_by: String(idOf('rsw1.willow@example.org')),
  });
  assert.equal(again.status, 409);
  assert.match(words(again.text), /Ofsted \(HMCI\) was recorded as told already/);
  const bad = await worker.post(told, {
    recipient: 'police', named: '', method: 'pigeon', told_on: london(60 * 24 * 3).on,
    told_time: '00:01', told_by: '999999',
  });
  assert.equal(bad.status, 400);
  for (const field of ['named', 'method', 'told_time', 'told_by']) {
    assert.match(bad.text, new RegExp(`href="#${field}"`), field);
  }
  assert.equal(server.sql(`SELECT COUNT(*) FROM serious_event_recipients WHERE serious_event_id = ${
    eventId} AND recipient = 'police'`), '0');
});

test(
  'a social worker reads their child\'s incidents; other children in them are not named',
  async () => {
    const incident = await recordIncident({children: [String(aisha), String(kai)], restrictive_measure: 'none'});
    const id = incident.split('/').pop();
    const sw = new Client(server.url);
    await sw.signIn('social.worker@example.org');
    const page = await sw.get(`/children/${aisha}/incidents/${id}`);
    assert.equal(page.status, 200);
    const text = words(page.text);
    assert.match(text, /Aisha Bennett/);
    assert.match(text, /another young person/);
    assert.doesNotMatch(text, /Kai Donovan/);
    assert.equal((await sw.get(`/children/${kai}/incidents/${id}`)).status, 404);
    assert.equal((await sw.get(`/homes/${willow}/incidents`)).status, 404);
    assert.equal(
      (await sw.post(`/children/${aisha}/incidents/${id}/accounts`, {words: 'x'})).status, 403);
  });

test('a staff debrief shares learning only without names', async () => {
  const incident = await recordIncident();
  const form = readForm(
    (await manager.get(`${incident}/staff-debriefs`)).text, `${incident}/staff-debriefs`);
  const fields = {
    ...form,
    person_id: String(idOf('rsw1.willow@example.org')),
    held_by: String(idOf('manager.willow@example.org')),
    wellbeing: 'shaken',
    support: ['supervision'],
    share_learning: 'yes',
    learning: 'Kai settles when given a choice early'
  };
  let r = await manager.post(`${incident}/staff-debriefs`, fields);
  assert.equal(r.status, 400);
  assert.match(words(r.text), /Take out the name Kai before sharing/);
  r = await manager.post(
    `${incident}/staff-debriefs`,
    {...fields, learning: 'Offer a choice early, before a demand becomes a stand-off'});
  assert.equal(r.status, 303);
  const harbour = new Client(server.url);
  await harbour.signIn('rsw1.harbour@example.org');
  const shared = await harbour.get('/organisation/shared-learning');
  assert.equal(shared.status, 200);
  assert.match(words(shared.text), /Offer a choice early, before a demand becomes a stand-off/);
  assert.doesNotMatch(words(shared.text), /Willow House/);
});

test(
  'the manager sees restrictive practice as charts with tables, and Ofsted\'s counts as CSV',
  async () => {
    const page = await manager.get(`/homes/${willow}/restrictive-practice`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<svg class="hearth-chart"[^>]*role="img"/);
    assert.doesNotMatch(page.text, /\sstyle=/);
    const text = words(page.text);
    for (const heading
        of ['Restraints by time of day', 'Restraints by day of the week',
          'What may have set incidents off', 'Restraints by member of staff',
          'How long holds lasted', 'Reg 35 sign-offs owed']) {
      assert.match(text, new RegExp(heading));
    }
    const api = new Api(server.url, await createApiToken(manager, 'figures tests'));
    const figures = await api.get(`/api/v1/homes/${willow}/restrictive-practice`);
    assert.equal(figures.status, 200);
    assert.equal(figures.body.months.length, 12);
    const from = london(60 * 24 * 365).on;
    const to = london(0).on;
    const counts = async () => {
      const csv = await manager.get(`/homes/${willow}/ofsted-counts?from=${from}&to=${to}&format=csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
      assert.match(csv.headers.get('content-disposition'), /attachment; filename="ofsted-counts-/);
      const [home, since, until, restraints, children, owed] =
        csv.text.trim().split('\r\n')[1].split(',');
      assert.deepEqual([home, since, until], ['Willow House', from, to]);
      return { restraints: Number(restraints), children: Number(children), owed: Number(owed) };
    };
    const before = await counts();
    // A child new to the home, held twice in one incident today: two more restraints, and one
    // more child restrained however many were before.
    const admitted = await api.post(`/api/v1/homes/${willow}/children`,
      validChild({ first_name: 'Jordan', last_name: 'Figurechild', admission_date: london(60 * 24 * 30).on }));
    assert.equal(admitted.status, 201, admitted.text);
    const incident = await recordIncident({ children: [String(admitted.body.id)] });
    // Counted as soon as the incident says Jordan was held, its record still owed.
    assert.deepEqual(await counts(), { restraints: before.restraints + 1,
                                       children: before.children + 1, owed: before.owed + 1 });
    const owedPage = await manager.get(`/homes/${willow}/ofsted-counts?from=${from}&to=${to}`);
    assert.match(words(owedPage.text), new RegExp(`${before.owed + 1} Reg 35 records still owed`));
    await writeHold(incident);
    const second = { started: london(47), ended: london(44) };
    await writeHold(incident, { started_on: second.started.on, started_time: second.started.time,
                                ended_on: second.ended.on, ended_time: second.ended.time });
    assert.deepEqual(await counts(), { restraints: before.restraints + 2,
                                       children: before.children + 1, owed: before.owed });
    const bad = await manager.get(`/homes/${willow}/ofsted-counts?from=2026-13-45`);
    assert.equal(bad.status, 400);
    assert.match(words(bad.text), /From must be a real date/);
    assert.equal((await worker.get(`/homes/${willow}/restrictive-practice`)).status, 403);
    const ri = new Client(server.url);
    await ri.signIn('ri@example.org');
    const org = await ri.get('/organisation/ofsted-counts?format=csv');
    assert.equal(org.status, 200);
    assert.match(
      org.text,
      /^home,from,to,restraints,children_restrained,records_owed\r\nHarbour View,[\s\S]*\r\nAll homes,/);
  });

test('the home dashboard shows the Reg 35 clocks still running, to its manager', async () => {
  const page = await manager.get(`/homes/${willow}`);
  assert.equal(page.status, 200);
  const text = words(page.text);
  assert.match(text, /Reg 35 clocks/);
  assert.match(text, /Speak to the staff and sign the physical intervention record for Aisha/);
  assert.ok(page.text.includes(`href="/homes/${willow}/incidents"`));
});

test(
  'an incident is amended with a reason; a stale amendment is a conflict; children are never taken off',
  async () => {
    const incident = await recordIncident({restrictive_measure: 'none'});
    const amendPage = await worker.get(`${incident}/amend`);
    assert.equal(amendPage.status, 200);
    const form = readForm(amendPage.text, incident);
    let r = await worker.post(
      incident,
      {...form, afterwards: 'Calm after ten minutes', reason: 'Corrected how long it took'});
    assert.equal(r.status, 303);
    r = await worker.post(
      incident, {...form, afterwards: 'Something else', reason: 'A stale change'});
    assert.equal(r.status, 409);
    assert.match(r.text, /Something else/, 'what was typed is kept');
    const fresh = readForm((await worker.get(`${incident}/amend`)).text, incident);
    r = await worker.post(incident, {...fresh, children: [String(aisha)], reason: 'Wrong child'});
    assert.equal(r.status, 400);
    assert.match(words(r.text), /cannot be taken off this incident/);
    const history = words((await worker.get(incident)).text);
    assert.match(history, /Version 2: Corrected how long it took/);
  });

test("the organisation's techniques: added, a duplicate refused at the field, retired and restored", async () => {
  const path = '/organisation/intervention-techniques';
  assert.equal((await worker.get(path)).status, 403, 'a support worker does not keep the list');
  let page = await manager.get(path);
  assert.equal(page.status, 200);
  assert.match(words(page.text), /Seated hold \(two adults\) Hearth's starting list In use/);

  let r = await manager.post(path, { change: 'add', label: 'Figure of four (two adults)' });
  assert.equal(r.status, 303);
  const rows = count('SELECT COUNT(*) FROM intervention_techniques');
  r = await manager.post(path, { change: 'add', label: 'figure of four (Two Adults)' });
  assert.equal(r.status, 400);
  assert.match(r.text, /href="#label"/);
  assert.match(words(r.text), /"Figure of four \(two adults\)" is in the list already/);
  r = await manager.post(path, { change: 'add', label: '  ' });
  assert.equal(r.status, 400);
  assert.match(words(r.text), /Enter the technique's name/);
  assert.equal(count('SELECT COUNT(*) FROM intervention_techniques'), rows, 'nothing saved');

  const incident = await recordIncident();
  let form = await worker.get(`${incident}/measures?kind=physical_intervention`);
  assert.match(form.text, /Figure of four \(two adults\)/);
  r = await manager.post(path, { change: 'retire', key: 'seated_hold' });
  assert.equal(r.status, 303);
  r = await manager.post(path, { change: 'retire', key: 'seated_hold' });
  assert.equal(r.status, 409, 'retired already');
  form = await worker.get(`${incident}/measures?kind=physical_intervention`);
  assert.doesNotMatch(form.text, /Seated hold \(two adults\)/);
  r = await worker.post(`${incident}/measures`, holdFields());
  assert.equal(r.status, 400, 'a retired technique is not offered');
  assert.match(r.text, /href="#technique"/);

  r = await manager.post(path, { change: 'restore', key: 'seated_hold' });
  assert.equal(r.status, 303);
  assert.match(words((await manager.get(path)).text), /Seated hold \(two adults\) Hearth's starting list In use/);
  assert.equal(
    count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'intervention_technique'"), 3,
    'each change is in the audit trail');
});

test('staff are named in the incident lists, as on the incident page, not by their ids', async () => {
  const incident = await recordIncident({children: [String(kai)], restrictive_measure: 'none'});
  const id = Number(incident.split('/').pop());
  const named = (list) => list.body.incidents.find((i) => i.id === id).staff_involved.map((s) => s.name);
  const api = new Api(server.url, await createApiToken(manager, 'list tests'));
  const staff = server.sql(`SELECT name FROM people WHERE email = 'rsw1.willow@example.org'`).trim();
  for (const path of [`/api/v1/homes/${willow}/incidents`, `/api/v1/children/${kai}/incidents`]) {
    const list = await api.get(path);
    assert.equal(list.status, 200, path);
    assert.ok(named(list).includes(staff), `${path}: ${named(list)}`);
    assert.ok(!named(list).some((n) => /^Person \d+$/.test(n)), `${path}: ${named(list)}`);
  }
});
