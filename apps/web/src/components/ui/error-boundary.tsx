import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** Names the widget in the fallback, e.g. "Live progress". */
  name: string;
  children: ReactNode;
  /** Changing it resets the boundary (e.g. the route's task id). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/** Each live widget gets its own, so one broken widget never blanks the page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}]`, error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="callout callout--danger" role="alert">
          <strong>{this.props.name} stopped working.</strong> {this.state.error.message}{" "}
          <button type="button" className="button button--ghost button--sm" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
