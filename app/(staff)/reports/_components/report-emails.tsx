"use client";

import { useActionState, useState } from "react";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState } from "@/lib/core/form-state";
import { deleteReportSubscriptionAction, subscribeToReportAction, unsubscribeReportAction } from "../actions";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "Email me this report": the page's current filters, daily or weekly at a local time. */
export function SubscribeForm({ query, timeZone, canExport }: { query: string; timeZone: string; canExport: boolean }) {
  const [state, action] = useActionState(subscribeToReportAction, initialFormState);
  const values = state.ok ? {} : (state.values ?? {});
  const [frequency, setFrequency] = useState(String(values.frequency ?? "daily"));
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label="Email me this report">
      <input type="hidden" name="query" value={query} />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField name="frequency" id="subscription-frequency" label="How often" error={errors.frequency} required>
          <Select value={frequency} onChange={(e) => setFrequency(e.target.value)}>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </Select>
        </FormField>
        {frequency === "weekly" ? (
          <FormField name="weekday" id="subscription-weekday" label="Day" error={errors.weekday} required>
            <Select defaultValue={String(values.weekday ?? "1")}>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </Select>
          </FormField>
        ) : null}
        <FormField name="localTime" id="subscription-time" label="Time" hint={`On the firm's clock (${timeZone}).`} error={errors.localTime} required>
          <Input type="time" step={60} defaultValue={String(values.localTime ?? "08:00")} />
        </FormField>
      </div>
      {canExport ? (
        <FormField name="includeCsv" id="subscription-csv" label="Attach the applications as CSV (up to 5,000 rows)" orientation="horizontal" error={errors.includeCsv}>
          <Checkbox defaultChecked={values.includeCsv === "on"} />
        </FormField>
      ) : null}
      <div>
        <SubmitButton pendingLabel="Saving…">Email me this report</SubmitButton>
      </div>
      {state.ok && state.message ? (
        <Alert variant="success" announce>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
      {!state.ok && state.formError ? (
        <Alert variant="error" announce>
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}
    </form>
  );
}

function RowAction({
  id,
  label,
  pending,
  variant,
  run,
  name,
}: {
  id: string;
  name: string;
  label: string;
  pending: string;
  variant: "outline" | "destructive";
  run: typeof unsubscribeReportAction;
}) {
  const [state, action] = useActionState(run, initialFormState);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="subscriptionId" value={id} />
      <SubmitButton variant={variant} size="sm" pendingLabel={pending} aria-label={`${label}: ${name}`}>
        {label}
      </SubmitButton>
      {!state.ok && state.formError ? (
        <span role="status" className="text-xs text-overdue-foreground">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}

export type SubscriptionRow = { id: string; schedule: string; filters: string; includeCsv: boolean; stopped: boolean };

/** "Your report emails", each with Unsubscribe (while on) and Delete. */
export function SubscriptionList({ rows }: { rows: SubscriptionRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">You have no report emails yet.</p>;
  return (
    <ul className="flex flex-col divide-y divide-border" aria-label="Your report emails">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="flex flex-col gap-0.5 text-sm">
            <span className="font-medium">
              {r.schedule}
              {r.includeCsv ? ", with CSV" : ""}
              {r.stopped ? " (stopped)" : ""}
            </span>
            <span className="text-xs text-muted-foreground">Filters: {r.filters}</span>
          </div>
          <div className="flex gap-2">
            {r.stopped ? null : <RowAction id={r.id} name={r.schedule} label="Unsubscribe" pending="Stopping…" variant="outline" run={unsubscribeReportAction} />}
            <RowAction id={r.id} name={r.schedule} label="Delete" pending="Deleting…" variant="destructive" run={deleteReportSubscriptionAction} />
          </div>
        </li>
      ))}
    </ul>
  );
}
