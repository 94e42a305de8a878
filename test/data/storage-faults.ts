import { IDBDatabase, IDBObjectStore, IDBTransaction } from 'fake-indexeddb';

// Puts a full disk into fake-indexeddb, the way browsers report one: either the commit of a read-write
// transaction fails with QuotaExceededError (Chromium's usual way: the transaction aborts), or a single
// write request fails with it. In both cases IndexedDB rolls the whole transaction back by itself.

export type QuotaFault = 'commit' | 'request';

interface FakeTransaction {
  mode: string;
  _requests: unknown[];
  _rollbackLog: unknown[];
  _state: string;
  _start: () => void;
  _abort: (name: string | null) => void;
  _execRequestAsync: (request: { operation: () => unknown; source?: unknown }) => unknown;
}

const transactionProto = IDBTransaction.prototype as unknown as FakeTransaction;
const storeProto = IDBObjectStore.prototype as unknown as Record<
  'add' | 'put',
  (...args: unknown[]) => unknown
>;

function quotaExceeded(): DOMException {
  return new DOMException('The disk is full (test).', 'QuotaExceededError');
}

/** Makes every write fail with QuotaExceededError until the returned function is called. */
export function injectQuotaExceeded(fault: QuotaFault): () => void {
  const start = transactionProto._start;
  const exec = transactionProto._execRequestAsync;
  const add = storeProto.add;
  const put = storeProto.put;
  let writing = false;
  if (fault === 'commit') {
    transactionProto._start = function (this: FakeTransaction) {
      const committing = this._requests.length === 0 && this._state !== 'finished';
      if (committing && this.mode === 'readwrite' && this._rollbackLog.length > 0) {
        this._abort('QuotaExceededError');
        return;
      }
      start.call(this);
    };
  } else {
    for (const [name, original] of [
      ['add', add],
      ['put', put],
    ] as const)
      storeProto[name] = function (this: unknown, ...args: unknown[]) {
        writing = true;
        try {
          return original.apply(this, args);
        } finally {
          writing = false;
        }
      };
    transactionProto._execRequestAsync = function (this: FakeTransaction, request) {
      if (!writing) return exec.call(this, request);
      return exec.call(this, {
        ...request,
        operation: () => {
          throw quotaExceeded();
        },
      });
    };
  }
  return () => {
    transactionProto._start = start;
    transactionProto._execRequestAsync = exec;
    storeProto.add = add;
    storeProto.put = put;
  };
}

export interface RecordedTransaction {
  stores: string[];
  mode: string;
  durability: string;
}

/** Records the durability every transaction is opened with, until the returned function is called. */
export function recordTransactions(): { transactions: RecordedTransaction[]; stop: () => void } {
  const proto = IDBDatabase.prototype as unknown as {
    transaction: (stores: string | string[], mode?: string, options?: { durability?: string }) => unknown;
  };
  const original = proto.transaction;
  const transactions: RecordedTransaction[] = [];
  proto.transaction = function (this: unknown, stores, mode, options) {
    transactions.push({
      stores: [stores].flat().sort(),
      mode: mode ?? 'readonly',
      durability: options?.durability ?? 'default',
    });
    return original.call(this, stores, mode, options);
  };
  return { transactions, stop: () => (proto.transaction = original) };
}
