// Help texts. Kept next to each other so the flags read the same in every command and in docs/cli.md.

const ANALYSIS_FLAGS = `  --lockfile PATH        helm-freeze lockfile, relative to the repository root
                         (default: the config's lockfile, else helm-freeze.yaml)
  --values PATTERN       override values file pattern, repeatable; {chart}, {dir} and {dest} are
                         replaced per chart, e.g. 'values/{chart}.yaml' (added to the config's)
  --config FILE          configuration file as it is on disk, anywhere (relative to the current folder, else
                         to the repository root): the config and the policy of both sides of a review
                         (default: .github/chart-guard.yaml of each side; a missing file is fine)
  --kube-version X.Y     target Kubernetes version for the API and kubeVersion checks (default: the config's)
  --format FORMAT        text, markdown (the pull request comment), json (the report, schemaVersion 1)
                         sarif (SARIF 2.1.0, for GitHub code scanning) or plan (the upgrade runbook:
                         Markdown, copyable shell steps per environment and chart) (default: text)
  -o, --output FILE      write the output to FILE instead of stdout
  --diff FILE            also write the rendered diff (base vs head objects, unified diff) to FILE
  --plan-dir DIR         write the runbook's rendered override files (templated .j2.yaml files rendered with
                         each environment's template context) to DIR; --format plan names them there
  --link-base URL        the repository's web address (https://github.com/owner/repo): every file:line in
                         the markdown output links to the file at the head commit (default: plain text)
  --fail-on SEVERITY     exit 1 on findings of this severity or worse: error, warning or never
                         (default: the config's failOn, from the base in a review, else error)
  --fail-on-existing     findings that already held on the base fail the review too
                         (default: the config's failOnExisting, from the base in a review)
  --helm PATH            helm binary used to render charts (default: helm on PATH; when there is none, the
                         run stops with exit 2 unless rendering is off)
  --no-render            do not render charts: skip the checks that need helm (the report names them)
  --concurrency N        charts rendered in parallel (default: the number of CPUs)
  --cache DIR            keep render results in DIR and reuse them when a chart, its values and the
                         Kubernetes target are unchanged (created when missing; safe to share)
  --cache-max-mb N       size bound of --cache: least recently used entries go first (default: 1024)
  --shard I/N            only the chart × environment pairs of shard I of N (e.g. 2/3), chosen by a hash of
                         the chart folder and environment; merge the N JSON reports with chart-guard merge
  --repo DIR             the chart repository (default: the git repository around the current directory)
  --verbose              progress lines on stderr even when it is not a terminal
  -h, --help             show this help`;

const EXIT_CODES = `Exit codes:
  0  pass, or only findings below --fail-on
  1  findings at or above --fail-on
  2  usage error, or the review could not run (bad ref, not a git repository, unreadable file)
  130, 143  stopped by SIGINT / SIGTERM (helm stopped, temp files removed)`;

export const MAIN_HELP = `chart-guard: review Helm chart bumps in a helm-freeze repository before they break helm upgrade

Usage:
  chart-guard review [flags]   compare two states of the repository (a pull request) and report what breaks
  chart-guard lint [flags]     check the current state alone (no base needed)
  chart-guard merge REPORT...  merge the JSON reports of a sharded review or lint (--shard) into one
  chart-guard <command> --help
  chart-guard --version

${EXIT_CODES}

Environment: NO_COLOR / FORCE_COLOR control colour; CHART_GUARD_DEBUG=1 prints stack traces.
`;

export const REVIEW_HELP = `Usage: chart-guard review [flags]

Compares the charts, override files and renders of --base with --head and reports renamed or removed
override keys, changed defaults, immutable field changes, replaced StatefulSets, CRD changes and removed APIs.

  --base REF             commit to compare against (default: the merge-base of HEAD with the default branch)
  --head REF             commit to review (default: the working tree, uncommitted changes included)
  --lint                 also lint the charts the change does not touch, in the same report (what the
                         Action posts with lint: true)
  --trust-new-acceptances
                         acceptances entries the change adds or renews accept their findings as they
                         are (default: they wait for a second person's approval, which only the Action
                         can read from the pull request: their findings still count)
${ANALYSIS_FLAGS}

${EXIT_CODES}

Examples:
  chart-guard review
  chart-guard review --base origin/main --head HEAD --kube-version 1.31
  chart-guard review --format markdown --output comment.md
  chart-guard review --lint --format markdown
  chart-guard review --base v1.4.0 --head HEAD --format plan --output runbook.md
`;

export const LINT_HELP = `Usage: chart-guard lint [flags]

Checks the current state of the repository alone: lockfile entries against chart folders, override keys against
the chart defaults, renders against the target Kubernetes version.

  --ref REF              commit to check (default: the working tree, uncommitted changes included)
${ANALYSIS_FLAGS}

${EXIT_CODES}
`;

export const MERGE_HELP = `Usage: chart-guard merge REPORT.json... [flags]

Merges the JSON reports of the shards of one review or lint (--shard 1/N ... N/N) into the report the unsharded
run gives: findings that hold in several environments become one, counts, verdict, needs-reinstall and
acceptances are worked out again over every shard. Refuses reports of different commits, modes, lockfiles,
configs or shard counts, a shard given twice and a missing shard (exit 2, naming the files).

  --format FORMAT        text, markdown, json, sarif or plan (default: text)
  -o, --output FILE      write the output to FILE instead of stdout
  --diff FILE            also write the rendered diff to FILE
  --plan-dir DIR         write the runbook's rendered override files to DIR (--format plan names them there)
  --link-base URL        the repository's web address: markdown file:line links to the head commit's files
  --fail-on SEVERITY     error, warning or never (default: the reports' own fail-on)
  --fail-on-existing     findings that already held on the base fail the merged review too
  -h, --help             show this help

${EXIT_CODES}

Example:
  chart-guard review --shard 1/3 --format json -o shard-1.json   # ... one CI job per shard
  chart-guard merge shard-*.json --format markdown -o comment.md
`;
