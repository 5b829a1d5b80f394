// The line of a template file that emits a rendered object, so render-based findings point at file:line like the
// override checks do. helm prints only the file (`# Source:`), never a line, so the object is found in the template
// text: its top-level `kind:` line, told apart from other objects of the same kind by `metadata.name`. A templated
// name (`{{ include "x.fullname" . }}`) is matched as a pattern (the expressions as wildcards); when that still
// leaves several candidates, a kind that appears once in the file is enough; otherwise the finding keeps the file
// alone, never a guessed line.

/** One object a template file declares: the 1-based line of its top-level `kind:`, its kind and its name as written. */
export interface DeclaredObject {
  line: number;
  kind: string;
  /** The metadata.name as written (unquoted), which may hold template expressions; undefined when not found. */
  name?: string;
}

const TOP_KIND = /^kind:\s*["']?([A-Za-z0-9]+)["']?\s*(?:#.*)?$/;
const TOP_KEY = /^[A-Za-z_"']/;
const NAME = /^\s+name:\s*(.+?)\s*$/;

/** A template file as the chart loader keeps it (model.ts CrdSource). */
export interface TemplateText {
  content: string;
}

/**
 * The objects of each template file, read once per chart bump (its files are shared by every environment and
 * finding): made by BumpFacts (chart-context.ts) and passed down, never kept by the module.
 */
export type TemplateObjects = WeakMap<TemplateText, DeclaredObject[]>;

export function templateObjects(): TemplateObjects {
  return new WeakMap();
}

function declaredObjects(template: TemplateText, declared: TemplateObjects): DeclaredObject[] {
  let objects = declared.get(template);
  if (objects) return objects;
  objects = [];
  const lines = template.content.split('\n');
  let current: DeclaredObject | undefined;
  let inMetadata = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^---/.test(line)) {
      current = undefined;
      inMetadata = false;
      return;
    }
    const kind = TOP_KIND.exec(line);
    if (kind) {
      // a second top-level kind without a `---` between them is a new object of another template branch
      current = { line: i + 1, kind: kind[1] };
      objects!.push(current);
      inMetadata = false;
      return;
    }
    if (/^metadata:\s*$/.test(line)) {
      inMetadata = true;
      return;
    }
    if (TOP_KEY.test(line)) {
      inMetadata = false;
      return;
    }
    if (inMetadata && current && current.name === undefined) {
      const name = NAME.exec(line);
      if (name && leadingSpaces(line) <= 4) current.name = unquote(name[1]);
    }
  });
  // a `metadata:` written before `kind:` (rare) leaves the object without a name: it is then found by kind alone
  declared.set(template, objects);
  return objects;
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

function unquote(value: string): string {
  const trimmed = value.replace(/\s+#.*$/, '');
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted ? quoted[2] : trimmed;
}

/** A written name as a pattern: literal text kept, each `{{ ... }}` any text (possibly empty). */
function namePattern(written: string): RegExp {
  const parts = written.split(/\{\{.*?\}\}/);
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** The 1-based line of the `kind:` of the object `kind`/`name` in a template file, or undefined when not sure. */
export function templateLine(
  template: TemplateText,
  kind: string,
  name: string,
  declared: TemplateObjects = templateObjects(),
): number | undefined {
  const ofKind = declaredObjects(template, declared).filter((o) => o.kind === kind);
  if (ofKind.length === 0) return undefined;
  const exact = ofKind.filter((o) => o.name === name);
  if (exact.length === 1) return exact[0].line;
  if (exact.length === 0) {
    // the pattern with the most literal text wins: "{{ x }}-headless" over "{{ x }}" for "rel-x-headless"
    const literal = (written: string) => written.replace(/\{\{.*?\}\}/g, '').length;
    const templated = ofKind
      .filter((o) => o.name?.includes('{{') && namePattern(o.name).test(name))
      .map((o) => ({ line: o.line, literal: literal(o.name!) }));
    const best = Math.max(...templated.map((t) => t.literal));
    const winners = templated.filter((t) => t.literal === best);
    if (winners.length === 1) return winners[0].line;
  }
  return ofKind.length === 1 ? ofKind[0].line : undefined;
}
