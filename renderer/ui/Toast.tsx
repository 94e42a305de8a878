import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Button } from './Button';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
  /**
   * The action undoes what the message reports: Ctrl+Z (Cmd+Z) runs it too, from anywhere but a field
   * being typed in (whose own undo the keys stay) or a dialog, so a keyboard user needs no Tab to reach it.
   */
  undoes?: boolean;
}

/** The keys that run the newest toast's undo (see ToastAction.undoes). */
export const UNDO_KEYS = 'Control+Z Meta+Z';

interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
}

interface ToastApi {
  /** Shows a short message, optionally with one action such as "Undo". */
  showToast: (message: string, action?: ToastAction) => void;
  /** Takes every toast away, their actions with them (the computer is handed to someone else). */
  clearToasts: () => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** A plain confirmation goes quickly; one with an action stays long enough to reach it by keyboard. */
export const TOAST_MS = 5_000;
export const TOAST_WITH_ACTION_MS = 10_000;
/** Space kept between the toasts and the window's edge, in CSS pixels (1rem). */
const EDGE = 16;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const region = useRef<HTMLElement>(null);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const showToast = useCallback((message: string, action?: ToastAction) => {
    setToasts((all) => [...all.slice(-2), { id: Date.now() + Math.random(), message, action }]);
  }, []);
  const clearToasts = useCallback(() => setToasts([]), []);
  const api = useMemo(() => ({ showToast, clearToasts }), [showToast, clearToasts]);
  const atTop = useClearOfFocusedField(region, toasts.length);
  const act = useCallback(
    async (toast: Toast) => {
      dismiss(toast.id);
      await toast.action?.run();
    },
    [dismiss],
  );
  useUndoKeys(
    toasts.findLast((toast) => toast.action?.undoes),
    act,
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section ref={region} className={atTop ? 'toasts toasts--top' : 'toasts'} aria-label="Notifications">
        {/* Always in the page, so screen readers already watch it when a message arrives. */}
        <div role="status" aria-live="polite">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} onAction={act} />
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({
  toast,
  onDismiss,
  onAction,
}: {
  toast: Toast;
  /** Stable across renders, so a toast's clock is not restarted whenever another toast comes or goes. */
  onDismiss: (id: number) => void;
  onAction: (toast: Toast) => Promise<void>;
}) {
  // The clock stops while the pointer or the keyboard is on the toast: nobody loses an Undo mid-reach.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(
      () => onDismiss(toast.id),
      toast.action ? TOAST_WITH_ACTION_MS : TOAST_MS,
    );
    return () => window.clearTimeout(timer);
  }, [onDismiss, held, toast.id, toast.action]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only pause the timer; the buttons inside do the work.
    <div
      className="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>{toast.message}</span>
      {toast.action && (
        <Button
          variant="primary"
          onClick={() => onAction(toast)}
          {...(toast.action.undoes
            ? { 'aria-keyshortcuts': UNDO_KEYS, title: `${toast.action.label} (Ctrl+Z)` }
            : {})}
        >
          {toast.action.label}
        </Button>
      )}
      <Button variant="quiet" onClick={() => onDismiss(toast.id)} aria-label="Dismiss notification">
        ×
      </Button>
    </div>
  );
}

/**
 * Ctrl+Z (Cmd+Z) runs the undo of `toast` (the newest toast that has one), unless the cursor is in a field
 * (the keys undo the typing there) or a dialog is open (the toast is behind it).
 */
function useUndoKeys(toast: Toast | undefined, act: (toast: Toast) => Promise<void>): void {
  useEffect(() => {
    if (!toast) return;
    function onKey(event: KeyboardEvent) {
      // The Z key by its letter, or by its place when the layout's letters are not Latin (Cyrillic, Greek…).
      const z = event.key.toLowerCase() === 'z' || (event.code === 'KeyZ' && !/^[a-z]$/i.test(event.key));
      if (!toast || !z || event.shiftKey || event.altKey) return;
      if (!(event.ctrlKey || event.metaKey) || event.repeat) return;
      if (isEntryField(document.activeElement) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      void act(toast);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toast, act]);
}

/** A field the manager types or chooses in. */
function isEntryField(element: Element | null): element is HTMLElement {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement)
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'hidden'].includes(element.type);
  return element.isContentEditable;
}

function overlaps(a: { top: number; bottom: number }, b: { top: number; bottom: number }): boolean {
  return a.top < b.bottom && b.top < a.bottom;
}

/**
 * Keeps the toasts off the field being typed in: they sit at the bottom of the window, and move to the
 * top while the focused field is where they would cover it. Returns true for the top.
 */
function useClearOfFocusedField(region: RefObject<HTMLElement | null>, count: number): boolean {
  const [atTop, setAtTop] = useState(false);
  useLayoutEffect(() => {
    if (count === 0) return;
    function place() {
      const box = region.current?.getBoundingClientRect();
      const field = document.activeElement;
      if (!box || !isEntryField(field)) {
        setAtTop(false);
        return;
      }
      const rect = field.getBoundingClientRect();
      const sideBySide = rect.right <= box.left || rect.left >= box.right;
      const bottom = { top: window.innerHeight - EDGE - box.height, bottom: window.innerHeight - EDGE };
      const top = { top: EDGE, bottom: EDGE + box.height };
      setAtTop(!sideBySide && overlaps(rect, bottom) && !overlaps(rect, top));
    }
    place();
    document.addEventListener('focusin', place);
    document.addEventListener('focusout', place);
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('focusin', place);
      document.removeEventListener('focusout', place);
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [region, count]);
  return atTop;
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast is used outside ToastProvider.');
  return api;
}
