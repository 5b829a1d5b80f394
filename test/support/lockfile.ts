// The helm-freeze.yaml of a repository with one chart in ./charts, as most review tests build it.

export interface LockRepo {
  name: string;
  url: string;
}

const EXAMPLE_REPO: LockRepo = { name: 'example', url: 'https://charts.example.com' };

/** `charts: [{name: chart, version, repo_name}]`, one repo, the default destination ./charts. */
export function oneChartLockfile(chart: string, version: string, repo: LockRepo = EXAMPLE_REPO): string {
  return [
    'charts:',
    `  - name: ${chart}`,
    `    version: ${version}`,
    `    repo_name: ${repo.name}`,
    'repos:',
    `  - name: ${repo.name}`,
    `    url: ${repo.url}`,
    'destinations:',
    '  - name: default',
    '    path: ./charts',
    '',
  ].join('\n');
}
