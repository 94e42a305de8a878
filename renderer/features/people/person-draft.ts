import type { PersonInput } from '../../data/people.repo';
import type { CareerStage, Person, Profession } from '../../domain/types';

/** The person form's fields, as typed: everything a string or a tick box. */
export interface PersonDraft {
  name: string;
  email: string;
  profession: Profession;
  specialty: string;
  careerStage: CareerStage;
  hireDate: string;
  leavingDate: string;
  tags: string;
  isMentor: boolean;
  isMentee: boolean;
  mentorCapacity: string;
}

export const EMPTY_PERSON: PersonDraft = {
  name: '',
  email: '',
  profession: 'nurse',
  specialty: '',
  careerStage: 'early-career',
  hireDate: '',
  leavingDate: '',
  tags: '',
  isMentor: false,
  isMentee: true,
  mentorCapacity: '2',
};

export function draftFromPerson(person: Person): PersonDraft {
  return {
    name: person.name,
    email: person.email,
    profession: person.profession,
    specialty: person.specialty,
    careerStage: person.careerStage,
    hireDate: person.hireDate ?? '',
    leavingDate: person.leavingDate ?? '',
    tags: person.tags.join(', '),
    isMentor: person.isMentor,
    isMentee: person.isMentee,
    mentorCapacity: String(person.mentorCapacity),
  };
}

export function inputFromDraft(draft: PersonDraft): PersonInput {
  // Anything but digits ("", "2.5", "two") is no capacity at all: the rules then say so beside the field.
  const capacity = /^\d+$/.test(draft.mentorCapacity.trim()) ? Number(draft.mentorCapacity) : Number.NaN;
  return {
    name: draft.name,
    email: draft.email,
    profession: draft.profession,
    specialty: draft.specialty,
    careerStage: draft.careerStage,
    hireDate: draft.hireDate || null,
    leavingDate: draft.leavingDate || null,
    tags: draft.tags.split(','),
    isMentor: draft.isMentor,
    isMentee: draft.isMentee,
    // Someone who does not mentor has no capacity to count.
    mentorCapacity: draft.isMentor ? capacity : 0,
  };
}
