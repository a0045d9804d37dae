import type { JobStatus } from "@/lib/core/vocabulary";
import type { FirmBuilder } from "./builder";
import { login } from "./demo";
import type { ClientMeta } from "./types";

/** Northwind's clients: name, industry, web domain, and the titles of their contacts. */
const NORTHWIND_CLIENTS: [string, string, string, string[]][] = [
  ["Helix Cloud Systems", "Cloud infrastructure", "helixcloud.example", ["Talent Acquisition Partner", "Engineering Manager, Platform", "Senior Staff Engineer", "VP Engineering"]],
  ["Meridian Health Partners", "Healthcare", "meridianhealth.example", ["Director of IT", "HR Business Partner", "PMO Lead"]],
  ["Copperline Logistics", "Logistics", "copperline.example", ["Operations Director", "Recruiting Coordinator"]],
  ["Brightwater Financial", "Financial services", "brightwater.example", ["Chief Compliance Officer", "Talent Acquisition Manager", "Senior Counsel"]],
  ["Northstar Robotics", "Industrial automation", "northstar-robotics.example", ["Head of Controls Engineering", "People Operations Lead", "Principal Engineer"]],
  ["Lumen Retail Group", "Retail", "lumenretail.example", ["VP Digital", "Recruiter", "Director of Store Operations"]],
  ["Cascade Energy", "Energy", "cascade-energy.example", ["Data Platform Lead", "HR Generalist", "Field Services Manager"]],
  ["Pinegrove Software", "B2B software", "pinegrove.example", ["CTO", "Talent Partner", "Director of Solutions"]],
];

/**
 * Northwind's people, clients and jobs, and the candidates of the story (Maya,
 * Daniel, Marcus, Elena) before the 56 others. The order of the draws is the
 * demo's: moving a line changes every generated name after it.
 */
export function castNorthwind(b: FirmBuilder) {
  const staff = (email: string) => {
    const l = login(email);
    return b.addUser(l.name, l.email, l.role);
  };
  const olivia = staff("admin@northwind.example");
  const jordan = staff("jordan.ellis@northwind.example");
  const sam = staff("sam.whitaker@northwind.example");

  const [helix, meridian, copperline, brightwater, northstar, lumen, cascade, pinegrove] = NORTHWIND_CLIENTS.map(
    ([name, industry, domain, titles]) => b.addClient(name, industry, domain, titles),
  ) as [ClientMeta, ClientMeta, ClientMeta, ClientMeta, ClientMeta, ClientMeta, ClientMeta, ClientMeta];

  const recruiter = { olivia, jordan, sam };
  const jobList: [ClientMeta, string, string, JobStatus, keyof typeof recruiter][] = [
    [helix, "Senior Cloud Engineer", "Boston, MA (hybrid)", "open", "jordan"],
    [helix, "Site Reliability Engineer", "Remote (US)", "open", "sam"],
    [meridian, "IT Project Manager", "Hartford, CT", "open", "jordan"],
    [meridian, "Clinical Data Analyst", "Hartford, CT", "open", "sam"],
    [copperline, "Operations Manager", "Newark, NJ", "open", "sam"],
    [copperline, "Supply Chain Analyst", "Newark, NJ", "on_hold", "sam"],
    [brightwater, "Compliance Officer", "New York, NY", "open", "jordan"],
    [brightwater, "Financial Analyst", "New York, NY", "filled", "olivia"],
    [northstar, "Controls Engineer", "Pittsburgh, PA", "open", "jordan"],
    [northstar, "Manufacturing Engineer", "Pittsburgh, PA", "open", "sam"],
    [lumen, "E-commerce Product Manager", "Remote (US)", "open", "sam"],
    [lumen, "Store Operations Director", "Philadelphia, PA", "closed", "olivia"],
    [cascade, "Data Engineer", "Denver, CO (hybrid)", "open", "jordan"],
    [cascade, "Field Service Supervisor", "Denver, CO", "on_hold", "sam"],
    [pinegrove, "Solutions Architect", "Remote (US)", "open", "jordan"],
  ];
  const jobs = jobList.map(([client, title, location, status, owner]) => b.addJob(client, title, location, status, recruiter[owner]));
  const job = (title: string) => jobs.find((j) => j.title === title)!;
  const cloudJob = job("Senior Cloud Engineer");
  const pmJob = job("IT Project Manager");
  const complianceJob = job("Compliance Officer");
  const controlsJob = job("Controls Engineer");
  const dataJob = job("Data Engineer");
  const architectJob = job("Solutions Architect");

  // The story's people first, then everyone else.
  const maya = b.addCandidate({
    first: "Maya",
    last: "Chen",
    email: login("maya.chen@mail.example").email,
    headline: "Cloud engineer — AWS, Terraform, Kubernetes",
    location: "Boston, MA",
  });
  const daniel = b.addCandidate({
    first: "Daniel",
    last: "Brooks",
    email: login("daniel.brooks@mail.example").email,
    headline: "Controls engineer — PLC, Siemens, Rockwell",
    location: "Pittsburgh, PA",
  });
  const marcus = b.addCandidate({
    first: "Marcus",
    last: "Webb",
    email: login("marcus.webb@mail.example").email,
    headline: "IT project manager, PMP, healthcare systems",
    location: "Hartford, CT",
  });
  const elena = b.addCandidate({
    first: "Elena",
    last: "Petrova",
    email: "elena.petrova@inbox.example",
    headline: "Compliance officer, broker-dealer and AML",
    location: "New York, NY",
  });
  const mayaUser = b.addUser(maya.name, maya.email, "candidate", maya);
  b.addUser(daniel.name, daniel.email, "candidate", daniel);
  const marcusUser = b.addUser(marcus.name, marcus.email, "candidate", marcus);
  const bulk = Array.from({ length: 56 }, () => b.addCandidate({}));

  return {
    staff: { olivia, jordan, sam },
    clients: { helix, meridian, copperline, brightwater, northstar, lumen, cascade, pinegrove },
    jobs: { cloudJob, pmJob, complianceJob, controlsJob, dataJob, architectJob },
    people: { maya, daniel, marcus, elena, mayaUser, marcusUser },
    bulk,
  };
}

export type NorthwindCast = ReturnType<typeof castNorthwind>;
