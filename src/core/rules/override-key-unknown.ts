import { code } from '../report/message.js';
import { typoSuggestion } from '../values/did-you-mean.js';
import { formatKeyPath } from '../values/key-path.js';
import type { ChartRule, FindingDraft } from './rule.js';

/** The evidence for a key the render proof found ignored, in both override-key rules. */
export const PROOF_EVIDENCE = 'removing it does not change the rendered manifests';

// A key no version of the chart knows is a typo or a leftover: Helm ignores it without a word. It is a warning,
// not an error, because this change did not cause it (it was already ignored before).
// A key the chart seemed to accept only on weak evidence (a free-form name with no such map, a template reading a map
// above it) is reported once rendering the head without it changed nothing (ChartContext.ignoredKeyProof).
export const overrideKeyUnknown = {
  id: 'override-key-unknown',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: {},
  severity: 'warning',
  description: "an override key is in neither version's defaults (already ignored before this change)",
  check(ctx) {
    const { base, head, change } = ctx;
    if (!head) return [];
    const named = (version?: string) => [change.name, version].filter(Boolean).join(' ');
    const sameVersion = base && base.metadata.version === head.metadata.version;
    const where =
      base && !sameVersion
        ? `in neither ${named(base.metadata.version)}'s nor ${head.metadata.version ?? 'the new version'}'s defaults`
        : `not in ${named(head.metadata.version)}'s defaults`;
    return ctx
      .coverage()
      .filter((c) => c.status === 'unknown')
      .map((c): FindingDraft => {
        const key = formatKeyPath(c.path);
        const typo = typoSuggestion(c.path, head.defaults);
        const evidence = c.provenIgnored ? PROOF_EVIDENCE : 'no template reads it';
        return {
          message: `${code(key)} is ${where} and ${evidence}: Helm ignores it.${typo ? ` Did you mean ${code(typo)}?` : ''}`,
          file: c.key.file,
          line: c.key.line,
          path: key,
          ...(typo ? { suggestion: typo } : {}),
          remedy:
            c.key.source === 'config'
              ? codeSetRemedy(key, typo, c.key.file)
              : typo
                ? `Rename ${code(key)} to ${code(typo)} in ${c.key.file}.`
                : `Check the spelling against the chart's values.yaml, or delete the key. If the chart does read it (through a helper chart-guard cannot follow), add its parent key to freeFormKeys in the chart-guard config.`,
        };
      });
  },
  // a key the chart never had: no default to show
  keyTable: { withoutChange: 'not a chart key' },
} satisfies ChartRule;

/**
 * A key from the config's `set:` list stands for a `--set` in the deploy code: the fix is there, and the config
 * entry only follows it.
 */
export function codeSetRemedy(key: string, suggestion: string | undefined, configFile: string): string {
  const to = suggestion ? ` to ${code(`--set ${suggestion}=...`)}` : ' (or drop it)';
  return `The deploy code passes ${code(`--set ${key}=...`)}: change it there${to}, then update the \`set:\` entry in ${configFile} to match.`;
}
