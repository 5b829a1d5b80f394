// Which helm renders: a named one (--helm, the helm input, render.helm) must run as helm 3 or 4, and without a name
// helm on PATH must; otherwise the run stops with the reason (exit 2 on the command line, a failed step in the
// Action). Rendering with no helm would quietly drop every render-based check and the render proof, so only an
// explicit switch turns rendering off (--no-render, or render.enabled: false in the base branch's config); then
// render-skipped says once for the run which checks did not run.
import { HELM_NOT_FOUND, type HelmBinary, locateHelm } from '../render/helm.js';
import type { HelmVersionMemo } from '../render/helm-version-memo.js';
import { ReviewError } from './workspace.js';

export const RENDER_DISABLED = 'rendering is disabled (--no-render or render.enabled: false)';
export const HELM_ABSENT =
  "helm was not found on PATH: install helm 3 or 4, or pass --helm PATH (the helm input in the Action). To review without the render-based checks, turn rendering off explicitly: --no-render, or render.enabled: false in the base branch's chart-guard config";

/**
 * helm at `path` (or on PATH when undefined); throws ReviewError when it is missing or not a runnable helm 3 or 4.
 * With a memo (a cache folder), a version remembered for the same binary is used without running it.
 */
export async function usableHelm(path: string | undefined, memo?: HelmVersionMemo): Promise<HelmBinary> {
  const found = await locateHelm(path, memo);
  if (found.helm) return found.helm;
  if (path === undefined && found.problem === HELM_NOT_FOUND) throw new ReviewError(HELM_ABSENT);
  // helm on PATH that is not helm 3 or 4 (the problem names the path) is refused like a named one
  throw new ReviewError(path === undefined ? `${found.problem}` : `helm ${path}: ${found.problem ?? 'not usable'}`);
}
