// Findings as workflow annotations, shown on the changed lines of the pull request. GitHub shows at most 10
// annotations per level per step, 50 per job, 4,096 characters each (docs/reference/github-limits.md): errors get the
// room first, and the last annotation of a level that was cut says how many more are in the job summary.
import type { ChartReport, Finding, Report, Severity } from '../core/report/report.js';
import {
  changeSentence,
  countOf,
  describeResource,
  findingPlace,
  hasChange,
  headPlace,
  placeUrl,
  SEVERITIES,
  truncate,
} from './describe.js';
import { stripControl } from './escape.js';

export interface Annotation {
  level: Severity;
  message: string;
  title: string;
  file?: string;
  startLine?: number;
}

export interface AnnotationLimits {
  perLevel: number;
  perJob: number;
  maxChars: number;
}

export const GITHUB_ANNOTATION_LIMITS: AnnotationLimits = { perLevel: 10, perJob: 50, maxChars: 4096 };

const TITLE_MAX = 200;

/** @param linkBase `{server}/{repo}/blob/{sha}`: each annotation ends with a link to its file at the head commit. */
export function selectAnnotations(
  report: Report,
  limits: AnnotationLimits = GITHUB_ANNOTATION_LIMITS,
  linkBase?: string,
): Annotation[] {
  const placed = [
    ...report.findings.map((finding) => ({ finding, chart: undefined as ChartReport | undefined })),
    ...report.charts.flatMap((chart) => chart.findings.map((finding) => ({ finding, chart }))),
  ].flatMap(({ finding, chart }) => {
    // accepted findings block nothing: they are listed in the comment and the report, not on the diff
    if (finding.accepted) return [];
    // an annotation sits on the head commit: a place only the base has is linked from the message instead
    const place = headPlace(finding, report, chart);
    const own = findingPlace(finding, report, chart);
    return place && own ? [{ finding, file: place.file, line: place.line, own }] : [];
  });

  const annotations: Annotation[] = [];
  let room = limits.perJob;
  for (const level of SEVERITIES) {
    const ofLevel = placed.filter((p) => p.finding.severity === level);
    const shown = ofLevel.slice(0, Math.max(0, Math.min(limits.perLevel, room)));
    room -= shown.length;
    const hidden = ofLevel.length - shown.length;
    shown.forEach(({ finding, file, line, own }, i) => {
      const more =
        i === shown.length - 1 && hidden > 0 ? `\n\n+ ${countOf(hidden, `more ${level}`)} in the job summary.` : '';
      annotations.push({
        level,
        title: truncate(
          stripControl(`${finding.rule}${finding.chart ? ` (${finding.chart})` : ''}`).replace(/\n/g, ' '),
          TITLE_MAX,
        ),
        message: truncate(annotationText(finding, placeUrl(own, linkBase)), limits.maxChars - more.length) + more,
        file,
        ...(line === undefined ? {} : { startLine: line }),
      });
    });
  }
  return annotations;
}

/** The message and the facts a reviewer needs on the line itself: object, key, change, remedy. */
function annotationText(finding: Finding, url: string | undefined): string {
  const lines = [finding.message];
  if (finding.resource) lines.push(`Resource: ${describeResource(finding.resource)}`);
  if (finding.path) lines.push(`${finding.resource ? 'Field' : 'Key'}: ${finding.path}`);
  if (hasChange(finding)) lines.push(`Change: ${changeSentence(finding).replace(/^change: /, '')}`);
  if (finding.remedy) lines.push(`Remedy: ${finding.remedy}`);
  if (url) lines.push(`At: ${url}`);
  return stripControl(lines.join('\n'));
}
