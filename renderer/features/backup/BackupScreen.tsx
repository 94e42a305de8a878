import './backup.css';
import { useState } from 'react';
import { useSettings } from '../../hooks/useSettings';
import { PageHeader } from '../../ui/PageHeader';
import { AutoBackupCard } from './AutoBackupCard';
import { BackupNowCard } from './BackupNowCard';
import { CheckBackupCard } from './CheckBackupCard';
import { RestoreCard } from './RestoreCard';
import { SafetyCopiesCard } from './SafetyCopiesCard';

/** Backups: make one now, restore or check one, undo a restore, and automatic backups. */
export function BackupScreen() {
  const settings = useSettings();
  const clinicName = settings?.clinicName ?? '';
  const [restores, setRestores] = useState(0);
  const restored = () => setRestores((count) => count + 1);
  // Turning automatic backups on from the offer after a backup shows in their card at once.
  const [autoChanges, setAutoChanges] = useState(0);
  return (
    <>
      <PageHeader title="Backups" />
      <BackupNowCard
        clinicName={clinicName}
        onAutomaticBackupsOn={() => setAutoChanges((count) => count + 1)}
      />
      <RestoreCard onRestored={restored} />
      <CheckBackupCard />
      <SafetyCopiesCard refreshKey={restores} onRestored={restored} />
      <AutoBackupCard key={autoChanges} clinicName={clinicName} />
    </>
  );
}
