// The YAML walk of the configuration reader (config.ts): typed scalars, lists, rule maps, Kubernetes targets, set keys
// and templates, each converted from its node. What a schema can say (unknown keys, types, enums, ranges, patterns)
// the definition's schema checks, once (config-schema.ts); a node of the wrong shape is skipped here without a word.
// The reader reports only what no schema can: key path syntax, placeholders in patterns, a range whose min is newer
// than its max. Never an exception.
import { isMap, isScalar, isSeq, LineCounter, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { ChartConfig, InputProblem, KubeTarget, RuleSetting, TemplateSettings } from '../model/model.js';
import type { RuleId } from '../report/report.js';
import { KeyPathError, parseSetKeyPath } from '../values/key-path.js';
import { PLACEHOLDERS } from '../values/override-files.js';
import {
  API_VERSION,
  isRuleId,
  KUBE_RANGE,
  keysOf,
  RULE_SETTINGS,
  TEMPLATE_ENGINES,
  TEMPLATES,
} from './config-definition.js';
import { compareKubeVersions, normaliseKubeVersion } from './kube-version.js';

const TEMPLATE_KEYS = keysOf(TEMPLATES);
const KUBE_RANGE_KEYS = keysOf(KUBE_RANGE);

/** The text of a scalar as written (so `1.30` stays "1.30", not the number 1.3). */
export function scalarText(node: Scalar): string | undefined {
  if (node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

/** Walks YAML nodes, collecting problems with lines instead of throwing. */
export class Reader {
  readonly lineCounter = new LineCounter();
  readonly problems: InputProblem[] = [];
  readonly policyLines: Record<string, number> = {};

  constructor(readonly file: string) {}

  policyAt(setting: string, node: Node | null | undefined): void {
    const line = this.line(node);
    if (line !== undefined) this.policyLines[setting] = line;
  }

  line(node: Node | null | undefined): number | undefined {
    return node?.range ? this.lineCounter.linePos(node.range[0]).line : undefined;
  }

  problem(node: Node | null | undefined, message: string): void {
    this.problems.push({ file: this.file, line: this.line(node), message });
  }

  /** Key/value pairs of a map, known keys only (the schema reports the others). */
  *entries(map: YAMLMap, known: string[]): Generator<[string, Node | null]> {
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      if (known.includes(key)) yield [key, pair.value as Node | null];
    }
  }

  /** Whether a node is a map to read (an empty value or another shape is not; the schema reports the latter). */
  readableMap(node: Node | null): node is YAMLMap {
    return isMap(node);
  }

  string(node: Node | null): string | undefined {
    if (!isScalar(node) || typeof node.value === 'boolean') return undefined;
    const text = scalarText(node);
    return text === '' ? undefined : text;
  }

  /** A list of strings; a single string is taken as a list of one. */
  strings(node: Node | null): string[] | undefined {
    if (isScalar(node) && typeof node.value === 'string') return [node.value];
    if (!isSeq(node)) return undefined;
    return (node.items as (Node | null)[]).flatMap((item) => this.string(item) ?? []);
  }

  /** Override file patterns: strings whose {word} braces are known placeholders (or globs like {a,b}). */
  patterns(node: Node | null, what: string): string[] | undefined {
    const patterns = this.strings(node);
    const items = isSeq(node) ? (node.items as Node[]) : [node];
    for (const item of items) {
      const pattern = isScalar(item) && typeof item.value === 'string' ? item.value : '';
      for (const [, name] of pattern.matchAll(/\{([^{},]*)\}/g)) {
        if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
          const known = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
          this.problem(item, `${what}: unknown placeholder {${name}} in "${pattern}" (known: ${known})`);
        }
      }
    }
    return patterns;
  }

  /** group/version or group/version/Kind strings as .Capabilities.APIVersions holds them (the others are skipped). */
  apiVersions(node: Node | null): string[] {
    const items = isSeq(node) ? (node.items as (Node | null)[]) : [node];
    const out = items.flatMap((item) => (isScalar(item) && typeof item.value === 'string' ? [item.value] : []));
    return [...new Set(out.filter((text) => API_VERSION.test(text)))];
  }

  boolean(node: Node | null): boolean | undefined {
    return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
  }

  kubeVersion(node: Node | null): string | undefined {
    return normaliseKubeVersion(isScalar(node) ? scalarText(node) : undefined);
  }

  kubeTarget(node: Node | null, what = 'kubernetes'): KubeTarget | undefined {
    if (isScalar(node)) {
      const version = this.kubeVersion(node);
      return version ? { min: version, max: version } : undefined;
    }
    if (!this.readableMap(node)) return undefined;
    const target: Partial<KubeTarget> = {};
    for (const [key, value] of this.entries(node, KUBE_RANGE_KEYS)) {
      target[key as 'min' | 'max'] = this.kubeVersion(value);
    }
    const min = target.min ?? target.max;
    const max = target.max ?? target.min;
    if (!min || !max) return undefined;
    if (compareKubeVersions(min, max) > 0) {
      this.problem(node, `${what}.min (${min}) is newer than ${what}.max (${max})`);
      return { min: max, max: min };
    }
    return { min, max };
  }

  rules(node: Node | null, what: string): Partial<Record<RuleId, RuleSetting>> {
    const rules: Partial<Record<RuleId, RuleSetting>> = {};
    if (!this.readableMap(node)) return rules;
    for (const pair of node.items) {
      const keyNode = pair.key as Node;
      const id = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const valueNode = pair.value as Node | null;
      const setting = isScalar(valueNode) ? String(valueNode.value) : undefined;
      if (!isRuleId(id) || !setting || !(RULE_SETTINGS as readonly string[]).includes(setting)) continue;
      rules[id] = setting as RuleSetting;
      this.policyAt(`${what}.${id}`, valueNode ?? keyNode);
    }
    return rules;
  }

  /** `templates: { engine: jinja, context: path }`. */
  templates(node: Node | null): TemplateSettings | undefined {
    if (!this.readableMap(node)) return undefined;
    let engine: TemplateSettings['engine'] | undefined;
    let context: string | undefined;
    let line = this.line(node) ?? 1;
    for (const [key, value] of this.entries(node, TEMPLATE_KEYS)) {
      const text = this.string(value);
      if (key === 'context') {
        context = text?.replace(/^\.\//, '');
        line = this.line(value) ?? line;
      } else if (text !== undefined && (TEMPLATE_ENGINES as readonly string[]).includes(text)) {
        engine = text as TemplateSettings['engine'];
      }
    }
    if (!context) return undefined; // required: the schema says so
    return { engine: engine ?? 'jinja', context, line };
  }

  /** `set:` as a list of key paths, or a map of key path -> example value (any YAML: a list, a map...). */
  setKeys(node: Node | null, what: string): ChartConfig['set'] {
    const keys: ChartConfig['set'] = [];
    const add = (text: string | undefined, at: Node, example?: unknown) => {
      if (text === undefined || text === '') {
        this.problem(at, `each key of ${what} must be a key path like auth.rootPassword`);
        return;
      }
      try {
        const entry: ChartConfig['set'][number] = { path: parseSetKeyPath(text), line: this.line(at) ?? 1 };
        if (example !== undefined) entry.example = example;
        keys.push(entry);
      } catch (e) {
        if (!(e instanceof KeyPathError)) throw e;
        this.problem(at, `${what}: ${e.message}`);
      }
    };
    if (isSeq(node)) {
      for (const item of node.items as Node[]) add(isScalar(item) ? scalarText(item) : undefined, item);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as Node;
        const valueNode = pair.value as Node | null;
        add(isScalar(keyNode) ? scalarText(keyNode) : undefined, keyNode, valueNode?.toJSON() ?? null);
      }
    }
    return keys;
  }
}
