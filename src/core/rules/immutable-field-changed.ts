// immutable-field-changed: an object present in both renders changes a field the API server refuses to update,
// so `helm upgrade` fails until the object is deleted and re-created (docs/reference/immutable-fields.md §3, §8).
// Hooks are deleted and re-created by Helm (§5.5) and crds/ files are never applied (§5.3): both are skipped.
// A change deep inside a subtree (a Job's pod template) is shown as the paths that changed, each with its value
// from the redacted objects (env values named like credentials, Secret data), never as the whole subtree.
import { CredentialMatcher } from '../redact/credentials.js';
import { redactTree } from '../redact/redact-tree.js';
import { type CustomScopes, effectiveRef } from '../render/match.js';
import { reportValue, semanticEqual } from '../render/normalise.js';
import { chartLocation, type RenderedPair, renderedPair } from '../render/rendered-sources.js';
import type { Manifest } from '../render/types.js';
import { deepEqual } from '../values/defaults-diff.js';
import { formatKeyPath, getAt, isMap, type KeyPath } from '../values/key-path.js';
import { type DeployVariables, deployDependence, deployVariables } from './analysis/deploy-variables.js';
import { remedyUpgrade } from './analysis/helm-upgrade-command.js';
import { describeLeaves, type ImmutableChange, immutableChanges } from './analysis/immutable-fields.js';
import { kubectlObject, labelSelectorWord, namespaceFlag } from './analysis/kubectl-words.js';
import { inlineValue, joinWords, kubectlTarget } from './analysis/remedy-words.js';
import type { ChartContext, ChartRule, FindingDraft } from './rule.js';

export const immutableFieldChanged = {
  id: 'immutable-field-changed',
  scope: 'chart',
  modes: ['review'],
  needs: { base: true, renders: true },
  severity: 'error',
  description: 'a resource present in both renders changes a field the API server refuses to update',
  check(ctx) {
    const renders = renderedPair(ctx);
    if (!renders) return [];
    const match = ctx.matchedRenders();
    if (!match) return [];
    const matcher = new CredentialMatcher(ctx.config.redact);
    const variables = { base: deployVariables(ctx.baseOverrides), head: deployVariables(ctx.overrides) };
    return match.matched.flatMap(({ base, head }) => {
      const changes = immutableChanges(base, head);
      if (changes.length === 0) return [];
      const shown = { base: redactTree(base.object, matcher), head: redactTree(head.object, matcher) };
      const described = changes.map((change) => ({ ...change, ...shownValues(change, { base, head }, shown) }));
      const { blocking, deployTime } = byDeployDependence(described, { base, head }, shown, variables);
      const object = { ctx, renders, scopes: match.scopes, base, head };
      return blocking.length > 0
        ? [blockingFinding(object, blocking, deployTime)]
        : [deployTimeFinding(object, deployTime)];
    });
  },
  change: 'per-field',
  runbook: ['delete-and-recreate'],
  reinstall: (finding) => ({ immutableField: fieldsOf(finding) }),
} satisfies ChartRule;

/** The object a finding is about, with what its words need. */
interface ChangedObject {
  ctx: ChartContext;
  renders: RenderedPair;
  scopes: CustomScopes;
  base: Manifest;
  head: Manifest;
}

/** A change that exists only through deploy-time variables: the expressions, and the values as the files write them. */
interface DeployTimeChange {
  change: ImmutableChange;
  expressions: string[];
  before: unknown;
  after: unknown;
}

/**
 * Splits the changes into those that hold whatever the deploy sets, and those that exist only through placeholders
 * of templated override files (each differing leaf holds one, and could equal the other side once deployed).
 */
function byDeployDependence(
  changes: ImmutableChange[],
  rendered: { base: Manifest; head: Manifest },
  shown: { base: unknown; head: unknown },
  variables: { base: DeployVariables; head: DeployVariables },
): { blocking: ImmutableChange[]; deployTime: DeployTimeChange[] } {
  const blocking: ImmutableChange[] = [];
  const deployTime: DeployTimeChange[] = [];
  for (const change of changes) {
    const leaves = change.leaves.map((leaf) => ({
      leaf,
      dependence: deployDependence(getAt(rendered.base.object, leaf), getAt(rendered.head.object, leaf), variables),
    }));
    const dependent = leaves.flatMap(({ leaf, dependence }) => (dependence ? [{ leaf, dependence }] : []));
    if (dependent.length === 0 || dependent.length < leaves.length) {
      blocking.push(change);
      continue;
    }
    // the values as the files write them (`{{ database_disk_type }}`), unless redaction hides them
    const side = (which: 'base' | 'head', leaf: KeyPath, written: string) => {
      const redacted = getAt(shown[which], leaf);
      return redacted === getAt(rendered[which].object, leaf) ? written : reportValue(redacted);
    };
    const value = (which: 'base' | 'head', d: (typeof dependent)[number]) =>
      side(which, d.leaf, which === 'base' ? d.dependence.before : d.dependence.after);
    const single = dependent.length === 1 && semanticEqual(dependent[0].leaf, change.path);
    const values = (which: 'base' | 'head') =>
      single
        ? value(which, dependent[0])
        : Object.fromEntries(dependent.map((d) => [formatKeyPath(d.leaf.slice(change.path.length)), value(which, d)]));
    const expressions = [...new Set(dependent.flatMap((d) => d.dependence.expressions))];
    deployTime.push({ change, expressions, before: values('base'), after: values('head') });
  }
  return { blocking, deployTime };
}

/** `spec.serviceName changes from "a" to "b"`. */
function changeWords(change: ImmutableChange, before: unknown, after: unknown): string {
  const from = inlineValue(before);
  const to = inlineValue(after);
  const what = describeLeaves(change);
  return from !== undefined && to !== undefined ? `${what} changes from ${from} to ${to}` : `${what} changes`;
}

const reasonsOf = (changes: ImmutableChange[]) => [...new Set(changes.map((c) => c.reason))].join('; ');

type FieldValues = Pick<FindingDraft, 'path' | 'before' | 'after'>;

/**
 * One field: its path, before and after. Several: the first field's path (what an acceptance's `key` matches) and
 * a map of each field to its value, in order.
 */
function fieldValues(fields: { path: string; before: unknown; after: unknown }[]): FieldValues {
  if (fields.length === 1) return fields[0];
  return {
    path: fields[0].path,
    before: Object.fromEntries(fields.map((f) => [f.path, f.before])),
    after: Object.fromEntries(fields.map((f) => [f.path, f.after])),
  };
}

/** The fields a finding names: the keys of its before/after map when it has several, else its path. */
export function fieldsOf(finding: Pick<FindingDraft, 'path' | 'after'>): string[] {
  const after = finding.after;
  if (isMap(after) && Object.keys(after).length > 1 && Object.keys(after)[0] === finding.path)
    return Object.keys(after);
  return finding.path ? [finding.path] : [];
}

/** One finding per object: every field the server refuses and one remedy; fields the deploy decides come last. */
function blockingFinding(
  object: ChangedObject,
  changes: ImmutableChange[],
  deployTime: DeployTimeChange[],
): FindingDraft {
  const { ctx, renders, scopes, head } = object;
  const what = joinWords(changes.map((change) => changeWords(change, change.before, change.after)));
  const also = deployTime.length
    ? ` ${joinWords(deployTime.map((d) => formatKeyPath(d.change.path)))} may change too, depending on ${joinWords([...new Set(deployTime.flatMap((d) => d.expressions))])}.`
    : '';
  return {
    message: `${head.ref.kind} ${head.ref.name}: ${what}, which the API server refuses (${reasonsOf(changes)}), so \`helm upgrade\` fails.${also}`,
    ...chartLocation(ctx, head, 'head'),
    resource: effectiveRef(head, renders.head.namespace, scopes),
    ...fieldValues(changes.map((c) => ({ path: formatKeyPath(c.path), before: c.before, after: c.after }))),
    remedy: remedyFor(object, [...changes, ...deployTime.map((d) => d.change)]),
    needsReinstall: true,
  };
}

/**
 * A difference only deploy-time values decide is not blocking by itself: a warning naming the variables and the
 * fields, with the check to make and, should the values differ, the usual remedy. No reinstall is planned for it.
 */
function deployTimeFinding(object: ChangedObject, deployTime: DeployTimeChange[]): FindingDraft {
  const { ctx, renders, scopes, head } = object;
  const expressions = [...new Set(deployTime.flatMap((d) => d.expressions))];
  const many = expressions.length > 1;
  const changes = deployTime.map((d) => d.change);
  const what = joinWords(deployTime.map((d) => changeWords(d.change, d.before, d.after)));
  const fields = joinWords(changes.map((c) => formatKeyPath(c.path)));
  return {
    severity: 'warning',
    message:
      `${head.ref.kind} ${head.ref.name}: ${what}, which depends on the deploy-time ${many ? 'variables' : 'variable'} ${joinWords(expressions)}. ` +
      `Unless the deploy keeps the installed value, the API server refuses the change (${reasonsOf(changes)}) and \`helm upgrade\` fails.`,
    ...chartLocation(ctx, head, 'head'),
    resource: effectiveRef(head, renders.head.namespace, scopes),
    ...fieldValues(deployTime.map((d) => ({ path: formatKeyPath(d.change.path), before: d.before, after: d.after }))),
    remedy:
      `Check that ${joinWords(expressions)} ${many ? 'give' : 'gives'} ${fields} the value the installed release has: the override file is templated, so chart-guard cannot tell (give it the template context, config \`templates: { engine: jinja, context: <file> }\`, to check). ` +
      `If the value does change: ${remedyFor(object, changes)}`,
  };
}

/** Leaf paths listed in a subtree summary; the message counts the rest. */
const SUMMARY_LIMIT = 20;

/**
 * The before/after a finding shows: for a change inside a subtree (several leaves, or one below `path`), a map of
 * each changed leaf, relative to `path`, to its value; otherwise the value itself. Values come from the redacted
 * objects unless the rule computed its own (a Service's allocated IP, already-redacted Secret data).
 */
function shownValues(
  change: ImmutableChange,
  original: { base: Manifest; head: Manifest },
  shown: { base: unknown; head: unknown },
): Pick<ImmutableChange, 'before' | 'after'> {
  const below = change.leaves.length > 1 || change.leaves.some((leaf) => leaf.length > change.path.length);
  const side = (object: Record<string, unknown>, redacted: unknown, computed: unknown) => {
    if (!below) {
      return deepEqual(reportValue(getAt(object, change.path)), computed)
        ? reportValue(getAt(redacted, change.path))
        : computed;
    }
    const entries: [string, unknown][] = change.leaves
      .slice(0, SUMMARY_LIMIT)
      .map((leaf: KeyPath) => [formatKeyPath(leaf.slice(change.path.length)), reportValue(getAt(redacted, leaf))]);
    const more = change.leaves.length - SUMMARY_LIMIT;
    if (more > 0) entries.push(['…', `${more} more`]);
    return Object.fromEntries(entries);
  };
  return {
    before: side(original.base.object, shown.base, change.before),
    after: side(original.head.object, shown.head, change.after),
  };
}

/** The way out for the object, covering every field of the changes (claim templates, a selector). */
function remedyFor({ ctx, renders, scopes, base, head }: ChangedObject, changes: ImmutableChange[]): string {
  const target = kubectlTarget(head, renders.head, scopes);
  const upgrade = remedyUpgrade(ctx, renders.head);
  const firsts = new Set(changes.map((change) => change.path[1]));
  switch (`${head.group}/${head.ref.kind}`) {
    case 'apps/StatefulSet': {
      const lines = [
        `Delete the StatefulSet but keep its pods and PVCs, then upgrade: \`kubectl delete ${target} --cascade=orphan\` then ${upgrade}.`,
        'The new StatefulSet keeps the name, so it reuses the same PVCs.',
      ];
      if (firsts.has('volumeClaimTemplates')) {
        lines.push(
          'Existing PVCs keep their old spec and labels: the new volumeClaimTemplates only apply to claims created from now on (resize or relabel existing PVCs by hand if needed).',
        );
      }
      if (firsts.has('selector')) {
        lines.push(
          `The old pods do not match the new selector, so the StatefulSet will not adopt them: after the upgrade delete them one at a time (\`kubectl delete ${kubectlObject('pod', `${head.ref.name}-0`)}${namespaceFlag(renders.head.namespace)}\`, ...) and it re-creates them on the same PVCs.`,
        );
      }
      return lines.join(' ');
    }
    case 'apps/Deployment':
    case 'apps/DaemonSet':
    case 'apps/ReplicaSet': {
      const selector = getAt(base.object, ['spec', 'selector', 'matchLabels']);
      const oldLabels = isMap(selector)
        ? Object.entries(selector)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(',')
        : '';
      const leftovers = oldLabels
        ? ` (\`kubectl delete pods${namespaceFlag(renders.head.namespace)} -l ${labelSelectorWord(oldLabels)}\`)`
        : '';
      return (
        `Delete the ${head.ref.kind} (its pods are re-created, with a short outage), then upgrade: \`kubectl delete ${target}\` then ${upgrade}. ` +
        `With \`--cascade=orphan\` the old pods keep running, but the new selector does not adopt them: delete them yourself once the new pods are ready${leftovers}.`
      );
    }
    case 'batch/Job':
      return `Delete the Job, then upgrade (the Job runs again): \`kubectl delete ${target}\` then ${upgrade}. If it should run on every upgrade, the chart should make it a Helm hook.`;
    case '/PersistentVolumeClaim':
      return (
        `A claim cannot be changed in place: back up its data, create a new PVC and copy the data over (or restore the backup), then \`kubectl delete ${target}\` and ${upgrade}. ` +
        'Deleting the claim deletes its volume when the reclaim policy is Delete.'
      );
    case '/PersistentVolume':
      return `Re-create the volume: check its reclaim policy first (Delete destroys the data), then \`kubectl delete ${target}\` and ${upgrade}.`;
    case '/Service':
      return `Delete the Service, then upgrade: \`kubectl delete ${target}\` then ${upgrade}. It gets a new cluster IP (and a new load balancer address if it is of type LoadBalancer).`;
    case 'apiextensions.k8s.io/CustomResourceDefinition':
      return `Re-creating a CRD deletes every custom resource of that type: back them up first, then \`kubectl delete ${target}\`, ${upgrade}, and restore them.`;
    default:
      return `Delete the ${head.ref.kind} and let the upgrade re-create it: \`kubectl delete ${target}\` then ${upgrade}.`;
  }
}
