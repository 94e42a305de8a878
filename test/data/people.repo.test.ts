// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listAuditFor } from '../../renderer/data/audit';
import {
  archivePerson,
  createPeopleInBulk,
  createPerson,
  deletePerson,
  findPeopleByNameAndEmail,
  getPeopleByIds,
  getPerson,
  listPeople,
  updatePerson,
} from '../../renderer/data/people.repo';
import { RuleError } from '../../renderer/domain/rules';
import { auditEntries, auditOf, freshDatabasePerTest, menteeInput, personInput, seedPair } from './helpers';

const db = freshDatabasePerTest();

describe('adding a person', () => {
  it('stores the person tidied up and lists them by name', async () => {
    await createPerson(personInput({ name: 'Zoe  Adams ', email: ' zoe@clinic.example ' }));
    const grace = await createPerson(personInput({ tags: [' triage', 'triage', '', 'ethics '] }));
    expect(grace.archived).toBe(false);
    expect(await getPerson(grace.id)).toEqual(grace);
    expect(grace.tags).toEqual(['triage', 'ethics']);
    const listed = await listPeople();
    expect(listed.map((person) => [person.name, person.email])).toEqual([
      ['Grace Okafor', 'grace.okafor@clinic.example'],
      ['Zoe Adams', 'zoe@clinic.example'],
    ]);
  });

  it('records the creation in the audit log with field names only', async () => {
    const grace = await createPerson(personInput());
    const [entry] = await auditOf(grace.id);
    expect(entry).toMatchObject({ table: 'people', action: 'create' });
    expect(entry.fields).toEqual(expect.arrayContaining(['name', 'email', 'hireDate', 'mentorCapacity']));
    expect(JSON.stringify(entry)).not.toContain('Grace Okafor');
    expect(JSON.stringify(entry)).not.toContain('grace.okafor@clinic.example');
  });

  it('refuses a bad person and writes nothing', async () => {
    await expect(createPerson(personInput({ hireDate: '31/01/2024' }))).rejects.toThrow(/year-month-day/);
    expect(await db().people.count()).toBe(0);
    expect(await db().auditLog.count()).toBe(0);
  });
});

describe('editing a person', () => {
  it('saves the change and audits exactly the fields that changed', async () => {
    const grace = await createPerson(personInput());
    const updated = await updatePerson(grace.id, { specialty: 'Intensive care', mentorCapacity: 3 });
    expect(await getPerson(grace.id)).toEqual(updated);
    expect(updated.specialty).toBe('Intensive care');
    const entries = await auditOf(grace.id);
    expect(entries.map((entry) => [entry.action, entry.fields])).toEqual([
      ['create', expect.any(Array)],
      ['update', ['mentorCapacity', 'specialty']],
    ]);
  });

  it("shows a person's audit trail newest first, without other people's entries", async () => {
    const grace = await createPerson(personInput());
    await createPerson(menteeInput());
    await updatePerson(grace.id, { specialty: 'Intensive care' });
    await archivePerson(grace.id);
    const trail = await listAuditFor('people', grace.id);
    expect(trail.map((entry) => [entry.action, entry.fields])).toEqual([
      ['update', ['archived']],
      ['update', ['specialty']],
      ['create', expect.arrayContaining(['name'])],
    ]);
    expect(trail.every((entry) => entry.recordId === grace.id && !Number.isNaN(Date.parse(entry.at)))).toBe(
      true,
    );
  });

  it('writes no audit entry when nothing actually changed', async () => {
    const grace = await createPerson(personInput());
    await updatePerson(grace.id, { name: '  Grace   Okafor ' });
    expect((await auditOf(grace.id)).length).toBe(1);
  });

  it('refuses an edit that breaks a rule and keeps the old record', async () => {
    const grace = await createPerson(personInput({ hireDate: '2015-09-01' }));
    await expect(updatePerson(grace.id, { leavingDate: '2010-01-01' })).rejects.toMatchObject({
      code: 'end-before-start',
    });
    expect(await getPerson(grace.id)).toEqual(grace);
    expect((await auditOf(grace.id)).length).toBe(1);
  });

  it('says plainly when the person no longer exists', async () => {
    await expect(updatePerson('missing', { specialty: 'x' })).rejects.toThrow(
      'This person no longer exists.',
    );
  });
});

describe('removing a person', () => {
  it('deletes someone who was never paired, with an audit entry', async () => {
    const grace = await createPerson(personInput());
    await deletePerson(grace.id);
    expect(await getPerson(grace.id)).toBeUndefined();
    expect((await auditOf(grace.id)).map((entry) => entry.action)).toEqual(['create', 'delete']);
  });

  it('refuses to delete someone with a pairing, as mentor or as mentee, and archives instead', async () => {
    const { mentor, mentee } = await seedPair();
    for (const person of [mentor, mentee]) {
      const refusal = deletePerson(person.id);
      await expect(refusal).rejects.toBeInstanceOf(RuleError);
      await expect(refusal).rejects.toMatchObject({ code: 'has-relationships' });
      await expect(refusal).rejects.toThrow(/archive them instead/);
      expect(await getPerson(person.id)).toEqual(person);
    }
    const archived = await archivePerson(mentee.id);
    expect(archived.archived).toBe(true);
    expect((await getPerson(mentee.id))?.archived).toBe(true);
    const last = (await auditOf(mentee.id)).at(-1);
    expect(last).toMatchObject({ action: 'update', fields: ['archived'] });
    expect((await auditEntries()).some((entry) => entry.action === 'delete')).toBe(false);
  });

  it('can bring an archived person back', async () => {
    const grace = await createPerson(personInput());
    await archivePerson(grace.id);
    expect((await archivePerson(grace.id, false)).archived).toBe(false);
  });
});

describe('adding many people at once', () => {
  it('adds them all, each with its own audit entry', async () => {
    const added = await createPeopleInBulk([
      personInput(),
      menteeInput(),
      menteeInput({ name: 'Sofia Rossi', email: 'sofia@clinic.example' }),
    ]);
    expect(added).toHaveLength(3);
    expect(new Set(added.map((person) => person.id)).size).toBe(3);
    expect(await db().people.count()).toBe(3);
    const entries = await auditEntries();
    expect(entries.map((entry) => entry.recordId).sort()).toEqual(added.map((person) => person.id).sort());
    expect(entries.every((entry) => entry.table === 'people' && entry.action === 'create')).toBe(true);
  });

  it('adds nobody when one person breaks a rule, and says which one', async () => {
    const refusal = createPeopleInBulk([
      personInput(),
      menteeInput(),
      menteeInput({ name: 'Sofia Rossi', email: 'sofia at clinic' }),
      menteeInput({ name: 'Noah Patel', email: 'noah@clinic.example' }),
    ]);
    await expect(refusal).rejects.toBeInstanceOf(RuleError);
    await expect(refusal).rejects.toThrow(
      'Person 3 (Sofia Rossi): "sofia at clinic" does not look like an email address.',
    );
    expect(await db().people.count()).toBe(0);
    expect(await db().auditLog.count()).toBe(0);
  });
});

describe('finding people already on the roster', () => {
  it('matches name and email ignoring case and extra spaces', async () => {
    const ana = await createPerson(
      menteeInput({ name: 'Ana María López', email: 'ana.lopez@clinic.example' }),
    );
    await createPerson(menteeInput({ name: 'Ana María López', email: 'ana.other@clinic.example' }));
    const found = await findPeopleByNameAndEmail([
      { name: '  ana   maría LÓPEZ ', email: ' ANA.LOPEZ@Clinic.Example ' },
      { name: 'Nobody Here', email: 'nobody@clinic.example' },
    ]);
    expect(found.map((person) => person.id)).toEqual([ana.id]);
  });

  it('does not match the same name with a different email', async () => {
    await createPerson(personInput());
    expect(
      await findPeopleByNameAndEmail([{ name: 'Grace Okafor', email: 'grace@elsewhere.example' }]),
    ).toEqual([]);
  });
});

describe('dates left empty', () => {
  it('are stored as "not known", never as an empty string', async () => {
    const person = await createPerson(personInput({ hireDate: '', leavingDate: '' }));
    expect(person.hireDate).toBeNull();
    expect(person.leavingDate).toBeNull();
  });
});

describe('names typed with accents on different computers', () => {
  const composed = 'Jos\u00e9 Ruiz';
  const decomposed = 'Jose\u0301 Ruiz';

  it('are stored in one Unicode form, so the same name is the same person', async () => {
    const pasted = await createPerson(personInput({ name: decomposed, email: 'jose@clinic.example' }));
    expect(pasted.name).toBe(composed);
    expect((await db().people.get(pasted.id))?.name).toBe(composed);
  });

  it('the duplicate check finds the person whichever way the accent was typed', async () => {
    const existing = await createPerson(personInput({ name: composed, email: 'Jose@Clinic.example' }));
    const found = await findPeopleByNameAndEmail([{ name: decomposed, email: 'jose@clinic.example' }]);
    expect(found.map((person) => person.id)).toEqual([existing.id]);
  });
});

describe('naming only the people on screen', () => {
  it('returns exactly the people asked for, once each, and leaves out ids that do not exist', async () => {
    const grace = await createPerson(personInput());
    const zoe = await createPerson(personInput({ name: 'Zoe Adams', email: 'zoe@clinic.example' }));
    await createPerson(personInput({ name: 'Omar Haddad', email: 'omar@clinic.example' }));
    const byId = await getPeopleByIds([zoe.id, grace.id, zoe.id, 'no-such-person']);
    expect([...byId.keys()].sort()).toEqual([grace.id, zoe.id].sort());
    expect(byId.get(zoe.id)?.name).toBe('Zoe Adams');
    expect((await getPeopleByIds([])).size).toBe(0);
  });
});
