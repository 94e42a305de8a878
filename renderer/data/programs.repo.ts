import { changedFields, checkProgram, type ProgramInput, RuleError } from '../domain/rules';
import { storedLine } from '../domain/text';
import type { Id, Program } from '../domain/types';
import { newId, nowIso, recordAudit } from './audit';
import { getDb } from './db';

export type { ProgramInput } from '../domain/rules';

export async function listPrograms(): Promise<Program[]> {
  return getDb().programs.orderBy('name').toArray();
}

export async function getProgram(id: Id): Promise<Program | undefined> {
  return getDb().programs.get(id);
}

export async function createProgram(input: ProgramInput): Promise<Program> {
  const clean = { ...input, name: storedLine(input.name) };
  checkProgram(clean);
  const db = getDb();
  const at = nowIso();
  const program: Program = {
    ...clean,
    archived: clean.archived ?? false,
    id: newId(),
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction('rw', db.programs, db.auditLog, async () => {
    const same = await db.programs.where('name').equalsIgnoreCase(program.name).count();
    if (same > 0)
      throw new RuleError('duplicate', `There is already a program called "${program.name}".`, 'name');
    await db.programs.add(program);
    await recordAudit('programs', program.id, 'create', Object.keys(clean).sort());
  });
  return program;
}

export async function updateProgram(id: Id, changes: Partial<ProgramInput>): Promise<Program> {
  const db = getDb();
  return db.transaction('rw', db.programs, db.auditLog, async () => {
    const before = await db.programs.get(id);
    if (!before) throw new RuleError('not-found', 'This program no longer exists.');
    const after: Program = {
      ...before,
      ...changes,
      name: storedLine(changes.name ?? before.name),
      updatedAt: nowIso(),
    };
    checkProgram(after);
    const fields = changedFields(before, after);
    if (fields.length === 0) return before;
    await db.programs.put(after);
    await recordAudit('programs', id, 'update', fields);
    return after;
  });
}

export async function archiveProgram(id: Id, archived = true): Promise<Program> {
  return updateProgram(id, { archived });
}
