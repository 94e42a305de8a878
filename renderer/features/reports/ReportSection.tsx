import { type ReactNode, useId } from 'react';

/** One section of the report, labelled by its heading (ids are unique: the report appears twice). */
export function ReportSection({
  title,
  appendix,
  children,
}: {
  title: string;
  appendix?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      className={appendix ? 'report-section report-section--appendix' : 'report-section'}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{title}</h3>
      {children}
    </section>
  );
}
