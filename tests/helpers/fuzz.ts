import fc from "fast-check";

/** Strings that have broken form handling elsewhere: control characters, huge Unicode, lookalikes, injections. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  // Long Unicode text, cheaply: a random grapheme run repeated past every field limit.
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).map((s) => s.repeat(400)),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\r\n\t",
    "'; drop table candidates; --",
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://x\")",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "-1",
    "1e309",
    "NaN",
    "2026-02-30",
    "9999-12-31T23:59:59Z",
    "\u202Eevil",
    "👩🏽‍💻".repeat(300),
  ),
);

/**
 * Form data shaped like the real one (the same keys, mutated values), plus
 * unknown and forged keys (firmId, role, candidateId …).
 */
export function fuzzedFields(base: Record<string, string | string[]>, foreignIds: string[]) {
  const keys = Object.keys(base);
  const value = fc.oneof(nastyString, fc.array(nastyString, { maxLength: 3 }), fc.constantFrom(...foreignIds));
  return fc
    .record({
      mutate: fc.subarray(keys),
      values: fc.dictionary(fc.constantFrom(...(keys.length ? keys : ["x"])), value),
      forged: fc.dictionary(fc.constantFrom("firmId", "firm_id", "role", "candidateId", "userId", "version", "$ACTION_ID"), value, {
        maxKeys: 3,
      }),
      drop: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
    })
    .map(({ mutate, values, forged, drop }) => {
      const out: Record<string, string | string[]> = { ...base };
      for (const k of mutate) if (values[k] !== undefined) out[k] = values[k]!;
      for (const k of drop) delete out[k];
      return { ...out, ...forged };
    });
}
