import { checkAll, RuleError } from './rules/rule-error';
import { storedLine } from './text';
import type { Id, MeetingGuide, Topic } from './types';

// A short guide for each topic: questions worth asking and one thing to watch for. The built-in
// topics come with ours; the clinic may rewrite any guide (stored by topic id) or write one for its
// own topics. Plain words, for a mentor to read in the minute before a meeting.

export interface GuideText {
  questions: string[];
  watchFor: string;
}

export const MIN_GUIDE_QUESTIONS = 3;
export const MAX_GUIDE_QUESTIONS = 6;
export const MAX_GUIDE_LINE_LENGTH = 300;

export const BUILT_IN_GUIDES: Readonly<Record<string, GuideText>> = {
  'complex-cases': {
    questions: [
      'Which case this month made you stop and think?',
      'What did you know, and what did you have to find out?',
      'Who did you ask for help, and how quickly?',
      'What would you do the same way next time?',
    ],
    watchFor: 'A mentee who never asks for help, or who carries a hard case home night after night.',
  },
  'after-action-feedback': {
    questions: [
      'Walk me through it from the start: what happened?',
      'What went well, and why?',
      'What would you change next time?',
      'How did you feel during it, and how do you feel now?',
      'Is there anything you want to practise before the next one?',
    ],
    watchFor:
      'Blame turned inward: "I should have known". Separate what was in their hands from what was not.',
  },
  'time-management': {
    questions: [
      'Where did your time go last week?',
      'What is taking longer than it should?',
      'What could you hand over, drop or do later?',
      'When do you take your breaks, and do you take them?',
    ],
    watchFor: 'Routinely staying late to finish notes: it is often the first sign of overload.',
  },
  'workplace-politics': {
    questions: [
      'Who do you go to when you are not sure who decides something?',
      'Which decisions here surprised you, and do you know how they were made?',
      'Who is good to have on your side for the things you want to change?',
      'Is there a disagreement you are avoiding?',
    ],
    watchFor:
      'A mentee who does not know who to ask. Name the people: the charge nurse, the department head, the manager, and which meeting decides what.',
  },
  ethics: {
    questions: [
      'Was there a moment when the right thing to do was not clear?',
      'What made it hard: the patient, the family, the team or the rules?',
      'Who else could you have talked it through with?',
      'How do you feel about how it ended?',
    ],
    watchFor: 'Moral distress that is not spoken about; point to the ethics committee or the clinic manager.',
  },
  research: {
    questions: [
      'What question in your daily work would you like an answer to?',
      'What time can you give to it, honestly?',
      'Who here has done something similar?',
      'What is the next small step, and by when?',
    ],
    watchFor: 'Research squeezed into nights and weekends at the cost of rest.',
  },
  networking: {
    questions: [
      'Who would you like to meet in the next few months?',
      'Which meetings, groups or conferences could help you?',
      'Can I introduce you to someone?',
    ],
    watchFor: 'Feeling isolated in the team; a new colleague needs at least one person to turn to.',
  },
  career: {
    questions: [
      'Where do you see yourself in three years?',
      'What do you enjoy most in your work, and what least?',
      'Which skills or qualifications would open the next door?',
      'Who could you shadow to see what that path is like?',
    ],
    watchFor: 'Pressure to choose a path quickly; it is fine not to know yet.',
  },
  'emotional-resilience': {
    questions: [
      'How are you, really?',
      'How are you sleeping, and do you have time for yourself?',
      'What helps you switch off after a hard shift?',
      'Who do you talk to outside work?',
      'Is there anything you would like support with?',
    ],
    watchFor:
      'Signs of burnout: exhaustion, cynicism about patients or colleagues, feeling nothing matters. Know where the clinic’s support is (the staff support programme, occupational health, the crisis line) and offer it.',
  },
  'stress-burnout': {
    questions: [
      'On a scale of one to ten, how stressed have you been lately?',
      'What is the biggest source of stress right now?',
      'What has helped before?',
      'What could change at work to make it easier?',
    ],
    watchFor:
      'Withdrawal, sick days, mistakes or talk of leaving. Do not carry it alone: tell the mentee where the clinic’s support is, and in danger call emergency services.',
  },
  'patient-loss': {
    questions: [
      'Would you like to tell me about the patient?',
      'How have you been since?',
      'Have you had a chance to talk with the team about it?',
      'What do you need in the next few days?',
    ],
    watchFor:
      'Grief that comes out later as anger, numbness or self-blame. Check in again within a week, and offer the clinic’s support.',
  },
};

/** The guide a topic shows: the clinic's own if it wrote one, else ours; null for a topic with neither. */
export function guideFor(topicId: Id, stored: ReadonlyMap<Id, MeetingGuide>): GuideText | null {
  const own = stored.get(topicId);
  if (own) return { questions: own.questions, watchFor: own.watchFor };
  return BUILT_IN_GUIDES[topicId] ?? null;
}

export interface TopicGuide {
  topic: Topic;
  guide: GuideText;
  /** True when the clinic rewrote our guide, or wrote one for its own topic. */
  edited: boolean;
}

/** Each topic still offered that has a guide, in the topics' order. */
export function topicGuides(topics: readonly Topic[], stored: readonly MeetingGuide[]): TopicGuide[] {
  const byId = new Map(stored.map((guide) => [guide.id, guide]));
  return topics.flatMap((topic) => {
    if (topic.archived) return [];
    const guide = guideFor(topic.id, byId);
    return guide ? [{ topic, guide, edited: byId.has(topic.id) }] : [];
  });
}

/** A guide as the clinic typed it: three to six questions (blank lines dropped), one watch-for line. */
export function checkGuide(input: GuideText): GuideText {
  const questions = input.questions.map(storedLine).filter(Boolean);
  const watchFor = storedLine(input.watchFor);
  checkAll([
    () => {
      if (questions.length < MIN_GUIDE_QUESTIONS || questions.length > MAX_GUIDE_QUESTIONS)
        throw new RuleError(
          'question-count',
          `A guide has ${MIN_GUIDE_QUESTIONS} to ${MAX_GUIDE_QUESTIONS} questions, one a line (this one has ${questions.length}).`,
          'questions',
        );
      if (questions.some((question) => question.length > MAX_GUIDE_LINE_LENGTH))
        throw new RuleError(
          'too-long',
          `Keep each question under ${MAX_GUIDE_LINE_LENGTH} characters.`,
          'questions',
        );
    },
    () => {
      if (!watchFor) throw new RuleError('required', 'Write one thing to watch for.', 'watchFor');
      if (watchFor.length > MAX_GUIDE_LINE_LENGTH)
        throw new RuleError(
          'too-long',
          `Keep the watch-for line under ${MAX_GUIDE_LINE_LENGTH} characters.`,
          'watchFor',
        );
    },
  ]);
  return { questions, watchFor };
}
