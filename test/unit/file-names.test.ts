import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainFileNameSchema } from '../../electron/shared/ipc';
import { autoBackupFileName, backupFileName } from '../../renderer/data/backup/format';
import { plainFileStem } from '../../renderer/domain/file-names';

describe('file names the app suggests', () => {
  it('are always plain enough for the main process to accept, whatever the clinic is called', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), (clinicName, needsRepair) => {
        const when = new Date(2026, 10, 30, 17, 11);
        expect(plainFileNameSchema.safeParse(backupFileName(clinicName, when, needsRepair)).success).toBe(
          true,
        );
        expect(plainFileNameSchema.safeParse(autoBackupFileName(clinicName)).success).toBe(true);
      }),
    );
  });

  it('turn what a file system refuses into dashes and keep the rest', () => {
    expect(plainFileStem('St. Mary: East/West <Clinic>', 'x')).toBe('St. Mary- East-West -Clinic-');
    expect(plainFileStem('  ..Clínica São José..  ', 'x')).toBe('Clínica São José');
    expect(plainFileStem('\u0000\u0007', 'Guiding Hands')).toBe('--');
    expect(plainFileStem(' . ', 'Guiding Hands')).toBe('Guiding Hands');
  });
});
