import { describe, expect, it } from 'vitest';
import { inputFromDraft, newMeetingDraft } from '../../renderer/features/meetings/meeting-draft';

describe('a debrief logged with the meeting form', () => {
  it('names its milestone and puts the answers, then the other notes, into the notes', () => {
    const draft = {
      ...newMeetingDraft('pair-1', 'milestone-1'),
      notes: 'Talked about sleep.',
      debrief: {
        whatHappened: 'First appendectomy.',
        wentWell: 'Calm hands.',
        doDifferently: '',
        menteeDoing: 'Proud.',
        followUp: '',
      },
    };
    const input = inputFromDraft(draft, [], 'First operation or solo procedure');
    expect(input.milestoneId).toBe('milestone-1');
    expect(input.notes).toBe(
      'Debrief: First operation or solo procedure\n\nWhat happened:\nFirst appendectomy.\n\nWhat went well:\nCalm hands.\n\nHow the mentee is doing:\nProud.\n\nTalked about sleep.',
    );
  });

  it('leaves an ordinary meeting without a milestone and its notes as typed', () => {
    const input = inputFromDraft({ ...newMeetingDraft('pair-1'), notes: 'Rota planning.' });
    expect(input).not.toHaveProperty('milestoneId');
    expect(input.notes).toBe('Rota planning.');
  });
});
