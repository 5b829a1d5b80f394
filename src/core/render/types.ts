// Rendered manifests as the render-based rules see them.
import type { ResourceRef } from '../report/report.js';
import type { DocumentFacts } from './document-facts.js';

export interface Manifest {
  /** The parsed object (apiVersion, kind, metadata, spec...). */
  object: Record<string, unknown>;
  ref: ResourceRef;
  /** API group ("" for core), used with kind, namespace and name to match objects across renders like Helm does. */
  group: string;
  /** The `# Source:` path helm printed, e.g. "mariadb/templates/primary/statefulset.yaml". */
  source?: string;
  /** Annotated helm.sh/hook: deleted and re-created by Helm, so immutable fields never block an upgrade. */
  isHook: boolean;
  /** Came from the chart's crds/ folder (printed by --include-crds): never applied by `helm upgrade`. */
  fromCrdsDir: boolean;
  /**
   * Of a document read by its facts (manifests.ts, LazyManifest): its identity (equal digests, equal objects) and
   * what its text showed; its object is parsed when read.
   */
  digest?: string;
  facts?: DocumentFacts;
}

export interface RenderResult {
  status: 'ok' | 'failed' | 'skipped';
  /** helm's own message (trimmed) when failed; why when skipped. */
  reason?: string;
  manifests: Manifest[];
  releaseName: string;
  namespace: string;
  /** The exact helm command line, for reproduction in messages (--api-versions on a `\` continuation line). */
  command?: string;
  durationMs?: number;
  /** Read from the render cache (render-cache.ts): helm did not run for it in this run. */
  cached?: true;
}

export interface RenderPair {
  base?: RenderResult;
  /** The head rendered for the target version (the newest cluster of a fleet). */
  head?: RenderResult;
  /**
   * With a fleet range, the head rendered for the oldest cluster too: charts that branch on
   * .Capabilities.KubeVersion emit other objects (and apiVersions) for old clusters.
   */
  headAtMin?: RenderResult;
  /**
   * In a readiness review (the environment's Kubernetes is raised): the release as it is deployed, rendered for the
   * cluster version it runs on now (pipeline/readiness.ts); what its stored manifest holds.
   */
  deployed?: RenderResult;
}
