import type { TopicGuide } from '../domain/meeting-guides';
import { DEBRIEF_QUESTIONS } from '../domain/milestones';
import type { SupportContacts } from '../domain/questionnaires/types';
import type { MilestoneType, Program } from '../domain/types';
import './meeting-guides.css';

// The meeting guides as a mentor reads them (on screen while logging a meeting, or on paper), and the
// mentor's handbook that gathers them with the program's purpose, rhythm and rules. Plain words.

/** One topic's guide: the questions worth asking and the one thing to watch for. */
export function GuideBlock({ guide, headingLevel = 3 }: { guide: TopicGuide; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="guide" aria-label={`Guide: ${guide.topic.label}`}>
      <Heading className="guide__topic">{guide.topic.label}</Heading>
      <ol className="guide__questions">
        {guide.guide.questions.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ol>
      <p className="guide__watch">
        <strong>Watch for:</strong> {guide.guide.watchFor}
      </p>
    </section>
  );
}

/** The guides of the chosen topics on one page, to keep beside the mentor during the meeting. */
export function GuideSheet({ guides, pairName }: { guides: TopicGuide[]; pairName: string }) {
  return (
    <article className="guide-sheet">
      <h1 className="guide-sheet__title">Meeting guide</h1>
      <p>{pairName}</p>
      {guides.map((guide) => (
        <GuideBlock key={guide.topic.id} guide={guide} headingLevel={2} />
      ))}
    </article>
  );
}

interface HandbookProps {
  clinicName: string;
  programs: Program[];
  guides: TopicGuide[];
  milestoneTypes: MilestoneType[];
  supportContacts: SupportContacts | undefined;
}

const CONTACT_LABELS: [keyof SupportContacts, string][] = [
  ['assistanceProgram', 'Staff support programme'],
  ['occupationalHealth', 'Occupational health'],
  ['crisisLine', 'Crisis line'],
];

/** The printable mentor's handbook: purpose, rhythm, confidentiality, debriefs, the guides, distress. */
export function MentorHandbook({
  clinicName,
  programs,
  guides,
  milestoneTypes,
  supportContacts,
}: HandbookProps) {
  const current = programs.filter((program) => !program.archived);
  const offered = milestoneTypes.filter((type) => !type.archived);
  return (
    <article className="handbook">
      <h1 className="handbook__title">Mentor's handbook</h1>
      <p className="handbook__clinic">{clinicName}</p>

      <h2>Why the program exists</h2>
      <p>
        A new colleague learns the job faster, and stays, when someone experienced walks beside them: to talk
        through hard cases, to find their way in the team, to plan their time and their career, and to stay
        well. You are that person. You are not their manager and you do not assess them.
      </p>

      <h2>How often to meet</h2>
      {current.length === 0 ? (
        <p>The program manager will tell you how often your pair should meet.</p>
      ) : (
        <ul>
          {current.map((program) => (
            <li key={program.id}>
              {program.name}: at least every {program.cadenceDays} days.
            </li>
          ))}
        </ul>
      )}
      <p>
        Short and regular beats long and rare. Tell the program manager after each meeting (date, length,
        topics), so the record is right. If you have not met for a while, just get back in touch: a pair quiet
        for 90 days is flagged so someone can help.
      </p>

      <h2>Confidentiality</h2>
      <p>
        What your mentee tells you stays between you. Meeting notes are kept on the clinic's computer only,
        and a meeting can be marked confidential so its notes stay hidden on screen. The one exception: if you
        believe your mentee, a patient or anyone else is at risk of harm, you must act (see below) and tell
        your mentee that you are doing so.
      </p>

      <h2>Milestones and debriefs</h2>
      <p>
        Some firsts deserve a conversation soon after they happen. When one is recorded, hold a debrief within
        the time given:
      </p>
      <ul>
        {offered.map((type) => (
          <li key={type.id}>
            {type.label}: within {type.debriefWithinDays} days.
          </li>
        ))}
      </ul>
      <p>In a debrief, talk through:</p>
      <ol>
        {DEBRIEF_QUESTIONS.map((question) => (
          <li key={question.key}>{question.label}</li>
        ))}
      </ol>

      <h2>When a mentee is in distress</h2>
      <ol>
        <li>Listen first. Ask directly how they are, and whether they feel safe.</li>
        <li>Do not try to be their therapist, and do not carry it alone.</li>
        <li>Tell them where the clinic's support is, and offer to help them make the first call.</li>
        <li>If anyone is in immediate danger, call the emergency services now.</li>
        <li>Let the program manager know that support was needed (not what was said).</li>
      </ol>
      <dl className="handbook__contacts">
        {CONTACT_LABELS.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{supportContacts?.[key]?.trim() || <span className="handbook__line" />}</dd>
          </div>
        ))}
      </dl>

      <h2>Meeting guides</h2>
      <p>For each topic, a few questions worth asking and one thing to watch for.</p>
      {guides.map((guide) => (
        <GuideBlock key={guide.topic.id} guide={guide} />
      ))}
    </article>
  );
}
