import { formatKeyPath } from '../values/key-path.js';
import type { ChartRule, FindingDraft } from './rule.js';

const LISTED_KEYS = 10;

// Keys accepted only on weak evidence are proven ignored by rendering the head without them, within a cap of extra
// renders per chart (render.proofRenders). Keys the search did not reach stay accepted: say so, so that no one takes
// the absence of override-key findings for a complete check.
export const overrideProofIncomplete = {
  id: 'override-proof-incomplete',
  scope: 'chart',
  modes: ['review', 'lint'],
  needs: { renders: true },
  severity: 'notice',
  description:
    'override keys accepted on weak evidence were not all proven used or ignored: the extra-render cap stopped the search',
  check(ctx) {
    const proof = ctx.ignoredKeyProof;
    if (!proof?.stopped || proof.unproven.length === 0) return [];
    // unproven keys nothing reads are reported by override-key-removed / -unknown anyway: only those left accepted
    const tested = new Set(proof.unproven);
    const accepted = ctx.coverage().filter((c) => c.status === 'ok' && tested.has(formatKeyPath(c.path)));
    const keys = [...new Set(accepted.map((c) => formatKeyPath(c.path)))].sort();
    if (keys.length === 0) return [];
    // the first unproven key in file order, for the annotation
    const first = accepted[0];
    const listed = keys.slice(0, LISTED_KEYS).map((k) => `\`${k}\``);
    const more = keys.length > LISTED_KEYS ? ` and ${keys.length - LISTED_KEYS} more` : '';
    const why =
      proof.stopped === 'cap'
        ? `the proof stopped at its cap of ${proof.cap} extra render(s) (render.proofRenders)`
        : 'two renders of the same values gave different objects, so renders cannot be compared';
    const finding: FindingDraft = {
      message: `${keys.length} override key(s) that ${ctx.change.name} seems to read only through a template reading a map above them were not checked: ${why}. They stay accepted: ${listed.join(', ')}${more}.`,
      path: formatKeyPath(first.path),
      remedy:
        proof.stopped === 'cap'
          ? 'Raise render.proofRenders in the chart-guard config to check them, or check them against the chart templates.'
          : "Check these keys against the chart's templates.",
      file: first.key.file,
      line: first.key.line,
    };
    return [finding];
  },
} satisfies ChartRule;
