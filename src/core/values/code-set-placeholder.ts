// A value an override file holds only to say that the deploy code sets it: `enabled: set-by-engine-code`,
// `password: <set-by-deploy-code>`, `domainFilters: to-be-set`. It is not the value the chart gets (the code passes
// the real one with --set), and it is not a secret: it is the same word in every file of the repository. A render with
// it fails where the chart wants another type (a schema's `boolean`, a `range` over a list); a report may quote it.

/** The words of a placeholder: "set by <who>", "<set> from/in <where>", "to be set/replaced/filled". */
const PLACEHOLDER =
  /^<?\s*(?:(?:set|overridden|overwritten|replaced|filled|provided|injected|generated|managed|defined)[-_ .](?:by|from|in|at|via)[-_ .][a-z0-9][\w.-]*|to[-_ .]be[-_ .](?:set|replaced|filled|defined|overridden))\s*>?$/i;

/** A string value that only says the deploy code sets the key (never a real value, never a secret). */
export function isCodeSetPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 80 && PLACEHOLDER.test(value.trim());
}
