import { todayIso } from '../domain/calendar';
import { checkRecognition, type RecognitionInput, RuleError } from '../domain/rules';
import type { Id, IsoDate, Recognition } from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb } from './db';

// Recognition of a mentor's work. The text is sensitive (it may quote a mentee): the clinic lock seals it
// (lock/sealed-fields.ts), and the audit log names the fields only.

export type { RecognitionInput } from '../domain/rules';

/** A person's recognition entries, the latest first. */
export async function listRecognitionFor(personId: Id): Promise<Recognition[]> {
  const entries = await getDb().recognitions.where('personId').equals(personId).toArray();
  return entries.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

export async function addRecognition(
  input: RecognitionInput,
  today: IsoDate = todayIso(),
): Promise<Recognition> {
  const db = getDb();
  return db.transaction('rw', [db.recognitions, db.people, db.auditLog], async () => {
    const person = input.personId ? await db.people.get(input.personId) : undefined;
    const clean = checkRecognition(input, { personExists: person !== undefined, today });
    const at = nowIso();
    const entry: Recognition = { ...clean, id: newId(), createdAt: at, updatedAt: at };
    await db.recognitions.add(entry);
    await recordAudit('recognitions', entry.id, 'create', ['personId', 'kind', 'date', 'text']);
    return entry;
  });
}

export async function deleteRecognition(id: Id): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.recognitions, db.auditLog, async () => {
    if (!(await db.recognitions.get(id))) throw new RuleError('not-found', 'This entry no longer exists.');
    await db.recognitions.delete(id);
    await recordAudit('recognitions', id, 'delete', []);
  });
}
