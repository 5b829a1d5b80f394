// A chart's own crds/ files, printed by chart-guard instead of helm (issue 23, "helm prints crds/ verbatim").
//
// `helm template --include-crds` prints every file of CRDObjects() as "---\n# Source: <chart>/crds/<file>\n<file as
// it is>\n" (pkg/action/action.go) before the templates: the chart's own crds/ files in the order its loader read
// them, then its subcharts'. An operator chart's crds/ is megabytes that helm reads, copies and prints, and that
// chart-guard reads back (5.5 MB of 210 CRDs: 90 ms of helm's 140). When the only CRDs helm would print are the
// chart's own, chart-guard runs helm without --include-crds and prints them itself, byte for byte as helm does.
// Every file stays in the folder helm renders, so `.Files` (and anything that reaches it: `index $ "Files"`,
// `toYaml $`) reads what it always did: only who prints the crds/ files changes. As helm does, the printed files lose
// a leading byte-order mark (its loader trims it from every file), and the release's manifest is trimmed of white
// space at its end (`helm template` prints TrimSpace(manifest), then the hooks): that shows when no template prints
// anything and the last CRD file is the manifest's end (withOwnCrds).
//
// Used only when the output is certain to be helm's own (otherwise helm prints them, as before):
// - no subchart can hold CRDs: no crds/ folder below charts/, no packaged subchart (charts/*.tgz) whose content is
//   not looked into, and no symbolic link anywhere (helm follows them);
// - crds/ holds plain files only, with names the loader reads the same way on every platform, sorted as Go sorts
//   them (bytes);
// - .helmignore (which drops files before helm sees them) has no pattern that could match a crds/ file;
// - Chart.yaml names the chart (the Source path) and its API version (v1 or v2) on plain lines of their own.
// test/render/own-crds.test.ts holds the printed renders byte-equal to helm's with --include-crds, helm 3 and 4.
import { load } from 'js-yaml';
import { CORE_SCHEMA } from '../values/js-yaml-schema.js';
import { isMap } from '../values/key-path.js';

/** The crds/ files chart-guard prints for a chart folder, and the chart name their Source lines carry. */
export interface OwnCrds {
  chartName: string;
  /** What helm prints for them with --include-crds, as bytes (decoded with helm's output, as one text). */
  printed: Buffer;
}

/** A name the loader reads alike everywhere: no dot file, no space, no character a platform spells otherwise. */
const PLAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
/** The files helm prints from crds/ (hasManifestExtension, which ignores case: other cases are not plain here). */
const MANIFEST = /\.(yaml|yml|json)$/;
const MANIFEST_ANY_CASE = /\.(yaml|yml|json)$/i;

/**
 * The chart's own CRDs as helm prints them, when chart-guard can print them instead; undefined when helm must.
 * `files` are the folder's regular files (paths relative to the chart folder), `symlinks` its links.
 */
export function ownCrds(
  files: readonly string[],
  symlinks: readonly string[],
  contentOf: (rel: string) => Buffer | undefined,
): OwnCrds | undefined {
  if (symlinks.length > 0) return undefined;
  const crds: string[] = [];
  for (const rel of files) {
    // a packaged subchart, or a crds/ folder in a subchart: helm prints those, and only when the subchart is enabled
    if (/^charts\/[^/]+$/.test(rel) || /^charts\/[^/]+\/(.+\/)?crds\//.test(rel)) return undefined;
    if (!rel.startsWith('crds/')) continue;
    const name = rel.slice('crds/'.length);
    if (name.includes('/') || !PLAIN_NAME.test(name)) return undefined;
    if (MANIFEST.test(name)) crds.push(name);
    else if (MANIFEST_ANY_CASE.test(name)) return undefined;
  }
  if (crds.length === 0) return undefined;
  const chart = chartYamlFacts(contentOf('Chart.yaml'));
  if (!chart) return undefined;
  const ignore = contentOf('.helmignore');
  if (ignore && mayIgnore(ignore.toString('utf8'), crds)) return undefined;
  // sympath.Walk reads a folder's names sorted (sort.Strings: by bytes; plain names are ASCII)
  crds.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: Buffer[] = [];
  for (const name of crds) {
    const content = contentOf(`crds/${name}`);
    if (content === undefined) return undefined;
    parts.push(Buffer.from(`---\n# Source: ${chart.name}/crds/${name}\n`), withoutBom(content), NEWLINE);
  }
  return { chartName: chart.name, printed: Buffer.concat(parts) };
}

const NEWLINE = Buffer.from('\n');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** helm's loader trims one UTF-8 byte-order mark from the start of every file. */
function withoutBom(content: Buffer): Buffer {
  return content.subarray(0, 3).equals(BOM) ? content.subarray(3) : content;
}

/**
 * What `helm template --include-crds` prints, from the chart's own CRDs and what helm printed without the flag; or
 * undefined when that cannot be told for certain (helm must print them: its Source lines name the chart otherwise,
 * or the CRDs' end may be trimmed otherwise). helm prints TrimSpace(manifest) + "\n", then the hooks: a manifest
 * with templates begins `---` and ends as helm trimmed it, so the CRDs go before it as they are; an empty one leaves
 * "\n" + hooks, and the CRDs are the manifest: trimmed at their end as Go trims white space.
 */
export function withOwnCrds(own: OwnCrds, helmPrinted: Buffer): Buffer | undefined {
  // helm named the chart otherwise than Chart.yaml was read here (never seen): its Source lines would differ
  const at = helmPrinted.indexOf(SOURCE);
  const under = Buffer.from(`${own.chartName}/`);
  if (at !== -1 && !helmPrinted.subarray(at + SOURCE.length, at + SOURCE.length + under.length).equals(under))
    return undefined;
  if (helmPrinted[0] !== 0x0a) return Buffer.concat([own.printed, helmPrinted]);
  let end = own.printed.length;
  while (end > 0 && ASCII_SPACE.has(own.printed[end - 1])) end--;
  // a character past ASCII before the end (U+0085, U+00A0, U+2000...) may be white space to Go: helm says
  if (end > 0 && own.printed[end - 1] >= 0x80) return undefined;
  return Buffer.concat([own.printed.subarray(0, end), helmPrinted]);
}

const SOURCE = Buffer.from('# Source: ');

/** Go's unicode.IsSpace below 0x80: tab, line feed, vertical tab, form feed, carriage return, space. */
const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

/**
 * The chart's name from Chart.yaml, when it is certain: every top-level line a plain `key:` (or a list item),
 * `name:` and `apiVersion:` each on exactly one line with a plain word (quoted or not), the API version v1 or v2,
 * and the parser reading the same (a line that only looks top-level, inside a quoted scalar, reads otherwise).
 * Anything else (flow maps, quoted or complex keys, anchors, tags, repeated keys) leaves the printing to helm.
 */
function chartYamlFacts(content: Buffer | undefined): { name: string } | undefined {
  if (!content) return undefined;
  const text = content.toString('utf8');
  const lines = text.split(/\r?\n/);
  // (a list under a top-level key may start at column 0: `dependencies:` then `- name: common`)
  const topLevel = lines.filter((line) => line !== '' && !/^([ \t#]|-[ \t]|-$)/.test(line));
  if (!topLevel.every((line) => /^[A-Za-z_][A-Za-z0-9_.-]*:([ \t]|$)/.test(line))) return undefined;
  const value = (key: string) => {
    const own = topLevel.filter((line) => line.startsWith(`${key}:`));
    if (own.length !== 1) return undefined;
    return new RegExp(`^${key}:[ \\t]*(["']?)([A-Za-z0-9._-]+)\\1[ \\t]*(#.*)?$`).exec(own[0])?.[2];
  };
  const name = value('name');
  const apiVersion = value('apiVersion');
  if (!name || (apiVersion !== 'v1' && apiVersion !== 'v2')) return undefined;
  let parsed: unknown;
  try {
    parsed = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!isMap(parsed) || parsed.name !== name || parsed.apiVersion !== apiVersion) return undefined;
  return { name };
}

/**
 * Whether a .helmignore pattern could match a crds/ file (or the folder): an over-approximation of helm's rules
 * (pkg/ignore: a pattern matches the path or the base name; `!` re-includes; a trailing `/` means a folder), so a
 * pattern it is unsure of counts as a match.
 */
function mayIgnore(helmignore: string, crds: readonly string[]): boolean {
  const candidates = ['crds', ...crds.flatMap((name) => [`crds/${name}`, name])];
  for (const raw of helmignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const pattern = line.replace(/^!/, '').replace(/^\//, '').replace(/\/$/, '');
    if (pattern === '' || /[[\\{]/.test(pattern)) return true;
    // `*` and `?` may cross a slash here (helm's do not): a wider match, never a narrower one
    const source = pattern
      .replace(/[.+^$()|]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.');
    const re = new RegExp(`^${source}$`);
    if (candidates.some((candidate) => re.test(candidate))) return true;
  }
  return false;
}
