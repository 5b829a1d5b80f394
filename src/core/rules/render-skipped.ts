import type { ChartRule } from './rule.js';

// Without a render, the checks that read manifests (immutable fields, StatefulSet replacement, CRDs, APIs) cannot
// run; say so instead of passing silently.
export const renderSkipped: ChartRule = {
  id: 'render-skipped',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'warning',
  description: 'rendering was not possible (helm not found, render disabled): the render-based checks did not run',
  check({ renders, change }) {
    const skipped = [renders?.head, renders?.base].filter((r) => r?.status === 'skipped');
    if (skipped.length === 0) return [];
    const reasons = [...new Set(skipped.map((r) => r?.reason ?? 'no reason given'))];
    return [
      {
        message: `The render-based checks (immutable fields, StatefulSets, CRDs, APIs) did not run for ${change.name}: ${reasons.join('; ')}.`,
        remedy: 'Make helm 3 or 4 available (on PATH, or the helm input / --helm) and enable rendering to run them.',
      },
    ];
  },
};
