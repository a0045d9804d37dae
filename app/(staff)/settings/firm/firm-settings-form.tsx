"use client";

import { ActionForm, valueOf } from "@/app/_components/action-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import type { FollowUpPolicySettings } from "@/db/schema/firms";
import type { FormState } from "@/lib/core/form-state";
import { updateFirmSettingsAction } from "./actions";

type Settings = {
  name: string;
  timeZone: string;
  holidays: string;
  policy: FollowUpPolicySettings;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  mfaRequired: boolean;
  candidateReminders: boolean;
  retentionDays: number | null;
  feedbackLinkDays: number;
  version: number;
};

const POLICY_FIELDS: { name: keyof FollowUpPolicySettings; label: string; hint: string; unit: string }[] = [
  { name: "thankYouWithinHours", label: "Thank-you notes due within", hint: "Rule 2: hours after the interview ends.", unit: "hours" },
  { name: "debriefWithinHours", label: "Debrief due within", hint: "Rule 3: hours after the interview ends, when the firm arranged it.", unit: "hours" },
  { name: "feedbackWithinBusinessDays", label: "Collect client feedback within", hint: "Rule 3: business days after the interview.", unit: "business days" },
  {
    name: "callAfterBusinessDays",
    label: "The one allowed call",
    hint: "Rule 4: business days after a no-news or promised date; with an invitation without a date, the call falls within this many business days of the interview.",
    unit: "business days",
  },
  {
    name: "callWindowBusinessDays",
    label: "The call stays allowed for",
    hint: "Rule 4: the window of the call after a no-news or promised date (at least 1).",
    unit: "business days",
  },
  { name: "decisionGraceBusinessDays", label: "Grace after the expected decision", hint: "Rule 6: then the recruiter chases.", unit: "business days" },
  { name: "timelineTaskWithinBusinessDays", label: "Get a timeline from the client within", hint: "Rule 1: when the interviewer gave none.", unit: "business days" },
];

export function FirmSettingsForm({ settings }: { settings: Settings }) {
  const v = (state: FormState, name: string, fallback: string | number | null) => valueOf(state, name) ?? String(fallback ?? "");
  return (
    <ActionForm action={updateFirmSettingsAction} className="flex flex-col gap-6">
      {(state) => (
        <>
          <input type="hidden" name="version" value={valueOf(state, "version") ?? settings.version} />
          <Card>
            <CardHeader>
              <CardTitle>Firm</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4 md:grid-cols-2">
              <FormField name="name" label="Firm name" error={state.fieldErrors?.name} required>
                <Input defaultValue={v(state, "name", settings.name)} maxLength={120} />
              </FormField>
              <FormField name="timeZone" label="Time zone" hint="An IANA name, e.g. America/New_York or Europe/London." error={state.fieldErrors?.timeZone} required>
                <Input defaultValue={v(state, "timeZone", settings.timeZone)} />
              </FormField>
              <FormField name="holidays" label="Holidays" hint="One date per line (YYYY-MM-DD). Business-day counts skip them." error={state.fieldErrors?.holidays} className="md:col-span-2">
                <Textarea rows={4} defaultValue={v(state, "holidays", settings.holidays)} showCount={false} />
              </FormField>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Follow-up policy</CardTitle>
              <CardDescription>Changing a number affects plans built from now on; tasks already done stay done.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {POLICY_FIELDS.map((f) => (
                <FormField key={f.name} name={f.name} label={`${f.label} (${f.unit})`} hint={f.hint} error={state.fieldErrors?.[f.name]} required>
                  <Input type="number" inputMode="numeric" min={f.name === "callWindowBusinessDays" ? 1 : 0} defaultValue={v(state, f.name, settings.policy[f.name])} />
                </FormField>
              ))}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Emails to candidates</CardTitle>
              <CardDescription>Each goes out once, in the firm&apos;s time zone, with a one-click unsubscribe.</CardDescription>
            </CardHeader>
            <CardContent>
              <FormField
                name="candidateReminders"
                label="Email candidates when a plan step needs them"
                hint="A debrief past its deadline, thank-you notes due within hours, the morning their one call is allowed."
                orientation="horizontal"
                error={state.fieldErrors?.candidateReminders}
              >
                <Checkbox defaultChecked={state.values ? state.values.candidateReminders === "on" : settings.candidateReminders} />
              </FormField>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Security and data</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4 md:grid-cols-3">
              <FormField name="sessionIdleMinutes" label="Sign out after inactivity (minutes)" error={state.fieldErrors?.sessionIdleMinutes} required>
                <Input type="number" inputMode="numeric" defaultValue={v(state, "sessionIdleMinutes", settings.sessionIdleMinutes)} />
              </FormField>
              <FormField name="sessionAbsoluteHours" label="Longest session (hours)" error={state.fieldErrors?.sessionAbsoluteHours} required>
                <Input type="number" inputMode="numeric" defaultValue={v(state, "sessionAbsoluteHours", settings.sessionAbsoluteHours)} />
              </FormField>
              <FormField
                name="retentionDays"
                label="Anonymize closed candidates after (days)"
                hint="Rejected or withdrawn more than this long ago. Leave empty to keep them."
                error={state.fieldErrors?.retentionDays}
              >
                <Input type="number" inputMode="numeric" defaultValue={v(state, "retentionDays", settings.retentionDays)} />
              </FormField>
              <FormField
                name="feedbackLinkDays"
                label="Feedback links work for (days)"
                hint="A link mailed to a client's interviewer stops working after this, or once answered."
                error={state.fieldErrors?.feedbackLinkDays}
                required
              >
                <Input type="number" inputMode="numeric" defaultValue={v(state, "feedbackLinkDays", settings.feedbackLinkDays)} />
              </FormField>
              <FormField
                name="mfaRequired"
                label="Require two-factor sign-in for staff"
                orientation="horizontal"
                error={state.fieldErrors?.mfaRequired}
                className="md:col-span-3"
              >
                <Checkbox defaultChecked={state.values ? state.values.mfaRequired === "on" : settings.mfaRequired} />
              </FormField>
            </CardContent>
          </Card>
          <div>
            <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
