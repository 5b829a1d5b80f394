// One remedy for a finding that holds in several environments. The environments' remedies usually differ only in
// the commands they quote (each environment's -f files in `helm upgrade`): the advice is written once, and each
// differing command follows on its own line, marked with its environments, so the report shows one remedy and a
// block of commands rather than the whole remedy again per environment. Remedies whose words differ keep one
// paragraph per group of environments.

const CODE_SPAN = /(`[^`\n]*`)/;
// the commands rules quote per environment; they become lines of the commands block
const COMMAND = /^(?:helm|kubectl)\s/;

/** `remedies`: each distinct remedy with the environments that gave it, in order. */
export function mergedRemedy(remedies: ReadonlyMap<string, readonly string[]>): string {
  const variants = [...remedies];
  if (variants.length === 1) return variants[0][0];
  const split = variants.map(([remedy]) => remedy.split(CODE_SPAN));
  const shape = split[0];
  // the same words around the code spans, and the same number of spans
  const sameWords =
    split.every((parts) => parts.length === shape.length) &&
    shape.every((part, i) => i % 2 === 1 || split.every((parts) => parts[i] === part));
  const differing = shape.flatMap((_, i) => (i % 2 === 1 && split.some((parts) => parts[i] !== shape[i]) ? [i] : []));
  const commands = differing.every((i) => split.every((parts) => COMMAND.test(parts[i].slice(1, -1))));
  if (!sameWords || differing.length === 0 || !commands) {
    return variants.map(([remedy, environments]) => `${environments.join(', ')}: ${remedy}`).join('\n');
  }
  const words = shape.map((part, i) => {
    if (!differing.includes(i)) return part;
    const first = i === differing[0] ? " (each environment's, below)" : '';
    return `${commonStart(split.map((p) => p[i]))}${first}`;
  });
  const lines = variants.flatMap(([, environments], v) =>
    differing.map((i) => `${split[v][i].slice(1, -1)}  # ${environments.join(', ')}`),
  );
  return `${words.join('')}\n${lines.join('\n')}`;
}

/** "`helm upgrade …`": the words every variant of a command starts with. */
function commonStart(spans: string[]): string {
  const words = spans.map((span) => span.slice(1, -1).split(' '));
  let n = 0;
  while (words.every((w) => n < w.length - 1 && w[n] === words[0][n])) n++;
  // not a flag without its value
  while (n > 1 && words[0][n - 1].startsWith('-')) n--;
  return `\`${words[0].slice(0, Math.max(n, 1)).join(' ')} …\``;
}

const ELIDED = /`[^`\n]* …`/g;
const BELOW = " (each environment's, below)";
const TAGGED = /^(.*\S) {2}# (.+)$/;

/**
 * Each environment's remedy again, from a remedy mergedRemedy wrote with commands below it (a sharded run merges
 * the shards' findings and merges their remedies anew); undefined for any other remedy.
 */
export function remediesOfMerged(remedy: string, environments: readonly string[]): Map<string, string> | undefined {
  const lines = remedy.split('\n');
  const first = lines.findIndex((line) => {
    const tag = TAGGED.exec(line)?.[2];
    return tag?.split(', ').every((name) => environments.includes(name));
  });
  const prose = lines.slice(0, first).join('\n');
  if (first < 1 || !prose.includes(BELOW)) return undefined;
  const words = prose.replace(BELOW, '');
  const variants: { names: string[]; commands: string[] }[] = [];
  for (const line of lines.slice(first)) {
    const [, command, tag] = TAGGED.exec(line) ?? [];
    if (command === undefined) return undefined;
    const last = variants[variants.length - 1];
    if (last && last.names.join(', ') === tag) last.commands.push(command);
    else variants.push({ names: tag.split(', '), commands: [command] });
  }
  const elided = words.match(ELIDED) ?? [];
  const out = new Map<string, string>();
  for (const { names, commands } of variants) {
    if (commands.length !== elided.length) return undefined;
    let i = 0;
    const own = words.replace(ELIDED, () => `\`${commands[i++]}\``);
    for (const name of names) out.set(name, own);
  }
  return out;
}
