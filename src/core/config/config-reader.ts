// The YAML walk of the configuration reader (config.ts): typed scalars, lists, rule maps, Kubernetes targets, set keys
// and templates, each read from its node or turned into a problem at the node's line, never an exception.
import { isMap, isScalar, isSeq, LineCounter, type Node, type Scalar, type YAMLMap } from 'yaml';
import { didYouMeanText, nearest } from '../input/nearest.js';
import type { ChartConfig, InputProblem, KubeTarget, RuleSetting, TemplateSettings } from '../model/model.js';
import type { RuleId } from '../report/report.js';
import { KeyPathError, parseSetKeyPath } from '../values/key-path.js';
import { PLACEHOLDERS } from '../values/override-files.js';
import {
  API_VERSION,
  isRuleId,
  KUBE_RANGE,
  keysOf,
  RULE_IDS,
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

  /** Key/value pairs of a map; unknown keys are reported and skipped. */
  *entries(map: YAMLMap, known: string[], what: string): Generator<[string, Node | null]> {
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      if (!known.includes(key)) {
        const [guess] = nearest(key, known);
        const hint = guess ? `did you mean "${guess}"? ` : '';
        this.problem(keyNode, `unknown ${what} "${key}" (${hint}known: ${known.join(', ')})`);
        continue;
      }
      yield [key, pair.value as Node | null];
    }
  }

  isMapOrComplain(node: Node | null, what: string): node is YAMLMap {
    if (isMap(node)) return true;
    if (node !== null && !(isScalar(node) && node.value === null)) this.problem(node, `${what} must be a map`);
    return false;
  }

  string(node: Node | null, what: string): string | undefined {
    if (isScalar(node) && typeof node.value !== 'boolean') {
      const text = scalarText(node);
      if (text !== undefined && text !== '') return text;
    }
    this.problem(node, `${what} must be a string`);
    return undefined;
  }

  /** A list of strings; a single string is taken as a list of one. */
  strings(node: Node | null, what: string): string[] | undefined {
    if (isScalar(node) && typeof node.value === 'string') return [node.value];
    if (!isSeq(node)) {
      this.problem(node, `${what} must be a list of strings`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items as (Node | null)[]) {
      const text = this.string(item, `each item of ${what}`);
      if (text !== undefined) out.push(text);
    }
    return out;
  }

  /** Override file patterns: strings whose {word} braces are known placeholders (or globs like {a,b}). */
  patterns(node: Node | null, what: string): string[] | undefined {
    const patterns = this.strings(node, what);
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

  /** group/version or group/version/Kind strings as .Capabilities.APIVersions holds them; others are problems. */
  apiVersions(node: Node | null, what: string): string[] {
    const items = isSeq(node) ? (node.items as (Node | null)[]) : [node];
    const out: string[] = [];
    for (const item of items) {
      const text = this.string(item, isSeq(node) ? `each item of ${what}` : what);
      if (text === undefined) continue;
      if (API_VERSION.test(text)) out.push(text);
      else {
        this.problem(
          item,
          `${what}: "${text}" is not an API version like monitoring.coreos.com/v1 or monitoring.coreos.com/v1/ServiceMonitor`,
        );
      }
    }
    return [...new Set(out)];
  }

  boolean(node: Node | null, what: string): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.problem(node, `${what} must be true or false`);
    return undefined;
  }

  kubeVersion(node: Node | null, what: string): string | undefined {
    const text = isScalar(node) ? scalarText(node) : undefined;
    const version = normaliseKubeVersion(text);
    if (!version) this.problem(node, `${what} must be a Kubernetes version like "1.31"`);
    return version;
  }

  kubeTarget(node: Node | null, what = 'kubernetes'): KubeTarget | undefined {
    if (isScalar(node)) {
      const version = this.kubeVersion(node, what);
      return version ? { min: version, max: version } : undefined;
    }
    if (!this.isMapOrComplain(node, what)) return undefined;
    const target: Partial<KubeTarget> = {};
    for (const [key, value] of this.entries(node, KUBE_RANGE_KEYS, `key in ${what}`)) {
      target[key as 'min' | 'max'] = this.kubeVersion(value, `${what}.${key}`);
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
    if (!this.isMapOrComplain(node, what)) return rules;
    for (const pair of node.items) {
      const keyNode = pair.key as Node;
      const id = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      if (!isRuleId(id)) {
        this.problem(keyNode, `unknown rule id "${id}" in ${what}${didYouMeanText(id, Object.keys(RULE_IDS))}`);
        continue;
      }
      const valueNode = pair.value as Node | null;
      const setting = isScalar(valueNode) ? String(valueNode.value) : undefined;
      if (!setting || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
        this.problem(valueNode ?? keyNode, `${what}.${id} must be one of ${RULE_SETTINGS.join(', ')}`);
        continue;
      }
      rules[id] = setting as RuleSetting;
      this.policyAt(`${what}.${id}`, valueNode ?? keyNode);
    }
    return rules;
  }

  /** `templates: { engine: jinja, context: path }`. */
  templates(node: Node | null, what: string): TemplateSettings | undefined {
    if (!this.isMapOrComplain(node, what)) return undefined;
    let engine: TemplateSettings['engine'] | undefined;
    let context: string | undefined;
    let line = this.line(node) ?? 1;
    for (const [key, value] of this.entries(node, TEMPLATE_KEYS, `key in ${what}`)) {
      const text = this.string(value, `${what}.${key}`);
      if (key === 'context') {
        context = text?.replace(/^\.\//, '');
        line = this.line(value) ?? line;
      } else if (text !== undefined) {
        if ((TEMPLATE_ENGINES as readonly string[]).includes(text)) engine = text as TemplateSettings['engine'];
        else this.problem(value, `${what}.engine must be one of ${TEMPLATE_ENGINES.join(', ')}`);
      }
    }
    if (!context) {
      if (!node.items.some((p) => isScalar(p.key) && p.key.value === 'context')) {
        this.problem(node, `${what}.context is required: the YAML file of variables to render override files with`);
      }
      return undefined;
    }
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
    } else this.problem(node, `${what} must be a list of key paths or a map of key path to example value`);
    return keys;
  }
}
