// Runs the commands chart-guard prints (the runbook's, the remedies') as a user pastes them: in bash, in the
// repository, with the deploy code's variables set, our helm and kubectl binaries in place of `helm` and `kubectl`, and
// a kubeconfig naming a server that never answers. A `helm upgrade` runs as `helm template` with the same flags: it
// must render; a kubectl line must fail on the connection, never on its own usage.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KUBECTL_BINARY, UNREACHABLE_SERVER } from './kubectl.js';

/** A cluster's credentials (a token: kubectl prompts for a user name without any), at the unreachable server. */
const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{ name: fleet, cluster: { server: "${UNREACHABLE_SERVER}", insecure-skip-tls-verify: true } }]
users: [{ name: operator, user: { token: example-token } }]
contexts: [{ name: fleet, context: { cluster: fleet, user: operator } }]
current-context: fleet
`;

export const CONNECTION_REFUSED = /connection refused|dial tcp 127\.0\.0\.1:1/i;
export const USAGE_ERROR = /unknown (flag|shorthand|command)|invalid argument|required flag|accepts \d+ arg|usage:/i;

/** Runs a shell command line in `cwd` with the deploy code's variables `env`; `helm` and `kubectl` are ours. */
export function runAsWritten(command: string, cwd: string, helm: string, env: Record<string, string> = {}) {
  const kubeconfig = join(cwd, '.empty-kubeconfig');
  writeFileSync(kubeconfig, KUBECONFIG);
  return spawnSync('bash', ['-c', command.replace(/^helm /, `${helm} `).replace(/^kubectl /, `${KUBECTL_BINARY} `)], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, KUBECONFIG: kubeconfig, ...env },
    timeout: 60_000,
  });
}

/** `helm upgrade [--install] <release> ...` as `helm template <release> ...`: the same flags, nothing sent. */
export function asHelmTemplate(command: string): string {
  return command.replace(/^helm upgrade (--install )?/, 'helm template ');
}
