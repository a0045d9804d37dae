import { spawnSync } from "node:child_process";
import path from "node:path";
import { recordBuild, sourceHash } from "./lib/cli/build";
const hash = sourceHash();
const r = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit", env: process.env });
if (r.status === 0) recordBuild(hash);
process.exit(r.status ?? 1);
