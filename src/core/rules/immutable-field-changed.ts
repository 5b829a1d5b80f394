// immutable-field-changed: an object present in both renders changes a field the API server refuses to update,
// so `helm upgrade` fails until the object is deleted and re-created (docs/reference/immutable-fields.md §3, §8).
// Hooks are deleted and re-created by Helm (§5.5) and crds/ files are never applied (§5.3): both are skipped.
// A change deep inside a subtree (a Job's pod template) is shown as the paths that changed, each with its value
// from the redacted objects (env values named like credentials, Secret data), never as the whole subtree.
import { CredentialMatcher } from '../redact/credentials.js';
import { redactTree } from '../redact/redact-tree.js';
import { type CustomScopes, effectiveRef } from '../render/match.js';
import { reportValue } from '../render/normalise.js';
import { chartLocation, type RenderedPair, renderedPair } from '../render/rendered-sources.js';
import type { Manifest } from '../render/types.js';
import { deepEqual } from '../values/defaults-diff.js';
import { formatKeyPath, getAt, isMap, type KeyPath } from '../values/key-path.js';
import { describeLeaves, type ImmutableChange, immutableChanges } from './analysis/immutable-fields.js';
import { kubectlObject, labelSelectorWord, namespaceFlag } from './analysis/kubectl-words.js';
import { helmUpgradeCommand, inlineValue, kubectlTarget } from './analysis/remedy-words.js';
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
    return match.matched.flatMap(({ base, head }) => {
      const changes = immutableChanges(base, head);
      if (changes.length === 0) return [];
      const shown = { base: redactTree(base.object, matcher), head: redactTree(head.object, matcher) };
      return changes.map((change) =>
        toFinding(ctx, renders, match.scopes, base, head, { ...change, ...shownValues(change, { base, head }, shown) }),
      );
    });
  },
  runbook: ['delete-and-recreate'],
  reinstall: (finding) => ({ immutableField: finding.path }),
} satisfies ChartRule;

function toFinding(
  ctx: ChartContext,
  renders: RenderedPair,
  scopes: CustomScopes,
  base: Manifest,
  head: Manifest,
  change: ImmutableChange,
): FindingDraft {
  const path = formatKeyPath(change.path);
  const from = inlineValue(change.before);
  const to = inlineValue(change.after);
  const what =
    from !== undefined && to !== undefined
      ? `${describeLeaves(change)} changes from ${from} to ${to}`
      : `${describeLeaves(change)} changes`;
  return {
    message: `${head.ref.kind} ${head.ref.name}: ${what}, which the API server refuses (${change.reason}), so \`helm upgrade\` fails.`,
    ...chartLocation(ctx, head, 'head'),
    resource: effectiveRef(head, renders.head.namespace, scopes),
    path,
    before: change.before,
    after: change.after,
    remedy: remedyFor(ctx, renders, scopes, base, head, change),
    needsReinstall: true,
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

function remedyFor(
  ctx: ChartContext,
  renders: RenderedPair,
  scopes: CustomScopes,
  base: Manifest,
  head: Manifest,
  change: ImmutableChange,
): string {
  const target = kubectlTarget(head, renders.head, scopes);
  const upgrade = helmUpgradeCommand(ctx, renders.head);
  const first = change.path[1];
  switch (`${head.group}/${head.ref.kind}`) {
    case 'apps/StatefulSet': {
      const lines = [
        `Delete the StatefulSet but keep its pods and PVCs, then upgrade: \`kubectl delete ${target} --cascade=orphan\` then \`${upgrade}\`.`,
        'The new StatefulSet keeps the name, so it reuses the same PVCs.',
      ];
      if (first === 'volumeClaimTemplates') {
        lines.push(
          'Existing PVCs keep their old spec and labels: the new volumeClaimTemplates only apply to claims created from now on (resize or relabel existing PVCs by hand if needed).',
        );
      }
      if (first === 'selector') {
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
        `Delete the ${head.ref.kind} (its pods are re-created, with a short outage), then upgrade: \`kubectl delete ${target}\` then \`${upgrade}\`. ` +
        `With \`--cascade=orphan\` the old pods keep running, but the new selector does not adopt them: delete them yourself once the new pods are ready${leftovers}.`
      );
    }
    case 'batch/Job':
      return `Delete the Job, then upgrade (the Job runs again): \`kubectl delete ${target}\` then \`${upgrade}\`. If it should run on every upgrade, the chart should make it a Helm hook.`;
    case '/PersistentVolumeClaim':
      return (
        `A claim cannot be changed in place: back up its data, create a new PVC and copy the data over (or restore the backup), then \`kubectl delete ${target}\` and \`${upgrade}\`. ` +
        'Deleting the claim deletes its volume when the reclaim policy is Delete.'
      );
    case '/PersistentVolume':
      return `Re-create the volume: check its reclaim policy first (Delete destroys the data), then \`kubectl delete ${target}\` and \`${upgrade}\`.`;
    case '/Service':
      return `Delete the Service, then upgrade: \`kubectl delete ${target}\` then \`${upgrade}\`. It gets a new cluster IP (and a new load balancer address if it is of type LoadBalancer).`;
    case 'apiextensions.k8s.io/CustomResourceDefinition':
      return `Re-creating a CRD deletes every custom resource of that type: back them up first, then \`kubectl delete ${target}\`, \`${upgrade}\`, and restore them.`;
    default:
      return `Delete the ${head.ref.kind} and let the upgrade re-create it: \`kubectl delete ${target}\` then \`${upgrade}\`.`;
  }
}
