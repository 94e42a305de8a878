import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useHasLock, useLockNow } from '../features/lock/useLockControls';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { Loading } from '../ui/Loading';
import { focusMain, MAIN_ID } from '../ui/main-region';
import { ErrorBoundary } from './ErrorBoundary';

const NAV_ITEMS = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/people', label: 'People', end: false },
  { to: '/relationships', label: 'Relationships', end: false },
  { to: '/meetings/new', label: 'Log a meeting', end: false },
  { to: '/reports', label: 'Reports', end: false },
  { to: '/questionnaires', label: 'Questionnaires', end: false },
  { to: '/settings', label: 'Settings', end: false },
] as const;

export function Layout({ clinicName }: { clinicName: string }) {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a screen change, put keyboard and screen-reader focus at the start of the new screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <div className="app">
      {/* With hash routing, a "#main" link would be read as a route: the skip link is a button moving focus. */}
      <button type="button" className="skip-link" onClick={focusMain}>
        Skip to main content
      </button>
      <header className="app-header">
        <div className="app-header__top">
          <p className="app-header__name">
            Guiding Hands
            {clinicName && <span className="app-header__clinic"> · {clinicName}</span>}
          </p>
          <HeaderSearch />
          <LockNowButton />
        </div>
        <nav aria-label="Main">
          <ul className="nav">
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="app-main">
        {/* Most screens' code loads on their first visit (or before, once the start is over). The
            boundary outlives the screens: a change of screen is a transition, so the screen before stays
            on view while the next one's code loads (a few milliseconds), instead of a "Loading" line
            that React then keeps at least 300 ms. Only a start on a lazy screen's address shows the line. */}
        <Suspense fallback={<Loading what="Opening the screen" />}>
          <ErrorBoundary key={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </Suspense>
      </main>
    </div>
  );
}

/** Only with the clinic lock on: locking without one would change nothing. */
function LockNowButton() {
  const hasLock = useHasLock();
  const lockNow = useLockNow();
  if (!hasLock) return null;
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      onClick={lockNow}
      aria-keyshortcuts="Control+L Meta+L"
      title="Lock now (Ctrl+L)"
    >
      Lock now
    </button>
  );
}
