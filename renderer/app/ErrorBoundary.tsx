import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}
interface State {
  failed: boolean;
}

/** Catches a screen that crashed and offers a way back, instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('A screen failed to show', error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error-screen" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>Your records are safe: nothing was lost. Go back to the dashboard and try again.</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            window.location.hash = '#/';
            this.setState({ failed: false });
          }}
        >
          Back to the dashboard
        </button>
      </div>
    );
  }
}
