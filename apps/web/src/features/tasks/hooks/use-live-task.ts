import { useFragment, useSubscription } from "@apollo/client/react";
import type { ErrorLike } from "@apollo/client";
import type { TaskDetailFragment } from "@taskline/schema/types";
import { useCallback, useEffect, useState } from "react";

import { isTerminal } from "@/components/ui/task-status";
import { useConnectionState, type ConnectionStatus } from "@/lib/connection-state";

import { TaskDetailFragment as TaskDetailFragmentDoc } from "../api/task-fragments";
import { OnTaskUpdatedSubscription } from "../api/on-task-updated";

/**
 * How far to trust what is on screen:
 * - the socket's own states (connecting, connected, reconnecting, failed);
 * - "final": a terminal status arrived from the server; nothing more will change;
 * - "ended": the server closed this subscription before a terminal status. The task is NOT finished; the view
 *   offers to resubscribe.
 */
export type LiveTaskConnection = ConnectionStatus | "final" | "ended";

export interface LiveTask {
  task: TaskDetailFragment | null;
  error: ErrorLike | null;
  connection: LiveTaskConnection;
  /** Resubscribe after "ended" or an error; the snapshot corrects the view. */
  resubscribe: () => void;
}

/**
 * The task page's single source of truth: `taskUpdated(id)` writes each event into the normalised cache (the Task
 * type policy drops versions older than the cached one) and the view reads the cache. The subscription stops once
 * the cached task is terminal; a closed or dropped socket never counts as completion — only a terminal status
 * from the server does.
 */
export function useLiveTask(id: string): LiveTask {
  const cached = useFragment({
    fragment: TaskDetailFragmentDoc,
    fragmentName: "TaskDetail",
    from: { __typename: "Task", id },
  });
  const task = cached.complete ? (cached.data as TaskDetailFragment) : null;
  const final = task !== null && isTerminal(task.status);

  const [ended, setEnded] = useState(false);
  useEffect(() => setEnded(false), [id]);

  const subscription = useSubscription(OnTaskUpdatedSubscription, {
    variables: { id },
    skip: final,
    onComplete: () => setEnded(true),
  });
  const { status } = useConnectionState();

  const { restart } = subscription;
  const resubscribe = useCallback(() => {
    setEnded(false);
    restart();
  }, [restart]);

  const connection: LiveTaskConnection = final ? "final" : ended ? "ended" : status;
  return { task, error: final ? null : (subscription.error ?? null), connection, resubscribe };
}
