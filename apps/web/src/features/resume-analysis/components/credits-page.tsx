import { useState } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { TextField } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useCredits, useTopUpCredits } from "../api/credits";

const KIND_LABEL = { TOP_UP: "Top-up", RESERVE: "Reserved", CHARGE: "Charged", RELEASE: "Released" } as const;

/** Your analysis credits and their ledger; admins pick any user (by id) and top up. */
export function CreditsPage() {
  const isAdmin = useCan("admin");
  const [userId, setUserId] = useState("");
  const { data, error } = useCredits(userId.trim() || null);
  const [topUp, { loading }] = useTopUpCredits();
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const credits = data?.credits;

  async function add() {
    if (!credits) return;
    setMessage(null);
    try {
      await topUp({ variables: { userId: credits.userId, amount: Number(amount), note: note || null } });
      setAmount("");
      setNote("");
    } catch (e) {
      setMessage(errorText(e));
    }
  }

  return (
    <div className="page">
      <header className="page__head">
        <h1 className="page__title">Analysis credits</h1>
      </header>
      {isAdmin ? <TextField label="User id (admins: leave empty for yourself)" value={userId} onChange={(e) => setUserId(e.target.value)} /> : null}
      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {credits ? (
        <section className="card">
          <p>
            <span className="strong">{credits.available}</span> available · {credits.balance} balance · {credits.held} held by running analyses
          </p>
          {isAdmin ? (
            <div className="actions">
              <TextField label="Amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
              <TextField label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
              <Button variant="primary" onClick={add} busy={loading} disabled={!amount}>
                Top up
              </Button>
              {message ? <span className="actions__error" role="alert">{message}</span> : null}
            </div>
          ) : null}
        </section>
      ) : null}
      {data ? (
        <Table caption="Credit ledger">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Balance</th>
              <th scope="col">Held</th>
              <th scope="col">Task</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {data.creditLedger.edges.map(({ node }) => (
              <tr key={node.id}>
                <td className="muted small">{formatRelative(node.createdAt)}</td>
                <td>{KIND_LABEL[node.kind]}</td>
                <td>{node.amount ? (node.amount > 0 ? `+${node.amount}` : node.amount) : ""}</td>
                <td>{node.held ? (node.held > 0 ? `+${node.held}` : node.held) : ""}</td>
                <td>{node.taskId ? <Link to={`/tasks/${node.taskId}`}>task</Link> : null}</td>
                <td className="small">{node.note}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}
