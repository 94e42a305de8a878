import { useMemo, useState } from 'react';
import type { ReportPeriod } from '../../domain/reports/period';
import { computeRecognitionLetter, type RecognitionLetter } from '../../domain/reports/recognition-letter';
import type { ReportData } from '../../domain/reports/report-data';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { RecognitionLetterDocument } from './RecognitionLetterDocument';

interface LetterCardProps {
  data: ReportData;
  period: ReportPeriod;
  mentors: { id: string; name: string }[];
  issuedOn: string;
  onSavePdf: (letter: RecognitionLetter) => void;
  busy: boolean;
}

/** One mentor, the chosen period: a one-page letter for a promotion or advancement file. */
export function LetterCard({ data, period, mentors, issuedOn, onSavePdf, busy }: LetterCardProps) {
  const [mentorId, setMentorId] = useState('');
  const letter = useMemo(
    () => (mentorId ? computeRecognitionLetter(data, period, mentorId) : null),
    [data, period, mentorId],
  );
  return (
    <Card title="Mentor recognition letter">
      <p>
        A one-page letter listing a mentor’s mentees, meetings, hours and topics over the period chosen above.
      </p>
      <div className="report-controls">
        <SelectField
          label="Mentor"
          value={mentorId}
          onChange={setMentorId}
          placeholder="Choose a mentor"
          options={mentors.map((mentor) => ({ value: mentor.id, label: mentor.name }))}
        />
        {letter && (
          <Button variant="primary" onClick={() => onSavePdf(letter)} disabled={busy}>
            Save letter as PDF
          </Button>
        )}
      </div>
      {letter && (
        <div className="letter-preview">
          <RecognitionLetterDocument letter={letter} issuedOn={issuedOn} />
        </div>
      )}
    </Card>
  );
}
