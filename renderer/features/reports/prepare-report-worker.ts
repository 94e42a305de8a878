// Loaded by the app once its start is over: a report worker is started ahead, so that the first visit to
// the Reports screen does not wait for one (report-session.ts).
export { prepareReportWorker } from '../../data/report-session';
