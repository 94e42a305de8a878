import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { topicGuides } from '../../domain/meeting-guides';
import { useStoredMeetingGuides } from '../../hooks/useMeetingGuides';
import { useMilestoneTypes } from '../../hooks/useMilestones';
import { usePrograms } from '../../hooks/usePrograms';
import { useSettings } from '../../hooks/useSettings';
import { useTopics } from '../../hooks/useTopics';
import { getPlatform } from '../../platform/platform';
import { MentorHandbook } from '../../ui/MeetingGuides';
import { PrintButton } from '../../ui/PrintButton';

/** Prints the mentor's handbook with the clinic's programs, milestones, guides and support contacts. */
export function PrintHandbookButton() {
  const settings = useSettings();
  const programs = usePrograms();
  const topics = useTopics();
  const stored = useStoredMeetingGuides();
  const types = useMilestoneTypes();
  if (!settings || !programs || !topics || !stored || !types) return null;
  return (
    <PrintButton
      label="Print the mentor's handbook"
      print={() => getPlatform().print()}
      paperSize={settings.paperSize}
      runningHeader={`${settings.clinicName} · Mentor's handbook`}
      runningFooter={`Printed ${formatDisplayDate(todayIso())} by Guiding Hands`}
      className="handbook-print"
    >
      <MentorHandbook
        clinicName={settings.clinicName}
        programs={programs}
        guides={topicGuides(topics, stored)}
        milestoneTypes={types}
        supportContacts={settings.supportContacts}
      />
    </PrintButton>
  );
}
