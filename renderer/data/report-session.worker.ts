import { type FromReportWorker, serveReportSession, type ToReportWorker } from './report-session';

// The report worker: reads a period's records and computes the report away from the window. It posts
// figures and progress only; nothing is logged (the records name people).

interface WorkerScope {
  postMessage(message: FromReportWorker): void;
  onmessage: ((event: MessageEvent<ToReportWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = serveReportSession((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
scope.postMessage({ type: 'ready' });
