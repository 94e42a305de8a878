import { describe, expect, it } from 'vitest';
import { BUILT_IN_GUIDES, checkGuide, topicGuides } from '../../renderer/domain/meeting-guides';
import {
  checkDebriefAnswers,
  computeDebriefsDue,
  debriefDueDate,
  debriefNotes,
  debriefStatus,
  describeDebriefStatus,
  emptyDebriefAnswers,
  withBuiltInMilestoneTypes,
} from '../../renderer/domain/milestones';
import { withBuiltInTopics } from '../../renderer/domain/topics';
import { BUILT_IN_TOPICS, type Milestone, type Relationship } from '../../renderer/domain/types';

const stamp = '2026-01-01T00:00:00.000Z';

function milestone(id: string, relationshipId: string, date: string, debriefWithinDays = 7): Milestone {
  return {
    id,
    relationshipId,
    menteeId: `mentee-${relationshipId}`,
    typeId: 'first-resuscitation',
    date,
    description: 'Sensitive words',
    debriefWithinDays,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

function pair(id: string, status: Relationship['status'] = 'active'): Relationship {
  return {
    id,
    programId: 'program',
    mentorId: 'mentor',
    menteeId: `mentee-${id}`,
    focus: 'clinical',
    startDate: '2025-01-01',
    plannedEndDate: null,
    endDate: null,
    status,
    endReason: null,
    statusHistory: [],
    capacityOverride: null,
    lastMeetingDate: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

describe('when a debrief is due', () => {
  it('counts calendar days across month and year ends and leap days', () => {
    expect(debriefDueDate({ date: '2026-01-28', debriefWithinDays: 7 })).toBe('2026-02-04');
    expect(debriefDueDate({ date: '2024-02-26', debriefWithinDays: 3 })).toBe('2024-02-29');
    expect(debriefDueDate({ date: '2025-02-26', debriefWithinDays: 3 })).toBe('2025-03-01');
    expect(debriefDueDate({ date: '2025-12-29', debriefWithinDays: 7 })).toBe('2026-01-05');
  });
});

describe('where one debrief stands, across month ends', () => {
  // Worked by hand: 28 Jan + 7 days = 4 Feb (31 days in January). On 3 Feb one day is left; on 4 Feb
  // (the due day itself) none, and it still counts as in time; on 6 Feb it is two days overdue.
  const january = { date: '2026-01-28', debriefWithinDays: 7 };

  it('is due until the due day itself, then overdue by whole days', () => {
    expect(debriefStatus(january, null, '2026-02-03')).toEqual({
      kind: 'due',
      dueDate: '2026-02-04',
      daysLeft: 1,
    });
    expect(debriefStatus(january, null, '2026-02-04')).toEqual({
      kind: 'due',
      dueDate: '2026-02-04',
      daysLeft: 0,
    });
    expect(debriefStatus(january, null, '2026-02-06')).toEqual({
      kind: 'overdue',
      dueDate: '2026-02-04',
      daysOverdue: 2,
    });
  });

  it('counts a debrief on the due day as in time and one the day after as late', () => {
    expect(debriefStatus(january, '2026-02-04', '2026-03-01')).toEqual({
      kind: 'debriefed',
      date: '2026-02-04',
      inTime: true,
    });
    expect(debriefStatus(january, '2026-02-05', '2026-03-01')).toMatchObject({ inTime: false });
  });

  it('crosses February in a leap year and in a common year, and the year end', () => {
    // 26 Feb 2024 + 5 = 2 Mar (29 days in February 2024); on 1 Mar one day is left.
    expect(debriefStatus({ date: '2024-02-26', debriefWithinDays: 5 }, null, '2024-03-01')).toEqual({
      kind: 'due',
      dueDate: '2024-03-02',
      daysLeft: 1,
    });
    // 26 Feb 2025 + 5 = 3 Mar (28 days); on 5 Mar it is two days overdue.
    expect(debriefStatus({ date: '2025-02-26', debriefWithinDays: 5 }, null, '2025-03-05')).toEqual({
      kind: 'overdue',
      dueDate: '2025-03-03',
      daysOverdue: 2,
    });
    // 30 Dec 2025 + 7 = 6 Jan 2026; on 31 Dec six days are left.
    expect(debriefStatus({ date: '2025-12-30', debriefWithinDays: 7 }, null, '2025-12-31')).toMatchObject({
      dueDate: '2026-01-06',
      daysLeft: 6,
    });
  });

  it('says it in plain words', () => {
    const format = (date: string) => `<${date}>`;
    expect(describeDebriefStatus({ kind: 'due', dueDate: '2026-02-04', daysLeft: 0 }, format)).toBe(
      'Debrief due by <2026-02-04> (today)',
    );
    expect(describeDebriefStatus({ kind: 'due', dueDate: '2026-02-04', daysLeft: 1 }, format)).toBe(
      'Debrief due by <2026-02-04> (in 1 day)',
    );
    expect(describeDebriefStatus({ kind: 'overdue', dueDate: '2026-02-04', daysOverdue: 2 }, format)).toBe(
      'Debrief overdue: it was due by <2026-02-04> (2 days ago)',
    );
    expect(describeDebriefStatus({ kind: 'debriefed', date: '2026-02-05', inTime: false }, format)).toBe(
      'Debriefed on <2026-02-05> (after the target)',
    );
  });
});

describe('debriefs due on the dashboard', () => {
  const input = {
    openMilestones: [
      milestone('later', 'p1', '2026-03-10'),
      milestone('sooner', 'p2', '2026-03-01'),
      milestone('ended', 'p3', '2026-03-01'),
    ],
    relationships: [pair('p1'), pair('p2', 'paused'), pair('p3', 'completed')],
    people: [
      { id: 'mentor', name: 'Ana Mentor' },
      { id: 'mentee-p1', name: 'Liam' },
      { id: 'mentee-p2', name: 'Sofia' },
    ],
    types: [],
  };

  it('lists open milestones of pairs that can still meet, the most pressing first, without description', () => {
    const due = computeDebriefsDue(input, '2026-03-12');
    expect(due).toEqual([
      {
        milestoneId: 'sooner',
        relationshipId: 'p2',
        menteeName: 'Sofia',
        mentorName: 'Ana Mentor',
        typeLabel: 'First resuscitation',
        date: '2026-03-01',
        dueDate: '2026-03-08',
        daysLeft: -4,
      },
      expect.objectContaining({ milestoneId: 'later', dueDate: '2026-03-17', daysLeft: 5 }),
    ]);
    expect(JSON.stringify(due)).not.toContain('Sensitive');
  });
});

describe('the clinic’s milestone list', () => {
  it('keeps a stored change of a built-in kind and adds the kinds never stored', () => {
    const types = withBuiltInMilestoneTypes([
      {
        id: 'first-resuscitation',
        label: 'First code',
        debriefWithinDays: 2,
        builtIn: true,
        archived: false,
      },
    ]);
    expect(types).toHaveLength(6);
    expect(types.find((type) => type.id === 'first-resuscitation')).toMatchObject({
      label: 'First code',
      debriefWithinDays: 2,
    });
  });
});

describe('the debrief form in the meeting’s notes', () => {
  it('writes one heading a question and leaves out the unanswered ones', () => {
    const answers = { ...emptyDebriefAnswers(), whatHappened: 'Led the code.', followUp: ' Simulation. ' };
    expect(debriefNotes('First resuscitation', answers)).toBe(
      'Debrief: First resuscitation\n\nWhat happened:\nLed the code.\n\nFollow-up:\nSimulation.',
    );
  });

  it('refuses a debrief with no answer at all, and accepts one answer', () => {
    expect(() => checkDebriefAnswers({ ...emptyDebriefAnswers(), wentWell: '  ' })).toThrow(
      'Write at least a line about what happened',
    );
    expect(() => checkDebriefAnswers({ ...emptyDebriefAnswers(), menteeDoing: 'Fine.' })).not.toThrow();
  });
});

describe('meeting guides', () => {
  it('every built-in topic has a guide of three to six questions and one watch-for line', () => {
    for (const topic of BUILT_IN_TOPICS) {
      const guide = BUILT_IN_GUIDES[topic.id];
      expect(guide, topic.id).toBeDefined();
      expect(checkGuide(guide!)).toEqual(guide);
    }
  });

  it('the resilience guide points at burnout and the clinic’s support; workplace navigation at who to ask', () => {
    expect(BUILT_IN_GUIDES['emotional-resilience']?.watchFor).toMatch(/burnout.*support/s);
    expect(BUILT_IN_GUIDES['workplace-politics']?.questions.join(' ')).toMatch(/who decides/i);
  });

  it('shows the clinic’s own wording where it wrote one, and skips archived topics', () => {
    const topics = withBuiltInTopics([{ id: 'ethics', label: 'Ethics', builtIn: true, archived: true }]);
    const guides = topicGuides(topics, [
      { id: 'research', questions: ['a?', 'b?', 'c?'], watchFor: 'w', updatedAt: stamp },
    ]);
    expect(guides.map((guide) => guide.topic.id)).not.toContain('ethics');
    expect(guides.find((guide) => guide.topic.id === 'research')).toMatchObject({
      edited: true,
      guide: { watchFor: 'w' },
    });
  });
});
