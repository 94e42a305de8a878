import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Rotation } from '../../shared/ipc';
import { writeFileAtomically } from './atomic-write';
import { planRotation } from './rotation';

// The automatic backups this installation wrote, by folder, name and SHA-256. Rotation deletes only
// files listed here whose content still matches: another computer's backups in a shared folder, a file
// the manager replaced, or a backup made before this list existed are never deleted.

/** More than 27 years of daily backups: past this the oldest entries are dropped (their files are then kept). */
const MAX_ENTRIES = 10_000;

const entrySchema = z.object({
  folder: z.string().max(4096),
  name: z.string().max(1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string().max(40),
  /** Order of writing, which a clock set back cannot change. */
  sequence: z.number().int().nonnegative(),
});
export type LedgerEntry = z.infer<typeof entrySchema>;
const ledgerSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema).max(MAX_ENTRIES) });

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function sha256OfFile(path: string): Promise<string | null> {
  try {
    return sha256Hex(await readFile(path));
  } catch {
    return null;
  }
}

export class BackupLedger {
  private entries: LedgerEntry[];

  constructor(private readonly file: string) {
    this.entries = BackupLedger.read(file);
  }

  private static read(file: string): LedgerEntry[] {
    try {
      return ledgerSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).entries;
    } catch {
      // Missing or damaged: nothing is known to be ours, so rotation deletes nothing until new backups are made.
      return [];
    }
  }

  entriesIn(folder: string): LedgerEntry[] {
    const full = resolve(folder);
    return this.entries.filter((entry) => entry.folder === full);
  }

  /** Records a backup just written; a file written again under the same name replaces its entry. */
  async record(folder: string, name: string, sha256: string, createdAt: Date): Promise<void> {
    const full = resolve(folder);
    const sequence = this.entries.reduce((highest, entry) => Math.max(highest, entry.sequence), -1) + 1;
    const others = this.entries.filter((entry) => !(entry.folder === full && entry.name === name));
    const next = [...others, { folder: full, name, sha256, createdAt: createdAt.toISOString(), sequence }];
    await this.save(next.slice(-MAX_ENTRIES));
  }

  private async forget(folder: string, names: ReadonlySet<string>): Promise<void> {
    if (names.size === 0) return;
    const full = resolve(folder);
    await this.save(this.entries.filter((entry) => !(entry.folder === full && names.has(entry.name))));
  }

  private async save(entries: LedgerEntry[]): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomically(this.file, JSON.stringify({ version: 1, entries }));
    this.entries = entries;
  }

  /**
   * Applies the rotation to this installation's backups in the folder and returns the names deleted.
   * The most recently written backup is always kept, whatever the clock said when it was named, and so is
   * any backup dated after `now` (the clock was set back since): it cannot be placed in time, so it waits
   * until the clock passes it. A listed file whose content changed is not ours any more: it is left alone
   * and forgotten.
   */
  async rotate(folder: string, rotation: Rotation, now: Date): Promise<string[]> {
    const present = new Set(await readdir(folder));
    const ours = this.entriesIn(folder);
    const gone = new Set(ours.filter((entry) => !present.has(entry.name)).map((entry) => entry.name));
    const candidates = ours.filter((entry) => present.has(entry.name));
    if (candidates.length === 0) {
      await this.forget(folder, gone);
      return [];
    }
    const newest = candidates.reduce((latest, entry) => (entry.sequence > latest.sequence ? entry : latest));
    const placed = candidates.filter((entry) => Date.parse(entry.createdAt) <= now.getTime());
    const plan = planRotation(
      placed.map((entry) => ({ name: entry.name, createdAt: new Date(entry.createdAt) })),
      rotation,
    );
    const removed: string[] = [];
    const forgotten = new Set(gone);
    for (const name of plan.remove) {
      if (name === newest.name) continue;
      const entry = candidates.find((candidate) => candidate.name === name);
      const path = join(folder, name);
      if (!entry || (await sha256OfFile(path)) !== entry.sha256) {
        forgotten.add(name);
        continue;
      }
      if (
        await rm(path).then(
          () => true,
          () => false,
        )
      ) {
        removed.push(name);
        forgotten.add(name);
      }
    }
    await this.forget(folder, forgotten);
    return removed;
  }
}
