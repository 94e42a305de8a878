import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createGoal, recordGoalProgress } from '../../renderer/data/goals.repo';
import { createLock } from '../../renderer/data/lock/keyring';
import { sealClinic } from '../../renderer/data/lock/seal-all';
import { unreadableFields } from '../../renderer/data/lock/sealing';
import { getMeeting, logMeeting } from '../../renderer/data/meetings.repo';
import { firstPortfolioDay, loadPortfolioData } from '../../renderer/data/portfolio.repo';
import { saveResponse } from '../../renderer/data/questionnaires.repo';
import { addRecognition } from '../../renderer/data/recognition.repo';
import { changeRelationshipStatus } from '../../renderer/data/relationships.repo';
import { addCourse, addTraining } from '../../renderer/data/training.repo';
import { PAIRING_FIT_ID, SESSION_RATING_ID } from '../../renderer/domain/questionnaires/built-in';
import { computePortfolio } from '../../renderer/domain/reports/portfolio';
import {
  fixTodayPerTest,
  freshDatabasePerTest,
  LOCKED_CONFIGURATION,
  meetingInput,
  seedPair,
  TODAY,
} from './helpers';

const getDb = freshDatabasePerTest();
fixTodayPerTest();

function sessionRating(
  personId: string,
  relationshipId: string,
  useful: number,
  questionnaireId = SESSION_RATING_ID,
) {
  return saveResponse({
    questionnaireId,
    personId,
    relationshipId,
    checkpoint: null,
    answers: questionnaireId === SESSION_RATING_ID ? { useful, heard: useful, open: useful } : {},
    wantsContact: false,
  });
}

describe("loading a mentor's portfolio", () => {
  it('reads the pairings, the meetings of the period without notes, training and recognition', async () => {
    const { mentor, mentee, relationship } = await seedPair();
    await logMeeting(
      meetingInput(relationship.id, { date: '2024-04-01', confidential: false, topics: ['ethics'] }),
    );
    await logMeeting(meetingInput(relationship.id, { date: '2024-05-01', durationMinutes: 30 }));
    await logMeeting(meetingInput(relationship.id, { date: '2024-06-01' }));
    const course = await addCourse({ name: 'Mentoring essentials', provider: '', renewalMonths: 12 });
    await addTraining(
      {
        personId: mentor.id,
        courseId: course.id,
        provider: 'College',
        completedOn: '2024-02-01',
        hours: 4,
        renewBy: '2025-02-01',
      },
      TODAY,
    );
    await addRecognition(
      { personId: mentor.id, kind: 'award', date: '2024-03-15', text: 'Mentor of the year' },
      TODAY,
    );

    const data = await loadPortfolioData(mentor.id, { start: '2024-04-01', end: '2024-05-31' });
    expect(data).not.toBeNull();
    expect(data?.meetings.map((meeting) => meeting.date).sort()).toEqual(['2024-04-01', '2024-05-01']);
    expect(JSON.stringify(data?.meetings)).not.toContain('Talked through');
    expect(data?.mentees).toEqual([{ id: mentee.id, name: mentee.name, profession: mentee.profession }]);
    const portfolio = computePortfolio(data!, { start: '2024-01-01', end: '2024-05-31' });
    expect(portfolio.meetings).toBe(2);
    expect(portfolio.minutes).toBe(75);
    expect(portfolio.confidentialMeetings).toBe(1);
    expect(portfolio.training).toHaveLength(1);
    expect(portfolio.recognitions).toEqual([
      { kind: 'Award', date: '2024-03-15', text: 'Mentor of the year' },
    ]);
    expect(await firstPortfolioDay(mentor.id)).toBe('2024-02-01');
  });

  it("averages the mentee's session ratings of the mentor's pairings, not the mentor's own or other answers", async () => {
    const { mentor, mentee, relationship } = await seedPair();
    // Today (15 June 2024) the mentee rates four meetings: 5, 4, 4, 3; the mentor rates one 1.
    for (const useful of [5, 4, 4, 3]) await sessionRating(mentee.id, relationship.id, useful);
    await sessionRating(mentor.id, relationship.id, 1);
    await saveResponse({
      questionnaireId: PAIRING_FIT_ID,
      personId: mentee.id,
      relationshipId: relationship.id,
      checkpoint: 'month-3',
      answers: { 'often-enough': 1 },
      wantsContact: false,
    });
    const period = { start: '2024-01-01', end: TODAY };
    const four = computePortfolio((await loadPortfolioData(mentor.id, period))!, period);
    expect(four.ratings).toBeNull();
    expect(four.ratingsNote).toMatch(/^Fewer than 5 session ratings/);

    // A fifth rating of 4: (5 + 4 + 4 + 3 + 4) / 5 = 4.0.
    await sessionRating(mentee.id, relationship.id, 4);
    const data = await loadPortfolioData(mentor.id, period);
    expect(data?.sessionRatings).toHaveLength(5);
    const five = computePortfolio(data!, period);
    expect(five.ratings?.answers).toBe(5);
    expect(five.ratings?.items[0]).toEqual({
      label: 'How useful was this meeting for you?',
      summary: '4.0 out of 5 on average (5 answers)',
    });
    // None of them fall in a period that ended yesterday.
    const before = { start: '2024-01-01', end: '2024-06-14' };
    expect((await loadPortfolioData(mentor.id, before))?.sessionRatings).toEqual([]);
  });

  it('works with the clinic lock on and never opens a note or an end reason', async () => {
    if (!LOCKED_CONFIGURATION) {
      await createLock(getDb().name, 'test clinic passphrase', { logN: 10, r: 8, p: 1 });
      await sealClinic(getDb());
    }
    const { mentor, mentee, relationship } = await seedPair();
    const first = await logMeeting(
      meetingInput(relationship.id, { date: '2024-04-01', notes: 'First note' }),
    );
    const second = await logMeeting(
      meetingInput(relationship.id, { date: '2024-05-01', notes: 'Second note' }),
    );
    const goal = await createGoal({
      relationshipId: relationship.id,
      areaId: 'area-resilience',
      title: 'Secret goal title',
      details: 'Secret goal details',
      setDate: '2024-03-10',
      targetDate: null,
      steps: [{ text: 'Secret goal step', done: false }],
    });
    await recordGoalProgress({ goalId: goal.id, status: 'achieved', note: 'Secret progress' }, '2024-05-10');
    await changeRelationshipStatus(relationship.id, 'ended-early', '2024-06-01', 'Moved to another city');
    for (const useful of [5, 5, 4, 4, 4]) await sessionRating(mentee.id, relationship.id, useful);
    await addRecognition(
      { personId: mentor.id, kind: 'thanks', date: '2024-05-02', text: 'Thank you' },
      TODAY,
    );

    // The first meeting is given the second's sealed note, which is bound to the second meeting: opening
    // it now fails. Only something that opens notes would notice.
    const db = getDb();
    const stored = await db.meetingNotes.toCollection().raw().toArray();
    const sealedSecond = stored.find((note) => note.id === second.id)?.notes;
    await db.meetingNotes.put({ id: first.id, notes: sealedSecond! });
    expect(unreadableFields(await getMeeting(first.id))).toEqual(['notes']);

    const period = { start: '2024-01-01', end: TODAY };
    const data = await loadPortfolioData(mentor.id, period);
    expect(data?.meetings).toHaveLength(2);
    expect(JSON.stringify(data)).not.toMatch(/note|Moved to another city|Secret/);
    const portfolio = computePortfolio(data!, period);
    expect(portfolio.pairings.map((row) => [row.status, row.meetings, row.goalsAchieved])).toEqual([
      ['Ended early', 2, 1],
    ]);
    expect(portfolio.ratings?.items[0]?.summary).toBe('4.4 out of 5 on average (5 answers)');
    expect(portfolio.recognitions.map((entry) => entry.text)).toEqual(['Thank you']);
    expect(await firstPortfolioDay(mentor.id)).toBe('2024-03-01');
  });

  it('is null for a person who no longer exists', async () => {
    expect(await loadPortfolioData('gone', { start: '2024-01-01', end: '2024-12-31' })).toBeNull();
  });
});
