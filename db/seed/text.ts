import type { InterviewKind } from "../schema/enums";

// ---------------------------------------------------------------------------
// Text banks (realistic, hand-written; faker only picks from them)
// ---------------------------------------------------------------------------

// Common, varied US names: faker's own lists include joke surnames that make a demo look fake.
export const FIRST_NAMES = [
  "James", "Olivia", "Ethan", "Sophia", "Noah", "Ava", "Liam", "Isabella", "Lucas", "Mia",
  "Aiden", "Charlotte", "Caleb", "Amelia", "Owen", "Harper", "Wyatt", "Evelyn", "Julian", "Abigail",
  "Priya", "Arjun", "Wei", "Mei", "Hiro", "Yuki", "Min-jun", "Ji-woo", "Carlos", "Sofia",
  "Mateo", "Valentina", "Diego", "Camila", "Andre", "Jasmine", "Malik", "Aaliyah", "Kwame", "Amara",
  "Omar", "Layla", "Yusuf", "Nadia", "David", "Rachel", "Samuel", "Leah", "Patrick", "Siobhan",
  "Tomasz", "Katarzyna", "Ivan", "Anya", "Luca", "Giulia", "Rahul", "Ananya", "Tyrone", "Keisha",
  "Connor", "Megan", "Brandon", "Lauren", "Kevin", "Stephanie", "Jason", "Nicole", "Eric", "Danielle",
];
export const LAST_NAMES = [
  "Anderson", "Bailey", "Bennett", "Brooks", "Campbell", "Carter", "Castillo", "Chen", "Coleman", "Collins",
  "Cruz", "Daniels", "Diaz", "Edwards", "Evans", "Fernandez", "Fischer", "Flores", "Foster", "Gallagher",
  "Garcia", "Gonzalez", "Gordon", "Gupta", "Hall", "Hayes", "Hernandez", "Hughes", "Iyer", "Jackson",
  "Jenkins", "Johnson", "Kapoor", "Kelly", "Khan", "Kim", "Kowalski", "Lee", "Lewis", "Lopez",
  "Martin", "Mehta", "Mitchell", "Moreno", "Murphy", "Nakamura", "Nguyen", "Novak", "O'Brien", "Okafor",
  "Ortiz", "Owens", "Park", "Patel", "Perez", "Phillips", "Ramirez", "Reed", "Richardson", "Rivera",
  "Roberts", "Rodriguez", "Romero", "Russo", "Sanchez", "Schmidt", "Shah", "Singh", "Sullivan", "Tanaka",
  "Thompson", "Torres", "Turner", "Walsh", "Washington", "Watson", "Williams", "Wright", "Yamamoto", "Zhang",
];

export const AREA_CODES = ["212", "617", "215", "412", "720", "860", "973", "704", "757", "646"];
export const LOCATIONS = [
  "New York, NY",
  "Brooklyn, NY",
  "Jersey City, NJ",
  "Boston, MA",
  "Cambridge, MA",
  "Philadelphia, PA",
  "Pittsburgh, PA",
  "Hartford, CT",
  "Stamford, CT",
  "Denver, CO",
  "Newark, NJ",
  "Providence, RI",
];
export const HEADLINES = [
  "Cloud engineer — AWS, Terraform, Kubernetes",
  "Site reliability engineer, on-call veteran",
  "Data engineer — Spark, dbt, Airflow",
  "Analytics lead moving into data engineering",
  "IT project manager, PMP, healthcare systems",
  "Operations manager, 3PL and warehousing",
  "Supply chain analyst — forecasting and S&OP",
  "Financial analyst, FP&A, CFA level II",
  "Compliance officer, broker-dealer and AML",
  "Controls engineer — PLC, Siemens, Rockwell",
  "Manufacturing engineer, lean and Six Sigma",
  "Product manager, e-commerce checkout and growth",
  "Retail operations leader, multi-site",
  "Solutions architect, pre-sales and integrations",
  "Field service supervisor, utilities",
  "Clinical data analyst, Epic and SQL",
];
export const WENT_WELL = [
  "The system design discussion flowed well; they liked how I handled the trade-offs.",
  "Good rapport with the hiring manager — we talked for ten minutes past time.",
  "My migration project landed well; they asked follow-up questions for a while.",
  "The case study went smoothly and I finished with time to spare.",
  "They seemed to like that I had read their last two quarterly reports.",
  "Strong conversation about how the team runs on-call.",
  "I got through the technical exercise and explained my reasoning clearly.",
  "The panel laughed at my story about the warehouse inventory mix-up, in a good way.",
];
export const CONCERNS = [
  "I blanked on a question about incident metrics and gave a vague answer.",
  "The salary range they hinted at seems below what we discussed.",
  "They asked twice about my notice period; I am not sure my answer satisfied them.",
  "The role sounds more hands-on than the job description suggested.",
  "I ran out of time on the last part of the exercise.",
  "Commute would be longer than I expected — three days in office.",
  "",
  "",
];
export const QUESTIONS_ASKED = [
  "Tell me about a time you disagreed with a stakeholder. How would you design a multi-region failover? Why this company?",
  "Walk us through your last project end to end. What would your manager say is your biggest gap?",
  "How do you prioritise when two directors want different things? What is your notice period?",
  "Describe a process you improved and how you measured it. Where do you want to be in three years?",
  "How would you explain our product to a new customer? What questions do you have for us?",
];
export const NOT_MENTIONED = [
  "My Six Sigma Green Belt",
  "The cost-reduction project that saved $1.2M last year",
  "That I led the team's move to infrastructure as code",
  "My Series 7 and Series 24 licences",
  "Experience mentoring two junior analysts",
  "Bilingual: English and Spanish",
  "PMP certification (renewed this year)",
  "That I already know their ERP system",
];
export const SALARY = [
  "They asked for my expectations; I said the range we agreed on.",
  "Hiring manager mentioned the band tops out around $140k.",
  "No numbers, but they said bonus is 10% target.",
];
export const OTHER_PROCESSES = [
  "Second round with another company next week.",
  "I have an offer deadline elsewhere in ten days.",
  "Nothing else active right now.",
];
export const AVAILABILITY = [
  "Free any afternoon next week.",
  "Mornings before 11 are best; Friday is out.",
  "Flexible — can take a day off for an onsite.",
];
export const NOTES_FOR_RECRUITER = [
  "Could you find out whether the role can be four days remote?",
  "Please ask about the team's on-call rotation.",
  "I would love feedback on the case study if they share any.",
  "Happy to move forward; this is my first choice.",
];
export const TIMELINE_NO = ["They did not say anything about next steps.", "I forgot to ask and they did not mention it."];
export const TIMELINE_UNSURE = [
  "Something about 'a couple of weeks', but it was not clear.",
  "They said they are 'early in the process'.",
];
export const TIMELINE_YES_NO_DATE = [
  "One more round with the team lead, then a decision.",
  "They are meeting two more candidates and will come back through the recruiter.",
];
export const TAKEAWAYS = [
  "Solid fundamentals, clear communicator. Wants to see more depth on architecture in the next round.",
  "Great energy and the strongest case study this week.",
  "Technically fine but did not show much interest in the domain.",
  "Good culture add; a little light on people management.",
  "Answers were long; would need coaching on crisp updates to executives.",
  "Exactly the profile the team asked for.",
];
export const SHARED_SUMMARIES = [
  "They enjoyed meeting you and liked your project examples.",
  "Positive overall; they want to see a bit more depth on system design.",
  "They have decided to move forward with other candidates this time.",
  "They would like you to meet the wider team.",
];
export const INTERNAL_NOTES = [
  "Hiring manager hinted budget could stretch for the right person.",
  "Client is also talking to an internal candidate.",
  "Do not share: panel split 2–1.",
  "",
];
export const RATING_NOTES = ["", "", "Clear examples.", "Needed prompting.", "Above the bar.", "Below what the team needs."];
export const CLOSED_REJECTED = [
  "Client chose a candidate with more domain experience",
  "Salary expectations above the band",
  "Did not pass the technical round",
  "Role put on hold by the client",
];
export const CLOSED_WITHDRAWN = [
  "Accepted another offer",
  "Decided to stay with current employer",
  "Commute too long",
];

export const DURATIONS: Record<InterviewKind, number[]> = {
  phone_screen: [30],
  video: [45, 60],
  onsite: [120, 150, 180],
  panel: [90],
  final: [60],
};

/** The scorecard every seeded firm rates candidates on. */
export const SCORECARD: { category: string; name: string; description: string }[] = [
  { category: "Skills", name: "Technical depth", description: "Command of the tools and methods the role needs" },
  { category: "Skills", name: "Problem solving", description: "Structures open problems and reasons through them" },
  { category: "Skills", name: "Domain knowledge", description: "Understands the client's industry and its constraints" },
  { category: "Communication", name: "Clarity", description: "Explains ideas crisply to a mixed audience" },
  { category: "Communication", name: "Listening", description: "Answers the question asked; builds on what others say" },
  { category: "Communication", name: "Executive presence", description: "Confident and credible with senior people" },
  { category: "Fit", name: "Motivation for the role", description: "Knows why this role, this company, now" },
  { category: "Fit", name: "Team fit", description: "Works the way the team works" },
];
