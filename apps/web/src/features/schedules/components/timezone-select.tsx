import { useId, useMemo, useState } from "react";

/** Every IANA zone this browser knows, UTC first. */
function allTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

/** A select of IANA timezones with a search box that narrows it; the current value always stays selectable. */
export function TimezoneSelect({ value, onChange, error }: { value: string; onChange: (zone: string) => void; error?: string | null }) {
  const id = useId();
  const zones = useMemo(allTimeZones, []);
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase().replace(/\s+/g, "_");
  const shown = zones.filter((zone) => zone === value || zone.toLowerCase().includes(needle));
  if (!shown.includes(value)) shown.unshift(value);

  return (
    <div className="field">
      <label htmlFor={`${id}-select`} className="field__label">
        Timezone
      </label>
      <div className="timezone-select">
        <input
          type="search"
          className="input"
          placeholder="Search zones…"
          aria-label="Search timezones"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            const term = event.target.value.trim().toLowerCase().replace(/\s+/g, "_");
            const first = zones.find((zone) => zone.toLowerCase().includes(term));
            if (term && first) onChange(first);
          }}
        />
        <select
          id={`${id}-select`}
          className="input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          {shown.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p id={`${id}-error`} className="form__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
