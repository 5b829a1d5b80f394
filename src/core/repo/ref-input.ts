// Refs that come from the trusted side (CLI flags, Action inputs) are still checked before git sees them.

/**
 * Why a ref given as a CLI flag or an Action input is refused, naming where it came from (`--base`, `base-ref`).
 * git refuses ref names starting with "-" (check-ref-format), and such a text would be read as an option
 * (`--upload-pack=...`, `--output=...`) by any git command that took it before `--end-of-options`.
 */
export function refInputProblem(input: string, ref: string | undefined): string | undefined {
  if (ref === undefined || !ref.startsWith('-')) return undefined;
  return `${input} "${ref}" is not a git ref: a ref or commit never starts with "-"`;
}
