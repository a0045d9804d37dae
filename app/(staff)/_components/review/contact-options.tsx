/** A client's contacts as the options of a select: the name, and the job title after a dash. */
export function ContactOptions({ contacts }: { contacts: readonly { id: string; name: string; title: string }[] }) {
  return (
    <>
      {contacts.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
          {c.title ? ` — ${c.title}` : ""}
        </option>
      ))}
    </>
  );
}
