"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { FindableSelect } from "../../_components/findable-select";
import type { ReportFilterOptions } from "@/db/queries/reports";
import type { FilterFieldErrors } from "@/lib/core/reports/filters";
import { STAGE_LABELS, STAGES } from "@/lib/core/vocabulary";

const FILTER_KEYS = ["dates", "from", "to", "client", "job", "recruiter", "stage"] as const;

/**
 * The report filters. A plain GET form, so the filters live in the URL and a
 * view can be shared; with JavaScript, empty fields are left out of the URL.
 */
export function FilterForm({
  values,
  errors,
  options,
}: {
  values: Record<string, string | undefined>;
  errors: FilterFieldErrors;
  options: ReportFilterOptions;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    // The same order as the server writes them, so one view has one URL.
    for (const key of FILTER_KEYS) {
      const value = data.get(key);
      if (typeof value === "string" && value.trim() !== "" && !(key === "dates" && value === "application")) params.set(key, value.trim());
    }
    const qs = params.toString();
    startTransition(() => router.push(qs ? `/reports?${qs}` : "/reports"));
  }

  // A menu's records, and an id in the URL that is none of them (a removed record, a mistyped link) as "Unknown".
  const withUnknown = (list: { id: string; name: string }[], value: string | undefined) => [
    ...list.map((x) => ({ value: x.id, label: x.name })),
    ...(value && !list.some((x) => x.id === value) ? [{ value, label: `Unknown (${value.slice(0, 8)}…)` }] : []),
  ];

  return (
    <form method="get" action="/reports" onSubmit={onSubmit} noValidate aria-label="Report filters" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <FormField name="dates" label="Date range applies to" error={errors.dates}>
        <Select defaultValue={values.dates ?? "application"}>
          <option value="application">Application date</option>
          <option value="interview">Interview date</option>
        </Select>
      </FormField>
      <FormField name="from" label="From" error={errors.from}>
        <Input type="date" defaultValue={values.from ?? ""} />
      </FormField>
      <FormField name="to" label="To" error={errors.to}>
        <Input type="date" defaultValue={values.to ?? ""} />
      </FormField>
      <FormField name="stage" label="Stage" error={errors.stage}>
        <Select defaultValue={values.stage ?? ""}>
          <option value="">All stages</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
          {values.stage && !(STAGES as readonly string[]).includes(values.stage) ? <option value={values.stage}>Unknown ({values.stage.slice(0, 12)})</option> : null}
        </Select>
      </FormField>
      <FormField name="client" label="Client" error={errors.client}>
        <FindableSelect
          defaultValue={values.client ?? ""}
          lead={[{ value: "", label: "All clients" }]}
          options={withUnknown(options.clients, values.client)}
          find={{ kind: "clients", more: options.moreClients, all: true }}
        />
      </FormField>
      <FormField name="job" label="Job" error={errors.job} hint={values.client ? undefined : "Choose a client and apply to list its jobs."}>
        <FindableSelect
          defaultValue={values.job ?? ""}
          lead={[{ value: "", label: "All jobs" }]}
          options={withUnknown(options.jobs.map((j) => ({ id: j.id, name: `${j.title} · ${j.clientName}` })), values.job)}
        />
      </FormField>
      <FormField name="recruiter" label="Recruiter" error={errors.recruiter}>
        <FindableSelect
          defaultValue={values.recruiter ?? ""}
          lead={[{ value: "", label: "All recruiters" }]}
          options={withUnknown(options.recruiters, values.recruiter)}
          find={{ kind: "staff", more: options.moreRecruiters, all: true }}
        />
      </FormField>
      <div className="flex items-end gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Applying…" : "Apply filters"}
        </Button>
        <Button asChild variant="ghost">
          <Link href="/reports">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
