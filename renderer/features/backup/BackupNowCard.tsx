import { type FormEvent, useEffect, useState } from 'react';
import { type AutoBackupStatus, getPlatform } from '../../platform/platform';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError } from '../../ui/Field';
import { type PassphraseChoice, PassphraseFields, settledChoice } from '../../ui/PassphraseFields';
import { automaticBackupsRequest, shouldOfferAutomaticBackups } from './auto-backup-offer';
import { BackupProblems, problemsFound } from './BackupProblems';
import { describeBackupFailure } from './backup-errors';
import { chooseBackupFolder, readBackupFolder } from './backup-folder';
import { ProgressBar } from './ProgressBar';
import { BACKUP_FILE_FILTER, type BackupProgress, backupActions, type MadeBackup } from './useBackup';

/** A backup made but not yet saved, because its records break a rule and the manager must decide. */
interface PendingBackup {
  backup: MadeBackup;
  now: Date;
  target: string | null;
}

/** "Back up now": a passphrase (twice, strong enough), then one encrypted file saved where the manager says. */
export function BackupNowCard({
  clinicName,
  onAutomaticBackupsOn,
}: {
  clinicName: string;
  /** Automatic backups were turned on from the offer after a backup. */
  onAutomaticBackupsOn?: () => void;
}) {
  const { ensureRoomForBackup, makeBackup, recordBackupSaved } = backupActions;
  const platform = getPlatform();
  const inElectron = platform.kind === 'electron';
  const [choice, setChoice] = useState<PassphraseChoice>({ passphrase: '', ready: false, problem: null });
  const [tried, setTried] = useState(false);
  const [folder, setFolder] = useState<string | null>(null);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [needsRepair, setNeedsRepair] = useState<PendingBackup | null>(null);
  const [offer, setOffer] = useState<{ status: AutoBackupStatus; folder: string; passphrase: string } | null>(
    null,
  );
  const busy = progress !== null;

  useEffect(() => {
    let live = true;
    readBackupFolder(platform).then(
      (kept) => live && setFolder(kept),
      // Not knowing the folder only means asking for it at the next backup.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [platform]);

  async function chooseFolder(): Promise<string | null> {
    const chosen = await chooseBackupFolder(platform);
    if (chosen) setFolder(chosen);
    return chosen;
  }

  async function backUp(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setSaved(null);
    setError(null);
    setNeedsRepair(null);
    // Submitted while the strength is being checked: wait for the verdict rather than refuse.
    const settled = await settledChoice(choice);
    if (!settled.ready) {
      setError(settled.problem);
      return;
    }
    let target: string | null = null;
    try {
      target = inElectron ? (folder ?? (await chooseFolder())) : null;
    } catch (failure) {
      setError(describeBackupFailure(failure, 'keeping the backup folder'));
      return;
    }
    if (inElectron && !target) return;
    setProgress({ phase: 'reading', done: 0, total: 1 });
    try {
      // A download lands on this computer's disk: refuse early when it clearly cannot fit.
      if (!target) await ensureRoomForBackup();
      const now = new Date();
      const backup = await makeBackup({ passphrase: choice.passphrase, now, onProgress: setProgress });
      // Broken records: the manager decides whether to keep this backup, marked "needs repair".
      if (backup.problemCount > 0) setNeedsRepair({ backup, now, target });
      else await save(backup, now, target);
    } catch (failure) {
      setError(describeBackupFailure(failure, 'making the backup'));
    } finally {
      setProgress(null);
    }
  }

  async function save(backup: MadeBackup, now: Date, target: string | null) {
    let where: string;
    if (target) {
      const written = await platform.writeBackupToFolder({
        folder: target,
        fileName: backup.fileName,
        data: backup.bytes,
      });
      where = `Saved as ${written.path}.`;
    } else {
      const result = await platform.saveAs({
        suggestedName: backup.fileName,
        filters: [BACKUP_FILE_FILTER],
        data: backup.bytes,
      });
      if (!result.saved) {
        setError('The backup was not saved (the save was cancelled).');
        return;
      }
      where = result.path ? `Saved as ${result.path}.` : `Downloaded as "${backup.fileName}".`;
    }
    await recordBackupSaved(now);
    const repair =
      backup.problemCount > 0
        ? ' It is marked "needs repair": correct the records named above, then make a new backup.'
        : '';
    setSaved(
      `Backup made: ${where}${repair} Keep the passphrase safe — without it the backup cannot be opened.`,
    );
    if (target) {
      const status = await platform.getAutoBackupStatus().catch(() => null);
      if (status && shouldOfferAutomaticBackups(status))
        setOffer({ status, folder: target, passphrase: choice.passphrase });
    }
  }

  async function saveNeedingRepair() {
    if (!needsRepair) return;
    setError(null);
    setProgress({ phase: 'writing-file', done: 1, total: 1 });
    try {
      await save(needsRepair.backup, needsRepair.now, needsRepair.target);
    } catch (failure) {
      setError(describeBackupFailure(failure, 'saving the backup'));
    } finally {
      setProgress(null);
      setNeedsRepair(null);
    }
  }

  async function turnOnAutomaticBackups() {
    if (!offer) return;
    setError(null);
    try {
      const status = await platform.configureAutoBackup(
        automaticBackupsRequest(offer.status, offer.folder, offer.passphrase),
      );
      setOffer(null);
      onAutomaticBackupsOn?.();
      setSaved(
        `Automatic backups are on: every day and when Guiding Hands closes, into ${status.folder ?? offer.folder}, with the same passphrase.`,
      );
    } catch (failure) {
      setError(describeBackupFailure(failure, 'turning on automatic backups'));
    }
  }

  return (
    <Card title="Back up now">
      <form onSubmit={backUp} noValidate>
        <p>
          Saves every record — people, pairings, meetings and notes, settings — into one encrypted file. Keep
          it on a USB stick or another computer, away from this one.
        </p>
        <PassphraseFields
          related={clinicName ? [clinicName] : []}
          onChange={setChoice}
          showProblems={tried}
        />
        {inElectron ? (
          <p>
            {folder ? (
              <>
                Saving into: <strong>{folder}</strong>{' '}
              </>
            ) : (
              'You will be asked where to save it. '
            )}
            {folder && (
              <Button
                variant="quiet"
                onClick={() =>
                  chooseFolder().catch((failure) =>
                    setError(describeBackupFailure(failure, 'keeping the backup folder')),
                  )
                }
                disabled={busy}
              >
                Choose another folder…
              </Button>
            )}
          </p>
        ) : (
          <p>The backup file will be downloaded by your browser (usually into your Downloads folder).</p>
        )}
        {needsRepair && (
          <div className="warning" role="alert">
            <p>
              {problemsFound(needsRepair.backup.problemCount)}: a restore would refuse this backup until the
              records are put right.
            </p>
            <BackupProblems
              problems={needsRepair.backup.problems}
              problemCount={needsRepair.backup.problemCount}
              label="Records that break a rule"
            />
            <p>You can still keep this backup; its file name and contents will say "needs repair".</p>
            <div className="button-row">
              <Button onClick={() => void saveNeedingRepair()} disabled={busy}>
                Save it, marked “needs repair”
              </Button>
              <Button onClick={() => setNeedsRepair(null)} disabled={busy}>
                Don't save
              </Button>
            </div>
          </div>
        )}
        <FormError message={error} />
        {saved && (
          <p className="form-success" role="status">
            {saved}
          </p>
        )}
        {offer && (
          <section aria-label="Automatic backups" className="notice">
            <p>
              <strong>Also back up automatically to this folder?</strong> Guiding Hands would then make a
              backup there every day and when it closes, locked with the passphrase you just typed, and keep
              the recent ones. You can change this under Automatic backups below.
            </p>
            <div className="button-row">
              <Button variant="primary" onClick={() => void turnOnAutomaticBackups()}>
                Yes, back up automatically
              </Button>
              <Button onClick={() => setOffer(null)}>Not now</Button>
            </div>
          </section>
        )}
        <ProgressBar progress={progress} />
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={busy}>
            Back up now
          </Button>
        </div>
      </form>
    </Card>
  );
}
