import type { RepoRule } from './rule.js';

// An override file whose chart is gone (renamed, removed) silently stops applying to anything.
export const overrideFileOrphan = {
  id: 'override-file-orphan',
  scope: 'repo',
  modes: ['lint'],
  needs: {},
  severity: 'warning',
  description: 'an override values file matches the override patterns but maps to no chart of the lockfile',
  check({ orphanOverrideFiles, head }) {
    return (orphanOverrideFiles ?? []).map((file) => ({
      message: `${file} looks like an override file but no chart of ${head.path} uses it.`,
      file,
      line: 1,
      remedy: 'Rename it after its chart, or delete it if the chart is gone.',
    }));
  },
} satisfies RepoRule;
