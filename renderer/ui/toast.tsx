import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Button } from './Button';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
}

interface ToastApi {
  /** Shows a short message, optionally with one action such as "Undo". */
  showToast: (message: string, action?: ToastAction) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Long enough to reach the Undo button with the keyboard. */
const TOAST_MS = 12_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const showToast = useCallback((message: string, action?: ToastAction) => {
    setToasts((all) => [...all.slice(-2), { id: Date.now() + Math.random(), message, action }]);
  }, []);
  const api = useMemo(() => ({ showToast }), [showToast]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div role="status" aria-live="polite">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [onDismiss]);
  return (
    <div className="toast">
      <span>{toast.message}</span>
      {toast.action && (
        <Button
          variant="primary"
          onClick={async () => {
            onDismiss();
            await toast.action?.run();
          }}
        >
          {toast.action.label}
        </Button>
      )}
      <Button variant="quiet" onClick={onDismiss} aria-label="Dismiss notification">
        ×
      </Button>
    </div>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast is used outside ToastProvider.');
  return api;
}
