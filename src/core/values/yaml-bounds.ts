// Bounds on the work a YAML input may cause, the same ones Helm's YAML decoder enforces, so a hostile values file
// gets the finding helm would give instead of hanging or exhausting memory here:
//
// - Alias expansion: go-yaml (under sigs.k8s.io/yaml, used by helm 3 and 4) counts every node it decodes, and the
//   ones decoded through an alias; past 100 aliased nodes and 1000 nodes in all, it fails with "document contains
//   excessive aliasing" when aliased nodes exceed 99% of the nodes (documents up to 400,000 nodes), scaling down to
//   10% at 4,000,000 (gopkg.in/yaml.v2 decode.go, allowedAliasRatio; the fix of CVE-2019-11253).
// - Cycles: an alias met again while it is being expanded is "anchor 'x' value contains itself".
// - Depth: "exceeded max depth of 10000" (go-yaml's parser); chart-guard reads less deep (yaml-input.ts).
// - Size: helm refuses a chart file over 5 MiB: "chart file "values.yaml" is larger than the maximum file size
//   5242880" (pkg/chart/loader MaxDecompressedFileSize in helm 3.17 and 4.1).
import { type Alias, type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** helm's per-file limit for chart files (pkg/chart/loader, MaxDecompressedFileSize = 5 MiB). */
export const HELM_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** go-yaml's nesting limit. */
export const HELM_MAX_YAML_DEPTH = 10_000;

/** helm's words at its own depth limit; chart-guard's own, lower limit (yaml-input.ts READ_MAX_DEPTH) says so. */
export function depthMessage(maxDepth: number): string {
  return maxDepth >= HELM_MAX_YAML_DEPTH
    ? `exceeded max depth of ${HELM_MAX_YAML_DEPTH}`
    : `nested deeper than ${maxDepth} levels, the most chart-guard reads`;
}

export interface BoundProblem {
  line?: number;
  message: string;
}

/** Every node of a document in document order (keys before values), without recursion. */
function* nodesInOrder(doc: Document): Generator<Node> {
  // Explicit stack: values nested thousands deep must not overflow the call stack.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isAlias(node) && !isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    yield node;
    if (!isMap(node) && !isSeq(node)) continue;
    const children: unknown[] = [];
    for (const item of node.items as unknown[]) {
      if (isPair(item)) children.push(item.key, item.value);
      else children.push(item);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/**
 * What each alias of a document points at: the closest anchor of that name before it, found in one pass.
 * (`Alias.resolve` searches the whole document on every call, which is quadratic over many aliases.)
 */
export function aliasTargets(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  for (const node of nodesInOrder(doc)) {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
    } else if (node.anchor) {
      // An anchor is defined before its content: `&a {b: *a}` points at itself (a cycle, reported below).
      anchors.set(node.anchor, node);
    }
  }
  return targets;
}

/** The first alias (in document order) whose anchor is missing or set only after it, or undefined. */
export function unresolvedAlias(doc: Document, targets: Map<Alias, Node> = aliasTargets(doc)): Alias | undefined {
  for (const node of nodesInOrder(doc)) if (isAlias(node) && !targets.has(node)) return node;
  return undefined;
}

// go-yaml's allowedAliasRatio: 99% of small documents may come from aliases, 10% of very large ones.
const RATIO_LOW = 400_000;
const RATIO_HIGH = 4_000_000;

function allowedAliasRatio(decodes: number): number {
  if (decodes <= RATIO_LOW) return 0.99;
  if (decodes >= RATIO_HIGH) return 0.1;
  return 0.99 - (0.89 * (decodes - RATIO_LOW)) / (RATIO_HIGH - RATIO_LOW);
}

/**
 * Decodes the document the way go-yaml counts it, without building anything: the first bound it breaks, with the
 * line of the alias (or node) where it broke, or undefined when helm would decode it.
 */
export function checkYamlBounds(
  doc: Document,
  lineCounter: LineCounter | undefined,
  targets: Map<Alias, Node> = aliasTargets(doc),
  maxDepth = HELM_MAX_YAML_DEPTH,
): BoundProblem | undefined {
  const lineOf = (node: Node | undefined) =>
    node?.range && lineCounter ? lineCounter.linePos(node.range[0]).line : undefined;
  let decodes = 0;
  let aliased = 0;
  let aliasDepth = 0;
  const expanding = new Set<Alias>();
  let problem: BoundProblem | undefined;
  // Frames: a node to decode at a depth, or the end of an alias expansion.
  const stack: ({ node: unknown; depth: number; through?: Node } | { leave: Alias })[] = [
    { node: doc.contents, depth: 0 },
  ];
  while (stack.length > 0 && !problem) {
    const frame = stack.pop()!;
    if ('leave' in frame) {
      expanding.delete(frame.leave);
      aliasDepth--;
      continue;
    }
    const { node, depth, through } = frame;
    if (node === null || node === undefined) continue;
    decodes++;
    if (aliasDepth > 0) aliased++;
    if (aliased > 100 && decodes > 1000 && aliased / decodes > allowedAliasRatio(decodes)) {
      problem = { line: lineOf(through ?? (node as Node)), message: 'document contains excessive aliasing' };
      break;
    }
    if (isAlias(node)) {
      if (expanding.has(node)) {
        problem = { line: lineOf(node), message: `anchor '${node.source}' value contains itself` };
        break;
      }
      const target = targets.get(node);
      if (!target) continue; // an unknown anchor is a parse error the parser already reports
      expanding.add(node);
      aliasDepth++;
      stack.push({ leave: node });
      // Nodes reached through an alias are reported at the outermost alias: the line the user wrote.
      stack.push({ node: target, depth, through: through ?? node });
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= maxDepth) {
      problem = { line: lineOf(node), message: depthMessage(maxDepth) };
      break;
    }
    const items = node.items as unknown[];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (isPair(item)) {
        stack.push({ node: item.value, depth: depth + 1, through });
        stack.push({ node: item.key, depth: depth + 1, through });
      } else stack.push({ node: item, depth: depth + 1, through });
    }
  }
  return problem;
}

// `*name` (an alias), and `&name` / `!tag` (an anchor, a tag): the mark and the character after it. The character
// before, where a node may start (a space, `[`, `{`, `,`, `:` or `-`, or none), is checked apart: a regular
// expression that starts with a character class is scanned for fast.
const ALIAS = /\*[^\s,[\]{}]/g;
const ALIAS_ANCHOR_OR_TAG = /[*&!][^\s,[\]{}]/g;

/**
 * Does the text hold anything that looks like an alias (`*name`)? Cheap screen before a full check. A `*name` after a
 * `#` that opens a comment on its line (`## a wildcard like *.example.com`, common in values.yaml) is text (or in a
 * quoted string): that is no alias, so such a file takes the fast reading.
 */
export function mayHoldAliases(text: string): boolean {
  return holdsNodeMark(text, ALIAS);
}

/** mayHoldAliases for anchors and tags too (render/document-facts.ts reads none of them). */
export function mayHoldAliasesAnchorsOrTags(text: string): boolean {
  return holdsNodeMark(text, ALIAS_ANCHOR_OR_TAG);
}

function holdsNodeMark(text: string, mark: RegExp): boolean {
  mark.lastIndex = 0;
  for (let match = mark.exec(text); match; match = mark.exec(text)) {
    const at = match.index;
    if (at === 0 || /[\s[{,:-]/.test(text[at - 1])) {
      const lineStart = text.lastIndexOf('\n', at) + 1;
      if (!/(?:^|\s)#/.test(text.slice(lineStart, at))) return true;
    }
    mark.lastIndex = at + 1;
  }
  return false;
}
