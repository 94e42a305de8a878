// Must come first: Dexie looks for IndexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { switchDatabase } from '../../renderer/data/db';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../../renderer/data/settings.repo';
import { addTopic, archiveTopic, listTopics, renameTopic } from '../../renderer/data/topics.repo';
import { RuleError } from '../../renderer/domain/rules';
import { BUILT_IN_TOPICS, type PaperSize } from '../../renderer/domain/types';
import { auditOf, freshDatabasePerTest } from './helpers';

const db = freshDatabasePerTest();

describe('the topic list', () => {
  it('offers every built-in topic in a new clinic', async () => {
    const topics = await listTopics();
    expect(topics.map((topic) => topic.label).sort()).toEqual(
      BUILT_IN_TOPICS.map((topic) => topic.label).sort(),
    );
    expect(topics.every((topic) => topic.builtIn && !topic.archived)).toBe(true);
    expect(topics.map((topic) => topic.label)).toEqual(
      expect.arrayContaining([
        'Patient loss',
        'Stress and burnout',
        'Post-operative / after-action feedback',
      ]),
    );
  });

  it("adds the clinic's own topic after the built-in ones, and audits it", async () => {
    const added = await addTopic('  Quality   improvement ');
    expect(added).toMatchObject({ label: 'Quality improvement', builtIn: false, archived: false });
    const topics = await listTopics();
    expect(topics).toHaveLength(BUILT_IN_TOPICS.length + 1);
    expect(topics.at(-1)).toEqual(added);
    expect((await auditOf(added.id)).map((entry) => [entry.action, entry.fields])).toEqual([
      ['create', ['label']],
    ]);
  });

  it('refuses a label the list already has, ignoring case and spaces, built-in or not', async () => {
    for (const label of [' ethics', 'PATIENT  LOSS']) {
      const refusal = addTopic(label);
      await expect(refusal).rejects.toBeInstanceOf(RuleError);
      await expect(refusal).rejects.toMatchObject({ code: 'duplicate' });
    }
    await addTopic('Quality improvement');
    await expect(addTopic('quality improvement')).rejects.toThrow(
      'There is already a topic called "quality improvement".',
    );
    expect(await listTopics()).toHaveLength(BUILT_IN_TOPICS.length + 1);
  });

  it('refuses an empty topic name', async () => {
    await expect(addTopic('   ')).rejects.toThrow('A topic needs a name.');
  });

  it('renames a topic, but not to a label already taken', async () => {
    const own = await addTopic('Handover');
    expect((await renameTopic(own.id, 'Shift handover')).label).toBe('Shift handover');
    await expect(renameTopic(own.id, 'Ethics')).rejects.toMatchObject({ code: 'duplicate' });
    const renamedBuiltIn = await renameTopic('career', 'Career paths and specialization');
    expect((await listTopics()).find((topic) => topic.id === 'career')).toEqual(renamedBuiltIn);
    expect((await auditOf(own.id)).map((entry) => entry.action)).toEqual(['create', 'update']);
  });

  it('keeps an archived topic in the list, marked archived', async () => {
    await archiveTopic('networking');
    const networking = (await listTopics()).find((topic) => topic.id === 'networking');
    expect(networking).toMatchObject({ label: 'Networking', builtIn: true, archived: true });
    expect((await listTopics()).filter((topic) => topic.id === 'networking')).toHaveLength(1);
  });
});

describe('clinic settings', () => {
  it('start with the defaults before anything is saved', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ paperSize: 'A4', backupWarnDays: 7, onboarded: false });
  });

  it('save changes, tidy the clinic name, and are still there after reopening the database', async () => {
    const name = db().name;
    const saved = await updateSettings({ clinicName: '  Riverside Family Clinic ', paperSize: 'Letter' });
    expect(saved).toMatchObject({
      clinicName: 'Riverside Family Clinic',
      paperSize: 'Letter',
      backupWarnDays: 7,
    });
    switchDatabase(name);
    expect(await getSettings()).toEqual(saved);
    expect((await auditOf('clinic')).map((entry) => entry.fields)).toEqual([['clinicName', 'paperSize']]);
  });

  it('refuse a blank or overlong clinic name, an unknown paper size and odd reminder periods', async () => {
    await expect(updateSettings({ clinicName: '   ' })).rejects.toThrow('The clinic needs a name.');
    await expect(updateSettings({ clinicName: 'x'.repeat(121) })).rejects.toMatchObject({ code: 'too-long' });
    await expect(updateSettings({ paperSize: 'A5' as PaperSize })).rejects.toThrow('Choose A4 or US Letter.');
    for (const backupWarnDays of [0, 366, 2.5])
      await expect(updateSettings({ backupWarnDays })).rejects.toMatchObject({ field: 'backupWarnDays' });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await db().auditLog.count()).toBe(0);
  });

  it('accept the edges of the reminder period', async () => {
    expect((await updateSettings({ backupWarnDays: 1 })).backupWarnDays).toBe(1);
    expect((await updateSettings({ backupWarnDays: 365 })).backupWarnDays).toBe(365);
  });
});
