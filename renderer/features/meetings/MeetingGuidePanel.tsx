import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import type { TopicGuide } from '../../domain/meeting-guides';
import type { Id } from '../../domain/types';
import { useSettings } from '../../hooks/useSettings';
import { getPlatform } from '../../platform/platform';
import { GuideBlock, GuideSheet } from '../../ui/MeetingGuides';
import { PrintButton } from '../../ui/PrintButton';

interface MeetingGuidePanelProps {
  /** Every offered topic's guide. */
  guides: TopicGuide[];
  /** The topics chosen for this meeting, whose guides are shown. */
  chosen: Id[];
  pairName: string;
}

/** The chosen topics' guides, folded away until the mentor opens them; printable on one page. */
export function MeetingGuidePanel({ guides, chosen, pairName }: MeetingGuidePanelProps) {
  const settings = useSettings();
  const shown = guides.filter((guide) => chosen.includes(guide.topic.id));
  return (
    <details className="guide-panel">
      <summary>Meeting guide for the chosen topics ({shown.length})</summary>
      {shown.length === 0 ? (
        <p className="muted">Choose one or more topics above to see questions worth asking.</p>
      ) : (
        <>
          {shown.map((guide) => (
            <GuideBlock key={guide.topic.id} guide={guide} />
          ))}
          {settings && (
            <PrintButton
              label="Print this guide"
              print={() => getPlatform().print()}
              paperSize={settings.paperSize}
              runningHeader={settings.clinicName}
              runningFooter={`Printed ${formatDisplayDate(todayIso())} by Guiding Hands`}
              className="guide-sheet-print"
              small
            >
              <GuideSheet guides={shown} pairName={pairName} />
            </PrintButton>
          )}
        </>
      )}
    </details>
  );
}
