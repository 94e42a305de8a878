import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../renderer/data/meetings.repo';
import { firstPortfolioDay, loadPortfolioData } from '../../renderer/data/portfolio.repo';
import { addRecognition } from '../../renderer/data/recognition.repo';
import { addCourse, addTraining } from '../../renderer/data/training.repo';
import { computePortfolio } from '../../renderer/domain/reports/portfolio';
import { fixTodayPerTest, freshDatabasePerTest, meetingInput, seedPair, TODAY } from './helpers';

freshDatabasePerTest();
fixTodayPerTest();

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

  it('is null for a person who no longer exists', async () => {
    expect(await loadPortfolioData('gone', { start: '2024-01-01', end: '2024-12-31' })).toBeNull();
  });
});
