import { type ComponentType, type JSX, lazy, useState } from 'react';

// A screen whose code is a chunk of its own, loaded the first time it is shown or earlier, when the app
// preloads the chunks once the start is over (see preload-screens.ts), so that a first visit does not
// wait. Meanwhile the Suspense boundary around it keeps the screen before on view (a change of screen is
// a transition, app/Layout.tsx), or shows the app's Loading line when there is none (a start on its address).

export interface LazyScreen<P extends object> {
  (props: P): JSX.Element;
  /** Loads the screen's chunk (once; later calls share the first loading). */
  preload: () => Promise<unknown>;
}

const everyScreen: (() => Promise<unknown>)[] = [];

/** `load` imports the screen's module and picks its component, e.g. `() => import('./X').then((m) => m.X)`. */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  {
    preloaded = true,
  }: { /** False for a screen a start rarely needs (the first run's welcome). */ preloaded?: boolean } = {},
): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // A failed load (a file missing or unreadable) is tried again on the next visit, not remembered.
        loading = undefined;
        Suspended = suspended();
        throw error;
      },
    );
    return loading;
  };
  const suspended = () => lazy(() => preload().then((component) => ({ default: component })));
  let Suspended = suspended();
  // biome-ignore lint/correctness/noComponentHookFactories: called once per screen, at the module's top level, like React's own lazy().
  function Screen(props: P): JSX.Element {
    // Once loaded, the screen is rendered at once, without a Suspense round (no Loading flash). The
    // choice is made once per mount: switching from Suspended to the component itself would remount it.
    const [Shown] = useState(() => loaded ?? Suspended);
    return <Shown {...props} />;
  }
  if (preloaded) everyScreen.push(preload);
  return Object.assign(Screen, { preload });
}

/** The loaders of the lazy screens to preload after the start, in the order they were declared. */
export function lazyScreenLoaders(): readonly (() => Promise<unknown>)[] {
  return everyScreen;
}
