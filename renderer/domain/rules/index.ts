// The program's rules, one file per entity; import them from here.
export * from './changed-fields';
export * from './fields';
export * from './goal';
export * from './meeting';
export * from './milestone';
export * from './person';
export * from './program';
export * from './questionnaire';
export * from './relationship';
export * from './rule-error';
export * from './settings';
export * from './topic';
export * from './training';
