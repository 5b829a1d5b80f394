// Which helm renders: a named one (--helm, the helm input, render.helm) must run as helm 3 or 4, or the run stops
// naming the path: rendering with no helm or another binary would quietly drop every render-based check. Without
// a name, helm on PATH; when there is none, renders are skipped and render-skipped says so once for the run.
import { type HelmBinary, locateHelm } from '../render/helm.js';
import type { HelmVersionMemo } from '../render/helm-version-memo.js';
import { ReviewError } from './workspace.js';

export const RENDER_DISABLED = 'rendering is disabled (--no-render or render.enabled: false)';
export const HELM_ABSENT = 'helm was not found on PATH; install it or pass --helm / the helm input';

/**
 * helm at `path` (or on PATH when undefined); throws ReviewError when a named path is not a runnable helm. With a
 * memo (a cache folder), a version remembered for the same binary is used without running it.
 */
export async function usableHelm(path: string | undefined, memo?: HelmVersionMemo): Promise<HelmBinary | undefined> {
  const found = await locateHelm(path, memo);
  if (path !== undefined && !found.helm) throw new ReviewError(`helm ${path}: ${found.problem ?? 'not usable'}`);
  return found.helm;
}
