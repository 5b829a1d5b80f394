// A chart's YAML files as data: Chart.yaml's metadata and dependencies, and the parsing of values.yaml and
// values.schema.json (bounded, problems recorded with their line, never thrown).

import { loadYamlValues } from '../input/yaml-input.js';
import type { ChartDependency, ChartMetadata, InputProblem } from '../model/model.js';
import { isMap, mergeValueMaps } from '../values/key-path.js';

export function chartMetadata(raw: Record<string, unknown>): ChartMetadata {
  const annotations: Record<string, string> = {};
  if (isMap(raw.annotations)) {
    for (const [k, v] of Object.entries(raw.annotations)) if (v !== null && v !== undefined) annotations[k] = String(v);
  }
  return {
    apiVersion: optionalString(raw.apiVersion),
    name: optionalString(raw.name),
    version: optionalString(raw.version),
    appVersion: optionalString(raw.appVersion),
    kubeVersion: optionalString(raw.kubeVersion),
    deprecated: raw.deprecated === true ? true : undefined,
    annotations,
    dependencies: dependencies(raw.dependencies),
  };
}

export function dependencies(raw: unknown): ChartDependency[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isMap).flatMap((d) => {
    const name = optionalString(d.name);
    if (!name) return [];
    const dependency: ChartDependency = { name };
    const alias = optionalString(d.alias);
    if (alias) dependency.alias = alias;
    const version = optionalString(d.version);
    if (version) dependency.version = version;
    const repository = optionalString(d.repository);
    if (repository) dependency.repository = repository;
    const condition = optionalString(d.condition);
    if (condition) dependency.condition = condition;
    return [dependency];
  });
}

function optionalString(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  return String(value);
}

/**
 * Parsed YAML by content, for one run: a repository vendors the same library chart (bitnami common) and the same
 * dependency versions in many charts, and a review loads both sides of every bump. Made by the run (checkCharts) and
 * passed to the loader, never kept by a module. Bounded; entries are cloned on use.
 */
export type ParsedYaml = Map<string, unknown>;
const PARSED_YAML_LIMIT = 256;

export function parsedYamlMemo(): ParsedYaml {
  return new Map();
}

/**
 * Parses the first YAML document (helm 3 ignores the rest), or merges every document (helm 4, `allDocuments`)
 * through the one YAML reader (yaml-input.ts); problems are recorded with their line, never thrown. `parsedYaml`:
 * the run's memo of texts parsed before; none parses afresh.
 */
export function parseYaml(
  text: string,
  file: string,
  problems: InputProblem[],
  allDocuments = false,
  parsedYaml: ParsedYaml = parsedYamlMemo(),
): unknown {
  const cacheKey = `${allDocuments ? 'all' : 'first'}\u0000${text}`;
  if (parsedYaml.has(cacheKey)) return structuredClone(parsedYaml.get(cacheKey));
  const { documents, problem } = loadYamlValues(text, file, { allDocuments });
  if (problem) {
    problems.push(problem);
    return undefined;
  }
  const value = allDocuments && documents.length > 1 ? mergeDocuments(documents) : documents[0];
  if (parsedYaml.size >= PARSED_YAML_LIMIT) parsedYaml.delete(parsedYaml.keys().next().value as string);
  parsedYaml.set(cacheKey, value);
  return structuredClone(value);
}

/** helm 4's LoadValues: each document must be a map (or empty); later documents merge over earlier ones. */
function mergeDocuments(documents: unknown[]): unknown {
  let merged: Record<string, unknown> = {};
  for (const document of documents) {
    if (document === null || document === undefined) continue;
    if (!isMap(document)) return document; // reported as "not a map of keys"
    merged = mergeValueMaps(merged, document);
  }
  return merged;
}

export function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  return text.slice(0, Number(position[1])).split('\n').length;
}
