import type { TaskDetailFragment } from "@taskline/schema/types";

import { formatDateTime } from "@/lib/format";

/** Per-item failures: the task went on with the other items. */
export function TaskErrors({ errors, failureCount }: { errors: TaskDetailFragment["errors"]; failureCount: number }) {
  if (errors.length === 0) return null;
  return (
    <section className="section" aria-labelledby="errors-heading">
      <div className="section__head">
        <h2 id="errors-heading">Item failures</h2>
        <span className="muted small">
          {failureCount > errors.length ? `showing ${errors.length} of ${failureCount}` : `${errors.length}`}
        </span>
      </div>
      <ul className="errors">
        {errors.map((e) => (
          <li key={`${e.itemKey}-${e.attempt}-${e.createdAt}`} className="errors__item">
            <div>
              <span className="strong">{e.itemLabel ?? e.itemKey}</span>
              {e.itemLabel ? <span className="muted mono small"> {e.itemKey}</span> : null}
            </div>
            <div className="errors__message">{e.message}</div>
            <div className="muted small">
              attempt {e.attempt} · {formatDateTime(e.createdAt)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
