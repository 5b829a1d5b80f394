// The helm-freeze.yaml of a test repository: charts from one repo in ./charts, as most review tests build it.

export interface LockRepo {
  name: string;
  url: string;
}

const EXAMPLE_REPO: LockRepo = { name: 'example', url: 'https://charts.example.com' };

/** One chart from one repo, in the default destination ./charts. */
export function oneChartLockfile(chart: string, version: string, repo: LockRepo = EXAMPLE_REPO): string {
  return chartsLockfile([{ name: chart, version }], repo);
}

/** These charts, all from one repo, in the default destination ./charts. */
export function chartsLockfile(charts: readonly { name: string; version: string }[], repo = EXAMPLE_REPO): string {
  return [
    'charts:',
    ...charts.flatMap((c) => [`  - name: ${c.name}`, `    version: ${c.version}`, `    repo_name: ${repo.name}`]),
    'repos:',
    `  - name: ${repo.name}`,
    `    url: ${repo.url}`,
    'destinations:',
    '  - name: default',
    '    path: ./charts',
    '',
  ].join('\n');
}
