import { getDatabase, closeDatabase } from "@/db/runtime";
import { exportResponse } from "@/lib/reports/export";
async function main() {
  const database = await getDatabase();
  const [firm] = await database.query<{ id: string }>("select id from firms where is_benchmark order by created_at desc limit 1");
  const [admin] = await database.query<{ user_id: string }>("select user_id from memberships where firm_id = $1 and role = 'admin' limit 1", [firm!.id]);
  console.log("admin", admin);
  const scope = { db: database.db, firmId: firm!.id, userId: admin!.user_id, role: "admin" as const, candidateId: null };
  const res = await exportResponse({ scope, report: "interviews", format: "csv", filters: { dates: "application", stage: "placed" }, exportedBy: "bench" });
  console.log("status", res.status);
  const text = await res.text();
  console.log("bytes", text.length);
  await new Promise((r) => setTimeout(r, 300));
  await closeDatabase();
}
main().catch((e) => console.error("ERR", e));
