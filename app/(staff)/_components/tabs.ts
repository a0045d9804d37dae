/** The tab rows shared by sibling lists. */
export const CLIENT_TABS = [
  { href: "/clients", label: "Clients", exact: true },
  { href: "/contacts", label: "Contacts" },
];

export const JOB_TABS = [
  { href: "/jobs", label: "Jobs", exact: true },
  { href: "/jobs/pipeline", label: "Pipeline" },
];
