import type { CatchUpPolicy, OverlapPolicy, ScheduleRowFragment } from "@taskline/schema/types";
import { useId, useMemo, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { localTimeZone } from "@/lib/format";
import { describeError, errorText } from "@/lib/graphql-errors";

import { useCreateSchedule } from "../api/create-schedule";
import { useScheduleTaskTypes } from "../api/get-schedule-task-types";
import { usePreviewSchedule, type PreviewTiming } from "../api/preview-schedule";
import { useUpdateSchedule } from "../api/update-schedule";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { FireTimes } from "./fire-times";
import { TimezoneSelect } from "./timezone-select";

type TimingKind = "cron" | "interval";
type FieldName = "name" | "taskType" | "payload" | "timing" | "timezone" | "catchUpCap" | "form";
type Errors = Partial<Record<FieldName, string>>;

const OVERLAP: readonly { value: OverlapPolicy; label: string }[] = [
  { value: "SKIP", label: "Skip a fire while the last task still runs" },
  { value: "ALLOW", label: "Always start a task" },
];
const CATCH_UP: readonly { value: CatchUpPolicy; label: string }[] = [
  { value: "LATEST", label: "Run the latest missed fire once" },
  { value: "ALL", label: "Run missed fires, up to the cap" },
  { value: "NONE", label: "Skip missed fires" },
];

/** Which field a BAD_USER_INPUT belongs to, from the API's `extensions.field` (or its message). */
function fieldOf(field: unknown, message: string): FieldName {
  switch (field) {
    case "name":
      return "name";
    case "cron":
    case "intervalSeconds":
      return "timing";
    case "timezone":
      return "timezone";
    case "catchUpCap":
      return "catchUpCap";
    case "payload":
      return "payload";
    case "taskType":
      return "taskType";
    default:
      if (/payload/i.test(message)) return "payload";
      if (/task type/i.test(message)) return "taskType";
      return "form";
  }
}

function parsePayload(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${(e as Error).message}` };
  }
}

/** The timing the preview asks about, or null while there is nothing to ask. */
function timingOf(kind: TimingKind, cron: string, interval: string, timezone: string): PreviewTiming | null {
  if (kind === "cron") return cron.trim() === "" ? null : { cron: cron.trim(), intervalSeconds: null, timezone };
  const seconds = Number(interval);
  return interval.trim() === "" || !Number.isFinite(seconds) ? null : { cron: null, intervalSeconds: Math.trunc(seconds), timezone };
}

/** Creates a schedule, or edits `schedule`. Previews the next fires as the timing is typed (debounced 300 ms). */
export function ScheduleForm({ schedule, onClose }: { schedule?: ScheduleRowFragment; onClose: () => void }) {
  const ids = useId();
  const taskTypes = useScheduleTaskTypes();
  const [create, creating] = useCreateSchedule();
  const [update, updating] = useUpdateSchedule();

  const [name, setName] = useState(schedule?.name ?? "");
  const [taskType, setTaskType] = useState(schedule?.taskType ?? "");
  const [payload, setPayload] = useState(schedule ? JSON.stringify(schedule.payload, null, 2) : "{}");
  const [kind, setKind] = useState<TimingKind>(schedule?.intervalSeconds != null ? "interval" : "cron");
  const [cron, setCron] = useState(schedule?.cron ?? "");
  const [interval, setIntervalText] = useState(schedule?.intervalSeconds != null ? String(schedule.intervalSeconds) : "3600");
  const [timezone, setTimezone] = useState(schedule?.timezone ?? localTimeZone());
  const [overlap, setOverlap] = useState<OverlapPolicy>(schedule?.overlapPolicy ?? "SKIP");
  const [catchUp, setCatchUp] = useState<CatchUpPolicy>(schedule?.catchUpPolicy ?? "LATEST");
  const [cap, setCap] = useState(String(schedule?.catchUpCap ?? 10));
  const [errors, setErrors] = useState<Errors>({});

  const payloadCheck = useMemo(() => parsePayload(payload), [payload]);
  const timing = useMemo(() => timingOf(kind, cron, interval, timezone), [kind, cron, interval, timezone]);
  const previewTiming = useDebouncedValue(timing, 300);
  const preview = usePreviewSchedule(previewTiming);
  const previewError = preview.error ? describeError(preview.error).message : null;
  const typeName = taskType || taskTypes.data?.taskTypes[0]?.name || "";

  function setField(field: FieldName, message: string | undefined) {
    setErrors((current) => ({ ...current, [field]: message }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    if (!payloadCheck.ok) {
      setField("payload", payloadCheck.error);
      return;
    }
    if (!timing) {
      setField("timing", kind === "cron" ? "Enter a cron expression." : "Enter an interval in seconds.");
      return;
    }
    const input = {
      name: name.trim(),
      taskType: typeName,
      payload: payloadCheck.value,
      cron: timing.cron,
      intervalSeconds: timing.intervalSeconds,
      timezone,
      overlapPolicy: overlap,
      catchUpPolicy: catchUp,
      catchUpCap: Number(cap),
    };
    try {
      if (schedule) await update({ variables: { id: schedule.id, input } });
      else await create({ variables: { input } });
      onClose();
    } catch (e) {
      const { code, message, extensions } = describeError(e);
      if (code === "BAD_USER_INPUT") setField(fieldOf(extensions.field, message), message);
      else setField("form", errorText(e));
    }
  }

  const heading = schedule ? `Edit “${schedule.name}”` : "New schedule";
  const timingError = errors.timing ?? previewError;

  return (
    <form className="card form schedule-form" onSubmit={submit} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} className="card__title">
        {heading}
      </h2>
      <div className="form__row">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" error={errors.name} />
        <div className="field">
          <label htmlFor={`${ids}-type`} className="field__label">
            Task type
          </label>
          <select id={`${ids}-type`} className="input" value={typeName} onChange={(e) => setTaskType(e.target.value)}>
            {taskTypes.data?.taskTypes.map((type) => (
              <option key={type.name} value={type.name}>
                {type.title} ({type.name})
              </option>
            ))}
          </select>
          {errors.taskType ? (
            <p className="form__error" role="alert">
              {errors.taskType}
            </p>
          ) : null}
        </div>
      </div>

      <TextAreaField
        label="Payload (JSON)"
        className="input input--area mono"
        rows={4}
        value={payload}
        onChange={(e) => {
          setPayload(e.target.value);
          setField("payload", undefined);
        }}
        spellCheck={false}
        error={errors.payload ?? (payloadCheck.ok ? null : payloadCheck.error)}
      />

      <fieldset className="fieldset">
        <legend className="field__label">Timing</legend>
        <div className="segmented" role="radiogroup" aria-label="Timing kind">
          {(["cron", "interval"] as const).map((option) => (
            <label key={option} className={`toggle${kind === option ? " toggle--on" : ""}`}>
              <input
                type="radio"
                className="visually-hidden"
                name={`${ids}-kind`}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  setField("timing", undefined);
                }}
              />
              {option === "cron" ? "By cron expression" : "By interval"}
            </label>
          ))}
        </div>
        <div className="form__row">
          {kind === "cron" ? (
            <TextField
              label="Cron expression"
              className="input mono"
              value={cron}
              placeholder="0 8 * * 1"
              hint="Five fields (minute hour day-of-month month day-of-week) or @daily, @hourly, @weekly…"
              onChange={(e) => {
                setCron(e.target.value);
                setField("timing", undefined);
              }}
              error={timingError}
            />
          ) : (
            <TextField
              label="Interval (seconds)"
              type="number"
              min={60}
              step={1}
              value={interval}
              hint="At least 60; counted from when the schedule is created."
              onChange={(e) => {
                setIntervalText(e.target.value);
                setField("timing", undefined);
              }}
              error={timingError}
            />
          )}
          <TimezoneSelect
            value={timezone}
            onChange={(zone) => {
              setTimezone(zone);
              setField("timezone", undefined);
            }}
            error={errors.timezone}
          />
        </div>
        <section className="preview" aria-label="Preview" aria-live="polite">
          {preview.data && !previewError && previewTiming ? (
            <>
              <p className="preview__description" data-testid="preview-description">
                {preview.data.previewSchedule.description}
              </p>
              <FireTimes fires={preview.data.previewSchedule.nextFires} timeZone={previewTiming.timezone} empty="No upcoming fires" />
            </>
          ) : !previewError ? (
            <p className="muted small">{timing ? "Previewing…" : "Type a timing to preview its next fires."}</p>
          ) : null}
        </section>
      </fieldset>

      <div className="form__row">
        <div className="field">
          <label htmlFor={`${ids}-overlap`} className="field__label">
            Overlap
          </label>
          <select id={`${ids}-overlap`} className="input" value={overlap} onChange={(e) => setOverlap(e.target.value as OverlapPolicy)}>
            {OVERLAP.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-catch-up`} className="field__label">
            Catch-up after downtime
          </label>
          <select id={`${ids}-catch-up`} className="input" value={catchUp} onChange={(e) => setCatchUp(e.target.value as CatchUpPolicy)}>
            {CATCH_UP.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="Catch-up cap"
          type="number"
          min={1}
          max={1000}
          value={cap}
          disabled={catchUp !== "ALL"}
          hint="With catch-up ALL: at most this many missed fires run (1-1000)."
          onChange={(e) => setCap(e.target.value)}
          error={errors.catchUpCap}
        />
      </div>

      {errors.form ? (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={creating.loading || updating.loading}>
          {schedule ? "Save schedule" : "Create schedule"}
        </Button>
      </div>
    </form>
  );
}
