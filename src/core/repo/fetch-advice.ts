// How to fetch a ref a shallow clone lacks. `git fetch <remote> <refspec>` takes the remote's own name for the
// branch: `git fetch origin main`, not `git fetch origin origin/main` (which asks origin for a branch literally
// named "origin/main" and fails with "couldn't find remote ref").

/** The command that brings `ref` into the clone: remote-tracking names lose their remote prefix. */
export function fetchCommand(ref: string): string {
  const tracking = /^(?:refs\/remotes\/)?([^/]+)\/(.+)$/.exec(ref);
  if (tracking && !ref.startsWith('refs/heads/') && !ref.startsWith('refs/tags/')) {
    return `git fetch ${tracking[1]} ${tracking[2]}`;
  }
  return `git fetch origin ${ref.replace(/^refs\/heads\//, '')}`;
}

/** One sentence for an error about a ref that is not in the clone. */
export function fetchAdvice(ref: string): string {
  return `In a shallow clone, fetch it first: actions/checkout with \`fetch-depth: 0\`, or \`${fetchCommand(ref)}\`.`;
}
