// The sample clinic's public door: the app's loader, the benchmarks and the tests import from here.

export { SAMPLE_CLINIC_NAME } from './builder';
export { generateSampleClinic, SAMPLE_DEFAULT_TODAY } from './generate';
export { LARGE_SAMPLE_COUNTS } from './large-clinic';
export type { SampleClinic, SampleClinicOptions, SampleCounts, SampleSize } from './types';
