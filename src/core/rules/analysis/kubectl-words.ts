// Object names and namespaces as they go into the kubectl commands of a remedy or the upgrade runbook. They come from
// a render of the pull request's templates, so they are untrusted: a name like `--all` or `x; curl … | sh` must not
// become a flag or a second command when an operator pastes the runbook. A name the API server accepts (a DNS-1123
// subdomain, https://kubernetes.io/docs/concepts/overview/working-with-objects/names/) stays as it is; any other is
// written in kubectl's TYPE/NAME form, which kubectl never reads as a flag, and quoted for the shell. Such an object
// cannot exist in a cluster, so its command only fails with NotFound.
import { shellWord } from './crds.js';

const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isObjectName(name: string): boolean {
  return name.length <= 253 && DNS_1123_SUBDOMAIN.test(name);
}

/** "statefulset web" for a valid name, else the one word 'statefulset/<name>'. */
export function kubectlObject(resource: string, name: string): string {
  return isObjectName(name) && isObjectName(resource) ? `${resource} ${name}` : shellWord(`${resource}/${name}`);
}

/** "statefulset/web" as one shell word (rollout status, wait). */
export function kubectlSlashObject(resource: string, name: string): string {
  return shellWord(`${resource}/${name}`);
}

/** " -n <namespace>" (kubectl takes the word after -n as its value, whatever it starts with), or nothing. */
export function namespaceFlag(namespace: string | undefined): string {
  return namespace ? ` -n ${shellWord(namespace)}` : '';
}

/** A label selector as one single-quoted shell word. */
export function selectorWord(selector: string): string {
  return `'${selector.replace(/'/g, `'\\''`)}'`;
}

/** "pvc a b" when every name is valid, else each as its own 'pvc/<name>' word. */
export function kubectlObjects(resource: string, names: readonly string[]): string {
  if (names.every(isObjectName) && isObjectName(resource)) return `${resource} ${names.join(' ')}`;
  return names.map((name) => kubectlSlashObject(resource, name)).join(' ');
}

/** A label selector as one shell word: bare when plain (`app=x,tier!=db` is not: `!` is history expansion). */
export function labelSelectorWord(selector: string): string {
  return /^[A-Za-z0-9_./=,-]+$/.test(selector) ? selector : selectorWord(selector);
}
