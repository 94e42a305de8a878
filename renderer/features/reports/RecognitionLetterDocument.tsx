import { formatDisplayDate } from '../../domain/date-format';
import { formatHours } from '../../domain/reports/format';
import type { RecognitionLetter } from '../../domain/reports/recognition-letter';

/** A one-page letter for a mentor's promotion or professional-advancement file. */
export function RecognitionLetterDocument({
  letter,
  issuedOn,
}: {
  letter: RecognitionLetter;
  issuedOn: string;
}) {
  const role = [letter.mentorProfession, letter.mentorSpecialty].filter(Boolean).join(', ');
  const clinic = letter.clinicName || 'our clinic';
  return (
    <article className="letter" aria-label={`Recognition letter for ${letter.mentorName}`}>
      <header className="letter__head">
        <p className="letter__clinic">{letter.clinicName}</p>
        <p>{formatDisplayDate(issuedOn)}</p>
      </header>
      <h2 className="letter__title">Mentoring recognition: {letter.mentorName}</h2>
      <p>To whom it may concern,</p>
      <p>
        {letter.mentorName}
        {role && ` (${role})`} served as a mentor in the mentorship program of {clinic} between{' '}
        {formatDisplayDate(letter.period.start)} and {formatDisplayDate(letter.period.end)}. Over this period{' '}
        {letter.mentorName} mentored {letter.mentees.length}{' '}
        {letter.mentees.length === 1 ? 'colleague' : 'colleagues'} and held {letter.meetings} recorded
        mentoring {letter.meetings === 1 ? 'meeting' : 'meetings'}, {formatHours(letter.minutes)} hours in
        all.
        {letter.debriefs > 0 &&
          ` ${letter.debriefs === 1 ? 'One of them was a debrief' : `${letter.debriefs} of them were debriefs`} after a mentee's milestone, such as a first operation or a first patient death.`}
      </p>
      <table className="letter__table">
        <caption>Mentees</caption>
        <thead>
          <tr>
            <th scope="col">Mentee</th>
            <th scope="col">Program</th>
            <th scope="col">Mentored</th>
            <th scope="col">Meetings</th>
            <th scope="col">Hours</th>
          </tr>
        </thead>
        <tbody>
          {letter.mentees.map((mentee) => (
            <tr key={`${mentee.name}-${mentee.programName}`}>
              <td>
                {mentee.name}
                {mentee.profession && <span className="muted"> ({mentee.profession})</span>}
              </td>
              <td>{mentee.programName}</td>
              <td>
                {mentee.from && mentee.to
                  ? `${formatDisplayDate(mentee.from)} – ${formatDisplayDate(mentee.to)}`
                  : '—'}
              </td>
              <td className="number">{mentee.meetings}</td>
              <td className="number">{formatHours(mentee.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {letter.topics.length > 0 && (
        <p>
          Their conversations covered{' '}
          {letter.topics.map((topic) => `${topic.label.toLowerCase()} (${topic.meetings})`).join(', ')}.
        </p>
      )}
      {letter.goalsAchieved > 0 && (
        <p>
          In this period, {letter.mentorName}'s mentees achieved {letter.goalsAchieved} development-plan{' '}
          {letter.goalsAchieved === 1 ? 'goal' : 'goals'}.
        </p>
      )}
      <p>We are grateful for this contribution to the development of our staff.</p>
      <div className="letter__signature">
        <p>Program coordinator, {clinic}</p>
      </div>
    </article>
  );
}
