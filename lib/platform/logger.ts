import pino from "pino";
import { env } from "./env";

/** JSON logs. Never log passwords, tokens or cookies: the redact list is the backstop. */
export const logger = pino({
  level: env().NODE_ENV === "test" ? "silent" : env().LOG_LEVEL,
  base: { app: "afterview" },
  redact: {
    paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "authorization", "*.authorization"],
    censor: "[redacted]",
  },
});
