import { type ReactNode, useEffect } from 'react';

interface PageHeaderProps {
  title: string;
  /** Buttons or links for the screen's main actions. */
  actions?: ReactNode;
  children?: ReactNode;
}

/** The screen's one <h1>; also sets the window title so the screen is named in the task bar. */
export function PageHeader({ title, actions, children }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} — Guiding Hands`;
  }, [title]);
  return (
    <header className="page-header">
      <div className="page-header__row">
        <h1>{title}</h1>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
      {children}
    </header>
  );
}
