import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { PaperSize } from '../domain/types';
import { Button } from './Button';
import { PrintPortal } from './PrintPortal';

interface PrintButtonProps {
  label: string;
  /** The platform's print (the feature hands it in: ui knows nothing of the platform). */
  print: () => Promise<unknown>;
  paperSize: PaperSize;
  runningHeader: string;
  runningFooter: string;
  /** The print layout's class, for its print styles. */
  className: string;
  /** The document to print; drawn only while printing. */
  children: ReactNode;
  ariaLabel?: string;
  small?: boolean;
}

/** A button that draws a print layout, prints it, then takes it away. */
export function PrintButton({
  label,
  print,
  paperSize,
  runningHeader,
  runningFooter,
  className,
  children,
  ariaLabel,
  small = false,
}: PrintButtonProps) {
  const [printing, setPrinting] = useState(false);
  const printRef = useRef(print);
  printRef.current = print;

  // The layout is in the page once this effect runs, so the print shows it.
  useEffect(() => {
    if (!printing) return;
    let live = true;
    printRef
      .current()
      .catch((error: unknown) => console.error('Printing failed', error))
      .finally(() => {
        if (live) setPrinting(false);
      });
    return () => {
      live = false;
    };
  }, [printing]);

  return (
    <>
      <Button
        onClick={() => setPrinting(true)}
        disabled={printing}
        aria-label={ariaLabel}
        className={small ? 'button--small' : undefined}
      >
        {label}
      </Button>
      {printing && (
        <PrintPortal
          className={className}
          paperSize={paperSize}
          runningHeader={runningHeader}
          runningFooter={runningFooter}
        >
          {children}
        </PrintPortal>
      )}
    </>
  );
}
