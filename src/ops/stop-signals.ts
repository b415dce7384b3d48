export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface StopSignalHandlers {
  /** The first SIGINT or SIGTERM: stop gracefully. */
  onStop(signal: StopSignal): void;
  /** A second one while stopping: the operator insists. */
  onForce(signal: StopSignal): void;
}

/**
 * Handles SIGINT (Ctrl-C) and SIGTERM (systemd, Docker, Kubernetes) for this very process. Node
 * as PID 1 in a container gets no default handling for them, so these handlers are what stops
 * the bot there too. Returns a function that removes the handlers.
 */
export function onStopSignals(handlers: StopSignalHandlers, target: NodeJS.Process = process): () => void {
  let stopping = false;
  const handle = (signal: StopSignal) => {
    if (stopping) handlers.onForce(signal);
    else {
      stopping = true;
      handlers.onStop(signal);
    }
  };
  const signals: StopSignal[] = ['SIGINT', 'SIGTERM'];
  for (const signal of signals) target.on(signal, handle);
  return () => {
    for (const signal of signals) target.off(signal, handle);
  };
}
