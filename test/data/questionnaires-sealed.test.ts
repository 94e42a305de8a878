import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createLock } from '../../renderer/data/lock/keyring';
import { sealClinic } from '../../renderer/data/lock/seal-all';
import {
  createQuestionnaire,
  listOpenSupportRequests,
  saveResponse,
} from '../../renderer/data/questionnaires.repo';
import { BURNOUT_ID } from '../../renderer/domain/questionnaires/built-in';
import {
  fixTodayPerTest,
  freshDatabasePerTest,
  LOCKED_CONFIGURATION,
  sealedAtRest,
  seedPair,
} from './helpers';

// With the clinic lock on, a person's answers, whether they were offered support, and who asked to be
// contacted are stored sealed: nothing of them is readable in IndexedDB, nor in the audit log.

const db = freshDatabasePerTest();
fixTodayPerTest();
const MARKER = 'QUOKKA-5521 I cannot sleep before night shifts';

async function stored(table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(db().name);
  await raw.open();
  try {
    return await raw.table(table).toArray();
  } finally {
    raw.close();
  }
}

async function storedText(): Promise<string> {
  const raw = new Dexie(db().name);
  await raw.open();
  try {
    const parts: string[] = [];
    for (const table of raw.tables)
      for (const record of await table.toArray())
        parts.push(
          JSON.stringify(record, (_key, value) => (value instanceof Uint8Array ? [...value] : value)),
        );
    return parts.join('\n');
  } finally {
    raw.close();
  }
}

describe('questionnaire answers under the clinic lock', () => {
  it('are sealed at rest, and still read plainly by the app', async () => {
    if (!LOCKED_CONFIGURATION) {
      await createLock(db().name, 'test clinic passphrase', { logN: 10, r: 8, p: 1 });
      await sealClinic(db());
    }
    const { mentee } = await seedPair();
    const own = await createQuestionnaire({
      title: 'Check-in',
      intro: '',
      questions: [{ kind: 'text', prompt: 'What keeps you up?' }],
    });
    await saveResponse({
      questionnaireId: own.id,
      personId: mentee.id,
      relationshipId: null,
      checkpoint: null,
      answers: { q1: MARKER },
      wantsContact: false,
    });
    await saveResponse({
      questionnaireId: BURNOUT_ID,
      personId: mentee.id,
      relationshipId: null,
      checkpoint: null,
      answers: { burnout: 4 },
      wantsContact: true,
    });

    const responses = await stored('responses');
    expect(responses).toHaveLength(2);
    for (const response of responses) {
      // Neither the answers nor the outcome word is stored plain: both are sealed, together.
      expect(sealedAtRest('responses', response, 'answers')).toBe(true);
      expect(sealedAtRest('responses', response, 'support')).toBe(true);
      expect(response.personId).toBe(mentee.id);
    }
    const [request] = await stored('supportRequests');
    expect(request.personId).not.toBe(mentee.id);
    expect(await storedText()).not.toContain('QUOKKA-5521');
    // The audit log names the fields written, never a value: no answer, no outcome, no person.
    const audit = (await stored('auditLog')).filter(
      (entry) => entry.table === 'responses' || entry.table === 'supportRequests',
    );
    expect(audit.map((entry) => [entry.table, entry.action, entry.fields])).toEqual([
      ['responses', 'create', ['answers', 'support']],
      ['responses', 'create', ['answers', 'support']],
      ['supportRequests', 'create', ['personId']],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/QUOKKA|accepted|"burnout"|"q1"/);
    expect(JSON.stringify(audit)).not.toContain(mentee.id);

    // The app itself sees the person who asked, by name.
    expect((await listOpenSupportRequests()).map((open) => open.personName)).toEqual(['Liam Chen']);
  });
});
