import { useEffect, useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { useSettings } from '../../hooks/useSettings';
import { getPlatform } from '../../platform/platform';
import { Button } from '../../ui/Button';
import { PrintPortal } from '../../ui/PrintPortal';
import { type AgreementFacts, MentoringAgreement } from './MentoringAgreement';
import './agreement.css';

/** Prints the pairing's mentoring agreement: its print layout is drawn, printed, then taken away. */
export function PrintAgreementButton(props: Omit<AgreementFacts, 'clinicName'>) {
  const settings = useSettings();
  const [printing, setPrinting] = useState(false);

  // The layout is in the page once this effect runs, so the print shows it.
  useEffect(() => {
    if (!printing) return;
    let live = true;
    getPlatform()
      .print()
      .catch((error: unknown) => console.error('Printing the agreement failed', error))
      .finally(() => {
        if (live) setPrinting(false);
      });
    return () => {
      live = false;
    };
  }, [printing]);

  const clinicName = settings?.clinicName ?? '';
  return (
    <>
      <Button onClick={() => setPrinting(true)} disabled={printing || !settings}>
        Print agreement
      </Button>
      {printing && settings && (
        <PrintPortal
          className="agreement-print"
          paperSize={settings.paperSize}
          runningHeader={clinicName}
          runningFooter={`Printed ${formatDisplayDate(todayIso())} by Guiding Hands`}
        >
          <MentoringAgreement clinicName={clinicName} {...props} />
        </PrintPortal>
      )}
    </>
  );
}
