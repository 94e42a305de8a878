import { memo, useEffect, useState } from 'react';
import type { RecognitionLetter } from '../../domain/reports/recognition-letter';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FieldFrame } from '../../ui/Field';
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
        <MentorSelect mentors={mentors} value={mentorId} onChange={setMentorId} />
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

/** How many mentors' options are added to the list in one task. */
const OPTIONS_PER_TASK = 300;

/**
 * The list of every mentor, filled a few hundred options at a time, each in a task of its own: a clinic
 * with thousands of mentors held the window for one long task to draw them all at once.
 */
function MentorSelect({
  mentors,
  value,
  onChange,
}: {
  mentors: { id: string; name: string }[];
  value: string;
  onChange: (mentorId: string) => void;
}) {
  const [filled, setFilled] = useState({ mentors, count: OPTIONS_PER_TASK });
  const count = filled.mentors === mentors ? filled.count : OPTIONS_PER_TASK;
  useEffect(() => {
    if (count >= mentors.length) return;
    const timer = setTimeout(() => setFilled({ mentors, count: count + OPTIONS_PER_TASK }), 0);
    return () => clearTimeout(timer);
  }, [mentors, count]);
  const chunks: { id: string; name: string }[][] = [];
  for (let from = 0; from < Math.min(count, mentors.length); from += OPTIONS_PER_TASK)
    chunks.push(mentors.slice(from, from + OPTIONS_PER_TASK));
  return (
    <FieldFrame label="Mentor">
      {({ inputId }) => (
        <select
          id={inputId}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-busy={count < mentors.length || undefined}
        >
          <option value="">Choose a mentor</option>
          {chunks.map((chunk) => (
            <MentorOptions key={chunk[0].id} mentors={chunk} />
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** One slice of the mentors' options; drawn once, not again as later slices are added. */
const MentorOptions = memo(
  function MentorOptions({ mentors }: { mentors: { id: string; name: string }[] }) {
    return mentors.map((mentor) => (
      <option key={mentor.id} value={mentor.id}>
        {mentor.name}
      </option>
    ));
  },
  (before, after) =>
    before.mentors.length === after.mentors.length &&
    before.mentors.every((mentor, index) => mentor === after.mentors[index]),
);
