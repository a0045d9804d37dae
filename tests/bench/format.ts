/** The benchmark's shared shapes and number formats. */

/** One target: a measured value, its target, whether it is met, and the measurements behind it. */
export type Ratio = { name: string; value: number; target: string; ok: boolean; detail: string };

export const log = (line: string) => console.log(`bench: ${line}`);

export const fmtMs = (ms: number) => (Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : "–");
export const fmtN = (n: number) => Math.round(n).toLocaleString("en-US");
export const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "–");

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
