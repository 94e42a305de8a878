import { type ReactNode, useId } from 'react';

interface CardProps {
  title: string;
  children: ReactNode;
  /** Extra content beside the title, e.g. a count or a button. */
  aside?: ReactNode;
  className?: string;
}

/** A titled section of a screen, labelled by its heading for screen readers. */
export function Card({ title, children, aside, className }: CardProps) {
  const headingId = useId();
  return (
    <section className={['card', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <div className="card__header">
        <h2 id={headingId}>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
