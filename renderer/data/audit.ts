import type { AuditAction, AuditedTable, Id } from '../domain/types';
import { getDb } from './db';

// Every create, update and delete is recorded here by the repositories, inside the same transaction
// as the change. Only field names are kept: never note text or any other value.

export function nowIso(): string {
  return new Date().toISOString();
}

export function newId(): Id {
  return crypto.randomUUID();
}

export async function recordAudit(
  table: AuditedTable,
  recordId: Id,
  action: AuditAction,
  fields: string[],
  detail?: string,
): Promise<void> {
  await getDb().auditLog.add({
    at: nowIso(),
    table,
    recordId,
    action,
    fields,
    ...(detail ? { detail } : {}),
  });
}

/** The audit trail of one record, newest first. */
export async function listAuditFor(table: AuditedTable, recordId: Id) {
  const entries = await getDb().auditLog.where('[table+recordId]').equals([table, recordId]).toArray();
  return entries.reverse();
}
