import { Alert, AlertDescription } from "@/app/_components/ui/alert";

const MESSAGES: Record<string, string> = {
  created: "Created.",
  updated: "Changes saved.",
  scheduled: "Interview scheduled.",
  rescheduled: "Interview updated.",
  forward: "Put forward. The application starts in the pipeline.",
};

/** The one-line confirmation after a save that redirected here (`?saved=…`). */
export function SavedNotice({ saved, noun }: { saved: string | string[] | undefined; noun?: string }) {
  const key = Array.isArray(saved) ? saved[0] : saved;
  if (!key || !MESSAGES[key]) return null;
  const text = key === "created" && noun ? `${noun} created.` : MESSAGES[key];
  return (
    <Alert variant="success" announce className="mb-4">
      <AlertDescription>{text}</AlertDescription>
    </Alert>
  );
}
