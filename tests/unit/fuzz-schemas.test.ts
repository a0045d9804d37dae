import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { nastyString } from "../helpers/fuzz";

const modules = import.meta.glob<Record<string, unknown>>("../../lib/core/validation/*.ts", { eager: true });
const runs = Number(process.env.FUZZ_RUNS ?? 1000);

const schemas: [string, z.ZodType][] = [];
for (const [file, mod] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (value instanceof z.ZodType) schemas.push([`${file.split("/").pop()}#${name}`, value]);
  }
}

function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) return Object.keys(shape);
  const inner = (schema as unknown as { def?: { in?: z.ZodType; schema?: z.ZodType } }).def;
  return inner?.in ? keysOf(inner.in) : inner?.schema ? keysOf(inner.schema) : [];
}

describe("every form schema under generated input", () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(5);
  });

  for (const [name, schema] of schemas) {
    it(`${name} never throws and never lets a forged firm or role through`, () => {
      const keys = [...keysOf(schema), "firmId", "role", "userId"];
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(nastyString, fc.array(nastyString, { maxLength: 3 }))), (input) => {
          const r = schema.safeParse(input);
          if (r.success && r.data && typeof r.data === "object") {
            const own = new Set(keysOf(schema));
            for (const forged of ["firmId", "userId"]) if (!own.has(forged)) expect(r.data).not.toHaveProperty(forged);
          }
        }),
        { numRuns: runs },
      );
    }, 120_000);
  }
});
