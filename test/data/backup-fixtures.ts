import fc from 'fast-check';
import type { BackupTables } from '../../renderer/data/backup/schemas';
import { switchDatabase, TABLE_NAMES, type TableName } from '../../renderer/data/db';
import { CHECKPOINTS, SUPPORT_OUTCOMES } from '../../renderer/domain/questionnaires/types';
import {
  ACTION_OWNERS,
  BUILT_IN_GOAL_AREAS,
  BUILT_IN_MILESTONE_TYPES,
  BUILT_IN_TOPICS,
  CAREER_STAGES,
  FOCUSES,
  GOAL_STATUSES,
  MEETING_FORMATS,
  PROFESSIONS,
  RECOGNITION_KINDS,
  RELATIONSHIP_STATUSES,
} from '../../renderer/domain/types';

// Shared by the backup tests: a fresh database per test, consistent random clinics, and a full dump
// that compares byte for byte.

let databaseCounter = 0;

/** Points the app at a brand-new, empty database and returns it. */
export function freshDatabase(label: string) {
  databaseCounter += 1;
  return switchDatabase(`backup-test-${label}-${databaseCounter}-${crypto.randomUUID()}`);
}

export async function loadTables(db: ReturnType<typeof switchDatabase>, tables: BackupTables): Promise<void> {
  await db.transaction(
    'rw',
    // The meetings' notes go to their own table as the meetings are written.
    [...TABLE_NAMES.map((name) => db.table(name)), db.meetingNotes],
    async () => {
      for (const name of TABLE_NAMES) await db.table(name).bulkAdd(tables[name]);
    },
  );
}

/**
 * A table's records as a backup document holds them: the meetings with their notes, which the database
 * keeps in a table of their own (schema version 23). A meeting without a note record has no `notes`.
 */
export async function documentRecords(
  db: ReturnType<typeof switchDatabase>,
  name: TableName,
): Promise<unknown[]> {
  const records = (await db.table(name).toArray()) as Record<string, unknown>[];
  if (name !== 'meetings') return records;
  const notes = await db.meetingNotes.bulkGet(records.map((record) => record.id as string));
  return records.map((record, index) => {
    const note = notes[index];
    if (!note) return record;
    // The document's field order: the notes after the topics.
    const { confidential, milestoneId, createdAt, updatedAt, ...head } = record;
    return {
      ...head,
      notes: note.notes,
      confidential,
      ...(milestoneId === undefined ? {} : { milestoneId }),
      createdAt,
      updatedAt,
    };
  });
}

/** Every table, in key order, as one JSON text: equal dumps mean byte-for-byte equal data. */
export async function dumpDatabase(db: ReturnType<typeof switchDatabase>): Promise<string> {
  const dump: Partial<Record<TableName, unknown[]>> = {};
  for (const name of TABLE_NAMES) dump[name] = await documentRecords(db, name);
  // No note without its meeting.
  const meetings = new Set((dump.meetings as { id: string }[]).map((meeting) => meeting.id));
  const orphans = (await db.meetingNotes.toCollection().primaryKeys()).filter((id) => !meetings.has(id));
  if (orphans.length > 0) throw new Error(`Notes without their meeting: ${orphans.join(', ')}`);
  return JSON.stringify(dump);
}

/** The tables sorted as IndexedDB returns them (by primary key, code unit order). */
export function sortedLikeIndexedDb(tables: BackupTables): BackupTables {
  const byKey =
    <T>(key: (record: T) => string | number) =>
    (a: T, b: T) => {
      const left = key(a);
      const right = key(b);
      return left < right ? -1 : left > right ? 1 : 0;
    };
  return {
    people: [...tables.people].sort(byKey((record) => record.id)),
    programs: [...tables.programs].sort(byKey((record) => record.id)),
    relationships: [...tables.relationships].sort(byKey((record) => record.id)),
    milestoneTypes: [...tables.milestoneTypes].sort(byKey((record) => record.id)),
    milestones: [...tables.milestones].sort(byKey((record) => record.id)),
    meetings: [...tables.meetings].sort(byKey((record) => record.id)),
    actionItems: [...tables.actionItems].sort(byKey((record) => record.id)),
    topics: [...tables.topics].sort(byKey((record) => record.id)),
    questionnaires: [...tables.questionnaires].sort(byKey((record) => record.id)),
    responses: [...tables.responses].sort(byKey((record) => record.id)),
    supportRequests: [...tables.supportRequests].sort(byKey((record) => record.id)),
    meetingGuides: [...tables.meetingGuides].sort(byKey((record) => record.id)),
    goalAreas: [...tables.goalAreas].sort(byKey((record) => record.id)),
    goals: [...tables.goals].sort(byKey((record) => record.id)),
    goalProgress: [...tables.goalProgress].sort(byKey((record) => record.id)),
    settings: [...tables.settings],
    trainingCourses: [...tables.trainingCourses].sort(byKey((record) => record.id)),
    trainingRecords: [...tables.trainingRecords].sort(byKey((record) => record.id)),
    recognitions: [...tables.recognitions].sort(byKey((record) => record.id)),
    auditLog: [...tables.auditLog].sort(byKey((record) => record.seq ?? 0)),
  };
}

const SAMPLE_TEXTS = [
  'Discussed night shifts 🌙 and handover 👩‍⚕️👨🏽‍⚕️',
  'מנטורינג: שיחה על לחץ בעבודה',
  'مناقشة حول الإرهاق والمرونة',
  'Ünïcödé — “quotes”, \\ backslash, \n new line, \t tab, \u2028 separator',
  '',
];

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...SAMPLE_TEXTS));
const moment = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const day = moment.map((iso) => iso.slice(0, 10));
const id = fc.uuid();

/** A name a form accepts: something besides spaces. */
const name = text.map((value) => (value.trim() ? value : 'A name'));

const person = fc
  .record({
    id,
    name,
    email: fc.emailAddress(),
    profession: fc.constantFrom(...PROFESSIONS),
    specialty: text,
    careerStage: fc.constantFrom(...CAREER_STAGES),
    hireDate: fc.option(day, { nil: null }),
    leavingDate: fc.option(day, { nil: null }),
    tags: fc.array(text, { maxLength: 3 }),
    isMentor: fc.boolean(),
    isMentee: fc.boolean(),
    mentorCapacity: fc.nat(20),
    archived: fc.boolean(),
    createdAt: moment,
    updatedAt: moment,
  })
  // The app's own rules: someone leaves after being hired, and has at least one role.
  .map((drawn) => ({
    ...drawn,
    leavingDate:
      drawn.hireDate && drawn.leavingDate && drawn.leavingDate < drawn.hireDate
        ? drawn.hireDate
        : drawn.leavingDate,
    isMentee: drawn.isMentee || !drawn.isMentor,
  }));

const program = fc.record({
  id,
  name,
  cadenceDays: fc.integer({ min: 1, max: 366 }),
  typicalLengthMonths: fc.integer({ min: 1, max: 120 }),
  archived: fc.boolean(),
  createdAt: moment,
  updatedAt: moment,
});

const topic = fc.record({ id, label: text, builtIn: fc.boolean(), archived: fc.boolean() });

const milestoneType = fc.record({
  id,
  label: name,
  debriefWithinDays: fc.integer({ min: 1, max: 90 }),
  builtIn: fc.boolean(),
  archived: fc.boolean(),
});

const settings = fc.record({
  key: fc.constant('clinic' as const),
  clinicName: text.map((value) => (value.trim() ? value : '')),
  paperSize: fc.constantFrom('A4' as const, 'Letter' as const),
  backupWarnDays: fc.integer({ min: 1, max: 365 }),
  lastBackupAt: fc.option(moment, { nil: null }),
  onboarded: fc.boolean(),
});

/** A consistent random clinic: every link points at a record that exists; any table may be empty. */
export const clinicArbitrary: fc.Arbitrary<BackupTables> = fc
  .record({
    people: fc.uniqueArray(person, { maxLength: 8, selector: (record) => record.id }),
    programs: fc.uniqueArray(program, { maxLength: 3, selector: (record) => record.id }),
    topics: fc.uniqueArray(topic, { maxLength: 4, selector: (record) => record.id }),
    milestoneTypes: fc.uniqueArray(milestoneType, { maxLength: 2, selector: (record) => record.id }),
    milestoneCount: fc.nat(4),
    guideCount: fc.nat(3),
    settings: fc.option(settings, { nil: null }),
    seed: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
    ids: fc.uniqueArray(id, { minLength: 90, maxLength: 90 }),
    texts: fc.array(text, { minLength: 60, maxLength: 60 }),
    days: fc.array(day, { minLength: 60, maxLength: 60 }),
    moments: fc.array(moment, { minLength: 60, maxLength: 60 }),
    pairCount: fc.nat(6),
    meetingCount: fc.nat(12),
    itemCount: fc.nat(8),
    auditCount: fc.nat(6),
    responseCount: fc.nat(6),
    ownQuestionnaire: fc.boolean(),
  })
  .map((drawn) => {
    let cursor = 0;
    const next = () => drawn.seed[cursor++ % drawn.seed.length];
    const pick = <T>(list: readonly T[]): T => list[next() % list.length];
    let idCursor = 0;
    // People, programs and topics use fast-check's uuids; the rest take fresh ones from `ids`.
    const freshId = () => drawn.ids[idCursor++];
    const relationships: BackupTables['relationships'] = [];
    if (drawn.people.length >= 2 && drawn.programs.length >= 1) {
      for (let index = 0; index < drawn.pairCount; index += 1) {
        const mentor = pick(drawn.people);
        const mentee = pick(drawn.people.filter((other) => other.id !== mentor.id));
        relationships.push({
          id: freshId(),
          programId: pick(drawn.programs).id,
          mentorId: mentor.id,
          menteeId: mentee.id,
          focus: pick(FOCUSES),
          startDate: pick(drawn.days),
          plannedEndDate: next() % 2 ? pick(drawn.days) : null,
          endDate: next() % 3 ? null : pick(drawn.days),
          status: pick(RELATIONSHIP_STATUSES),
          endReason: next() % 2 ? pick(drawn.texts) : null,
          statusHistory: [{ status: pick(RELATIONSHIP_STATUSES), date: pick(drawn.days) }],
          capacityOverride: next() % 3 ? null : { reason: pick(drawn.texts), at: pick(drawn.moments) },
          lastMeetingDate: next() % 2 ? pick(drawn.days) : null,
          createdAt: pick(drawn.moments),
          updatedAt: pick(drawn.moments),
        });
      }
    }
    const topicIds = [
      ...drawn.topics.map((record) => record.id),
      ...BUILT_IN_TOPICS.map((record) => record.id),
    ];
    const typeIds = [
      ...drawn.milestoneTypes.map((record) => record.id),
      ...BUILT_IN_MILESTONE_TYPES.map((record) => record.id),
    ];
    const milestones: BackupTables['milestones'] = [];
    if (relationships.length) {
      for (let index = 0; index < drawn.milestoneCount; index += 1) {
        const pair = pick(relationships);
        milestones.push({
          id: freshId(),
          relationshipId: pair.id,
          menteeId: pair.menteeId,
          typeId: pick(typeIds),
          date: pick(drawn.days),
          description: pick(drawn.texts),
          debriefWithinDays: 1 + (next() % 90),
          createdAt: pick(drawn.moments),
          updatedAt: pick(drawn.moments),
        });
      }
    }
    const meetingGuides: BackupTables['meetingGuides'] = [
      ...new Set(topicIds.slice(0, drawn.guideCount)),
    ].map((topicId) => {
      // A question a form accepts: something besides spaces.
      const question = pick(drawn.texts);
      return {
        id: topicId,
        questions: ['How are you?', question.trim() ? question : 'What went well?', 'What next?'],
        watchFor: 'Signs of tiredness.',
        updatedAt: pick(drawn.moments),
      };
    });
    const meetings: BackupTables['meetings'] = [];
    if (relationships.length) {
      for (let index = 0; index < drawn.meetingCount; index += 1) {
        // Some meetings debrief a milestone of their pair.
        const debriefs = index < milestones.length && next() % 2 === 0 ? milestones[index] : undefined;
        meetings.push({
          ...(debriefs ? { milestoneId: debriefs.id } : {}),
          id: freshId(),
          relationshipId: debriefs?.relationshipId ?? pick(relationships).id,
          date: pick(drawn.days),
          durationMinutes: 1 + (next() % 240),
          format: pick(MEETING_FORMATS),
          topics: [...new Set([pick(topicIds), pick(topicIds)])].slice(0, next() % 3),
          notes: pick(drawn.texts),
          confidential: next() % 2 === 0,
          createdAt: pick(drawn.moments),
          updatedAt: pick(drawn.moments),
        });
      }
    }
    const actionItems: BackupTables['actionItems'] = [];
    if (meetings.length) {
      for (let index = 0; index < drawn.itemCount; index += 1) {
        const meeting = pick(meetings);
        actionItems.push({
          id: freshId(),
          meetingId: meeting.id,
          relationshipId: meeting.relationshipId,
          text: pick(drawn.texts),
          owner: pick(ACTION_OWNERS),
          dueDate: next() % 2 ? pick(drawn.days) : null,
          done: next() % 2 === 0,
          doneDate: next() % 2 ? pick(drawn.days) : null,
          createdAt: pick(drawn.moments),
          updatedAt: pick(drawn.moments),
        });
      }
    }
    const trainingCourses: BackupTables['trainingCourses'] = [];
    for (let index = 0; index < drawn.seed[0] % 3; index += 1)
      trainingCourses.push({
        id: freshId(),
        name: `Course ${index + 1} ${pick(drawn.texts)}`.slice(0, 100),
        provider: pick(drawn.texts).slice(0, 100),
        renewalMonths: 1 + (next() % 120),
        archived: next() % 2 === 0,
        createdAt: pick(drawn.moments),
        updatedAt: pick(drawn.moments),
      });
    const trainingRecords: BackupTables['trainingRecords'] = [];
    if (trainingCourses.length && drawn.people.length)
      for (let index = 0; index < drawn.seed[1] % 5; index += 1) {
        const [first, second] = [pick(drawn.days), pick(drawn.days)].sort();
        trainingRecords.push({
          id: freshId(),
          personId: pick(drawn.people).id,
          courseId: pick(trainingCourses).id,
          provider: pick(drawn.texts).slice(0, 100),
          completedOn: first,
          hours: (1 + (next() % 80)) / 4,
          // A renew-by day after the completion; the same day drawn twice moves on a day.
          renewBy: second > first ? second : '2100-12-31',
          createdAt: pick(drawn.moments),
          updatedAt: pick(drawn.moments),
        });
      }
    const recognitions: BackupTables['recognitions'] = [];
    if (drawn.people.length)
      for (let index = 0; index < drawn.seed[2] % 4; index += 1)
        recognitions.push({
          id: freshId(),
          personId: pick(drawn.people).id,
          kind: pick(RECOGNITION_KINDS),
          date: pick(drawn.days),
          text: pick(drawn.texts).trim().normalize('NFC').slice(0, 400) || 'Thank you',
          createdAt: pick(drawn.moments),
          updatedAt: pick(drawn.moments),
        });
    const questionnaires: BackupTables['questionnaires'] = drawn.ownQuestionnaire
      ? [
          {
            id: freshId(),
            title: 'Check-in',
            intro: pick(drawn.texts),
            questions: [
              {
                id: 'q1',
                kind: 'scale',
                prompt: 'How is it going?',
                points: 5,
                lowLabel: 'Badly',
                highLabel: 'Well',
              },
              { id: 'q2', kind: 'choice', prompt: 'Which shift?', options: ['Days', 'Nights'] },
              { id: 'q3', kind: 'text', prompt: 'Anything else?' },
            ],
            archived: next() % 2 === 0,
            createdAt: pick(drawn.moments),
            updatedAt: pick(drawn.moments),
          },
        ]
      : [];
    const responses: BackupTables['responses'] = [];
    const supportRequests: BackupTables['supportRequests'] = [];
    if (drawn.people.length) {
      for (let index = 0; index < drawn.responseCount; index += 1) {
        const personId = pick(drawn.people).id;
        const own = questionnaires.length > 0 && next() % 2 === 0;
        const pair = relationships.length && next() % 2 ? pick(relationships) : null;
        responses.push({
          id: freshId(),
          questionnaireId: own ? questionnaires[0].id : 'builtin-burnout',
          personId,
          relationshipId: pair ? pair.id : null,
          checkpoint: pair ? pick(CHECKPOINTS) : null,
          answeredOn: pick(drawn.days),
          createdAt: pick(drawn.moments),
          answers: own
            ? { q1: 1 + (next() % 5), q2: next() % 2 ? 2 : null, q3: next() % 2 ? pick(drawn.texts) : null }
            : { burnout: 1 + (next() % 5) },
          support: pick(SUPPORT_OUTCOMES),
        });
        if (next() % 3 === 0)
          supportRequests.push({
            id: freshId(),
            personId,
            requestedOn: pick(drawn.days),
            createdAt: pick(drawn.moments),
            doneAt: next() % 2 ? pick(drawn.moments) : null,
          });
      }
    }
    const auditLog: BackupTables['auditLog'] = [];
    for (let index = 0; index < drawn.auditCount; index += 1) {
      const entry: BackupTables['auditLog'][number] = {
        seq: index + 1 + (next() % 3),
        at: pick(drawn.moments),
        table: pick([
          'people',
          'programs',
          'relationships',
          'meetings',
          'actionItems',
          'topics',
          'goalAreas',
          'goals',
          'goalProgress',
          'settings',
          'trainingCourses',
          'trainingRecords',
          'recognitions',
          'milestones',
        ] as const),
        recordId: freshId() ?? 'gone',
        action: pick(['create', 'update', 'delete', 'restore', 'view'] as const),
        fields: next() % 2 ? ['name', 'email'] : [],
      };
      if (next() % 2) entry.detail = pick(drawn.texts);
      if (!auditLog.some((other) => other.seq === entry.seq)) auditLog.push(entry);
    }
    // Plans come last and from the same draws, so the records above are those of before plans existed.
    const goalAreas: BackupTables['goalAreas'] =
      next() % 2
        ? [{ id: freshId(), label: pick(drawn.texts) || 'Own area', builtIn: false, archived: false }]
        : [];
    const areaIds = [...goalAreas.map((area) => area.id), ...BUILT_IN_GOAL_AREAS.map((area) => area.id)];
    const goals: BackupTables['goals'] = [];
    const goalProgress: BackupTables['goalProgress'] = [];
    if (relationships.length) {
      for (let index = 0; index < next() % 4; index += 1) {
        const setDate = pick(drawn.days);
        const target = pick(drawn.days);
        const status = pick(GOAL_STATUSES);
        const goal: BackupTables['goals'][number] = {
          id: freshId(),
          relationshipId: pick(relationships).id,
          areaId: pick(areaIds),
          title: pick(drawn.texts).trim() || 'A goal',
          details: pick(drawn.texts),
          setDate,
          targetDate: next() % 3 ? [target, setDate].sort()[1] : null,
          status,
          dropReason: status === 'dropped' ? pick(drawn.texts).trim() || 'A reason' : null,
          steps: next() % 2 ? [{ text: pick(drawn.texts), done: next() % 2 === 0 }] : [],
          createdAt: pick(drawn.moments),
          updatedAt: pick(drawn.moments),
        };
        goals.push(goal);
        const onMeeting = meetings.filter((meeting) => meeting.relationshipId === goal.relationshipId);
        goalProgress.push({
          id: freshId(),
          goalId: goal.id,
          relationshipId: goal.relationshipId,
          meetingId: onMeeting.length && next() % 2 ? pick(onMeeting).id : null,
          date: pick(drawn.days),
          status,
          note: pick(drawn.texts),
          createdAt: pick(drawn.moments),
        });
      }
    }
    return {
      people: drawn.people,
      programs: drawn.programs,
      relationships,
      milestoneTypes: drawn.milestoneTypes,
      milestones,
      meetings,
      actionItems,
      topics: drawn.topics,
      questionnaires,
      responses,
      supportRequests,
      meetingGuides,
      goalAreas,
      goals,
      goalProgress,
      settings: drawn.settings ? [drawn.settings] : [],
      trainingCourses,
      trainingRecords,
      recognitions,
      auditLog,
    };
  });

/** A small, fixed, valid clinic for the tests that need one. */
export function smallClinic(): BackupTables {
  return fc.sample(
    clinicArbitrary.filter((clinic) => clinic.meetings.length > 2),
    { numRuns: 1, seed: 42 },
  )[0];
}
