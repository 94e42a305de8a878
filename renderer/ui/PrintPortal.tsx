import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { PaperSize } from '../domain/types';

// A print layout lives beside the app (a child of <body>), so printing shows only the document:
// the print styles (.print-layout in styles.css) hide everything else. The page box's margins carry a running header and the page
// numbers ("Page 2 of 7") through CSS paged-media margin boxes and counters, which Chromium honours
// both in Electron's printToPDF and in the browser's own printing.

interface PrintPortalProps {
  /** The document's own print styles hang on this class, e.g. "report-print". */
  className: string;
  paperSize: PaperSize;
  /** Top of every page, e.g. the clinic and the period. */
  runningHeader: string;
  /** Bottom left of every page, e.g. when it was generated and by which version. */
  runningFooter: string;
  children: ReactNode;
}

export function PrintPortal({
  className,
  paperSize,
  runningHeader,
  runningFooter,
  children,
}: PrintPortalProps) {
  return createPortal(
    <div className={`print-layout ${className}`}>
      <style>{pageRules(paperSize, runningHeader, runningFooter)}</style>
      {children}
    </div>,
    document.body,
  );
}

export function pageRules(paperSize: PaperSize, header: string, footer: string): string {
  const size = paperSize === 'Letter' ? 'letter' : 'A4';
  const small = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #3d4650;';
  return `@page {
  size: ${size};
  margin: 16mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(header)}; ${small} }
  @bottom-left { content: ${cssString(footer)}; ${small} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${small} }
}`;
}

/** Text as a CSS string: quotes and backslashes escaped, line breaks and "<" as escapes. */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, ' ')
    .replace(/</g, '\\3C ');
  return `"${escaped}"`;
}
