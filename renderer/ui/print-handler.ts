// File → Print (the application menu) prints the screen's printable view. A screen whose print layout
// is drawn only on demand (the Reports screen) takes the command over while it is shown.

type PrintHandler = () => void;

let current: PrintHandler | null = null;

/** Takes File → Print over until the returned function is called (the screen unmounts). */
export function takeOverPrint(handler: PrintHandler): () => void {
  current = handler;
  return () => {
    if (current === handler) current = null;
  };
}

/** The screen's own print command, if it has one. */
export function screenPrintHandler(): PrintHandler | null {
  return current;
}
