import type { ReactNode } from 'react';
import { useSettings } from '../../hooks/useSettings';
import { ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ClinicSection } from './ClinicSection';
import { GoalAreasSection } from './GoalAreasSection';
import { MeetingGuidesSection } from './MeetingGuidesSection';
import { MilestoneTypesSection } from './MilestoneTypesSection';
import { PrivacySection } from './PrivacySection';
import { ProgramsSection } from './ProgramsSection';
import { StorageProtection } from './StorageProtection';
import { TopicsSection } from './TopicsSection';
import { TrainingCoursesSection } from './TrainingCoursesSection';
import { useAppInfo } from './useAppInfo';
import { WellbeingSection } from './WellbeingSection';

/** `sampleData`: the sample clinic's "Start for real", given by the app shell. */
export function SettingsScreen({ sampleData }: { sampleData?: ReactNode }) {
  const settings = useSettings();
  const info = useAppInfo();
  if (!settings) return <Loading />;
  return (
    <>
      <PageHeader title="Settings" />
      {sampleData}
      <ClinicSection settings={settings} />
      <PrivacySection settings={settings} />
      <ProgramsSection />
      <TopicsSection />
      <TrainingCoursesSection />
      <WellbeingSection settings={settings} />
      <MilestoneTypesSection />
      <MeetingGuidesSection />
      <GoalAreasSection />
      <Card title="Backups">
        <p>Make an encrypted copy of all your records, restore one, or set up automatic backups.</p>
        <StorageProtection />
        <ButtonLink to="/backup">Open backups</ButtonLink>
      </Card>
      <Card title="About">
        <p>
          Guiding Hands {info ? `version ${info.version}` : ''}
          {info && <span className="muted"> ({info.platform})</span>}
        </p>
        <p className="muted">
          Everything is stored on this computer only. Nothing is sent over the internet.
        </p>
      </Card>
    </>
  );
}
