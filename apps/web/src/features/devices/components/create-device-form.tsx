import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { describeError } from "@/lib/graphql-errors";
import { localTimeZone } from "@/lib/format";

import { useCreateDevice } from "../api/device-mutations";

export function CreateDeviceForm({ onDone }: { onDone: () => void }) {
  const [create, { loading }] = useCreateDevice();
  const [form, setForm] = useState({ name: "", address: "", port: "4370", timezone: localTimeZone(), location: "" });
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await create({ variables: { input: { name: form.name, address: form.address, port: Number(form.port), timezone: form.timezone, location: form.location || null } } });
      onDone();
    } catch (err) {
      const d = describeError(err);
      setError({ field: typeof d.extensions.field === "string" ? d.extensions.field : null, message: d.message });
    }
  }
  const fieldError = (f: string) => (error?.field === f ? error.message : null);

  return (
    <form className="card form" onSubmit={submit}>
      <TextField label="Name" value={form.name} onChange={set("name")} required error={fieldError("name")} />
      <TextField label="Address" hint="IP address or host name" value={form.address} onChange={set("address")} required error={fieldError("address")} />
      <TextField label="Port" type="number" value={form.port} onChange={set("port")} error={fieldError("port")} />
      <TextField label="Timezone" hint="IANA name the device's clock is set to, e.g. Europe/Berlin" value={form.timezone} onChange={set("timezone")} error={fieldError("timezone")} />
      <TextField label="Location" value={form.location} onChange={set("location")} error={fieldError("location")} />
      {error && !error.field ? (
        <p className="form__error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="actions">
        <Button type="submit" variant="primary" busy={loading}>
          Add device
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
