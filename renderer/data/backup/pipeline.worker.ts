import { createInlineSink, type FromWorker, type InlineSink, type ToWorker } from './pipeline';

// The backup pipeline's worker: receives the document's bytes from the main thread, hashes, gzips and
// encrypts them, and hands back the finished file. Nothing is logged: the bytes hold the clinic's notes.

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let sink: InlineSink | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message.type === 'start') sink = createInlineSink(message.options);
    else if (message.type === 'write' && sink) {
      const size = message.bytes.byteLength;
      // Tells the main thread the bytes are through, so it can read on (see DocumentSink.whenBelow).
      void sink
        .write(message.bytes, message.hashed)
        .then(() => scope.postMessage({ type: 'processed', bytes: size }));
    } else if (message.type === 'finish' && sink) {
      sink.finish().then(
        (result) => scope.postMessage({ type: 'done', result }, [result.bytes.buffer as ArrayBuffer]),
        (error: unknown) => scope.postMessage({ type: 'failed', message: String(error) }),
      );
    }
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) });
  }
};

scope.postMessage({ type: 'ready' });
