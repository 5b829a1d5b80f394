// The file work of a release, shared by bump-version.mjs (which writes it) and release.mjs (which checks it at the
// tag): the sections of CHANGELOG.md (Keep a Changelog) and the version the docs' examples name
// (`uses: OWNER/chart-guard@v1`, the pre-commit `rev: v1.2.3`). Pure text in, text or problems out.
import semver from 'semver';

/** vX.Y.Z or vX.Y.Z-pre: the tags a release is made from. */
const RELEASE_TAG = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/** The version a release tag names, or undefined when the tag is not one. */
export function versionOfTag(tag) {
  const match = RELEASE_TAG.exec(tag);
  return match && semver.valid(match[1]) ? match[1] : undefined;
}

/** The tag users follow for a version: v1 for 1.4.2. A prerelease (2.0.0-rc.1) moves none. */
export function majorTagOf(version) {
  return semver.prerelease(version) ? undefined : `v${semver.major(version)}`;
}

// --- CHANGELOG.md ---

const SECTION_HEADING = /^## \[([^\]]+)\][^\n]*$/gm;

/** The `## [name]` sections in file order: name (Unreleased or a version), where the heading starts, where the body ends. */
function sections(text) {
  const found = [...text.matchAll(SECTION_HEADING)].map((m) => ({
    name: m[1],
    start: m.index,
    bodyStart: m.index + m[0].length,
  }));
  return found.map((section, i) => ({ ...section, end: found[i + 1]?.start ?? text.length }));
}

/** The body of a section (what a GitHub release's notes are), trimmed; undefined when there is no such section. */
export function changelogSection(text, name) {
  const section = sections(text).find((s) => s.name === name);
  return section && text.slice(section.bodyStart, section.end).trim();
}

/** Whether a section body lists a change (Keep a Changelog entries are list items). */
export function hasEntries(body) {
  return /^\s*[-*] \S/m.test(body ?? '');
}

/**
 * Turns [Unreleased] into the version's section, dated, with a new empty [Unreleased] above it.
 * Returns { text } or { problem } (no Unreleased section, nothing in it, the version already there).
 */
export function releaseChangelog(text, version, date) {
  const all = sections(text);
  const unreleased = all.find((s) => s.name === 'Unreleased');
  if (!unreleased) return { problem: 'CHANGELOG.md has no "## [Unreleased]" section' };
  if (all.some((s) => s.name === version)) return { problem: `CHANGELOG.md already has a section for ${version}` };
  const body = text.slice(unreleased.bodyStart, unreleased.end).trim();
  if (!hasEntries(body)) return { problem: 'CHANGELOG.md lists no change under [Unreleased]: nothing to release' };
  const before = text.slice(0, unreleased.start);
  const after = text.slice(unreleased.end);
  return { text: `${before}## [Unreleased]\n\n## [${version}] - ${date}\n\n${body}\n\n${after}` };
}

// --- version mentions in the docs ---

/** Files whose examples name a release: the README, SECURITY.md and every Markdown file under docs/. */
export function isVersionedDoc(path) {
  return path === 'README.md' || path === 'SECURITY.md' || (path.startsWith('docs/') && path.endsWith('.md'));
}

// `chart-guard@v1` in a `uses:` line (not `@v1.2.3`, a pin the user chose on purpose)
const ACTION_REF = /(chart-guard@)v(\d+)(?![\d.\w])/g;
// a pre-commit `rev:` right under a `repo:` line naming chart-guard
const HOOK_REV = /(repo:[^\n]*chart-guard[^\n]*\n[ \t]*rev:[ \t]*)(['"]?)v(\d+\.\d+\.\d+[0-9A-Za-z.+-]*)\2/g;

/** The doc with its examples pointing at a stable version: @v<major> for the Action, rev: v<version> for pre-commit. */
export function setDocVersions(text, version) {
  return text
    .replace(ACTION_REF, `$1v${semver.major(version)}`)
    .replace(HOOK_REV, (_, lead, quote) => `${lead}${quote}v${version}${quote}`);
}

/** Where a doc's examples name another release than `version`: [{ line, found, want }]. */
export function docVersionProblems(text, version) {
  const lineAt = (index) => text.slice(0, index).split('\n').length;
  const problems = [];
  for (const m of text.matchAll(ACTION_REF)) {
    if (m[2] !== String(semver.major(version))) {
      problems.push({ line: lineAt(m.index), found: m[0], want: `chart-guard@v${semver.major(version)}` });
    }
  }
  for (const m of text.matchAll(HOOK_REV)) {
    if (m[3] !== version) {
      problems.push({ line: lineAt(m.index + m[1].length), found: `rev: v${m[3]}`, want: `rev: v${version}` });
    }
  }
  return problems;
}
