import { useEffect, useState } from 'react';
import type { RecognitionLetter } from '../../domain/reports/recognition-letter';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { RecognitionLetterDocument } from './RecognitionLetterDocument';

interface LetterCardProps {
  /** Computes a mentor's letter for the report's period (in the report worker). */
  makeLetter: (mentorId: string) => Promise<RecognitionLetter>;
  /** Changes whenever a new report is made, so the letter is made again for it. */
  reportKey: string;
  mentors: { id: string; name: string }[];
  issuedOn: string;
  onSavePdf: (letter: RecognitionLetter) => void;
  busy: boolean;
}

/** One mentor, the chosen period: a one-page letter for a promotion or advancement file. */
export function LetterCard({ makeLetter, reportKey, mentors, issuedOn, onSavePdf, busy }: LetterCardProps) {
  const [mentorId, setMentorId] = useState('');
  const [letter, setLetter] = useState<RecognitionLetter | null>(null);
  const [failed, setFailed] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new report (reportKey) makes the letter again
  useEffect(() => {
    setLetter(null);
    setFailed('');
    if (!mentorId) return;
    let live = true;
    makeLetter(mentorId)
      .then((made) => {
        if (live) setLetter(made);
      })
      .catch((error: unknown) => {
        console.error('The recognition letter could not be made', error);
        if (live) setFailed('The letter could not be made. Please try again.');
      });
    return () => {
      live = false;
    };
  }, [mentorId, reportKey]);
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
      {failed && (
        <p className="form-error" role="alert">
          {failed}
        </p>
      )}
      {letter && (
        <div className="letter-preview">
          <RecognitionLetterDocument letter={letter} issuedOn={issuedOn} />
        </div>
      )}
    </Card>
  );
}
