// Templated override files (Jinja `.j2.yaml`) in the runbook: helm cannot read them, so the plan passes copies the
// review rendered with the environment's template context (config `templates.context`). Each copy has a path in the
// plan folder (`--plan-dir`, the Action's `plan-dir` output) made of safe words only: the environment, the chart and
// the file's place among the chart's override files. A templated file the review could not render (no context, or a
// template error) has no copy: the runbook says to render it first, and blocks.
import { stringify } from 'yaml';
import type { OverrideFile } from '../model/model.js';
import type { RenderedFile } from '../report/report.js';
import { isTemplated } from '../rules/analysis/helm-upgrade-command.js';

/** The folder the plan's commands name rendered files in when no --plan-dir is given, relative to the repository. */
export const DEFAULT_PLAN_DIR = 'chart-guard-plan';

export type PlanFile = RenderedFile;

/** Where a rendered file is named in a command: the default plan folder, which `renderPlan` maps to --plan-dir. */
export function planFilePath(file: Pick<PlanFile, 'path'>): string {
  return `${DEFAULT_PLAN_DIR}/${file.path}`;
}

/** The rendered copies of one chart's templated override files in one environment (none for the others). */
export function renderedFiles(
  overrides: readonly OverrideFile[],
  environment: string | undefined,
  chart: string,
): PlanFile[] {
  const files: PlanFile[] = [];
  overrides.forEach((file, i) => {
    if (file.renderedWith === undefined || file.error) return;
    const name = file.path
      .split('/')
      .pop()!
      .replace(/\.j2(?=\.ya?ml$)/, '');
    files.push({
      source: file.path,
      path: [safeWord(environment ?? 'default'), safeWord(chart), `${i + 1}-${safeWord(name)}`].join('/'),
      renderedWith: file.renderedWith,
      content: stringify(file.values, { lineWidth: 0 }),
    });
  });
  return files;
}

/** The templated files of a chart that have no rendered copy: helm would read their template syntax. */
export function unrenderedTemplates(overrides: readonly OverrideFile[]): OverrideFile[] {
  return overrides.filter((file) => isTemplated(file) && (file.renderedWith === undefined || file.error));
}

/** A path segment of letters, digits, '.', '_' and '-', never '.' or '..' nor hidden. */
export function safeWord(word: string): string {
  const safe = word.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  return safe === '' ? '_' : safe;
}
