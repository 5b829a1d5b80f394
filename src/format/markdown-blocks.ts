// What every section of the Markdown report is built from: the blocks budget.ts keeps or leaves out, the levels
// at which they are left out, the profile of the comment or the summary, and the small builders they share.
import type { Report, Severity } from '../core/report/report.js';
import type { Block } from './budget.js';
import { describeValue } from './describe.js';
import { codeSpan } from './escape.js';

export const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
export const VERDICT_ICON: Record<Report['verdict'], string> = { fail: '❌', warn: '⚠️', pass: '✅' };

// Drop levels (see budget.ts): the higher, the sooner a block is left out.
const KEEP = 0;
export const CORE = 1;
/** Warnings under fail-on: warning: left out one by one from the end, only after everything that does not block. */
export const BLOCKING_WARNINGS = 2;
export const REMEDY = 3;
export const WARNINGS = 4;
export const DETAILS_WITH_ERRORS = 5;
export const DETAILS_CLEAN = 6;
/** Rendered diffs, left out before anything else, the largest first (each gets its own level from here up). */
export const RENDERED_DIFFS = 7;

export interface Profile {
  /** The job summary spells out warnings and notices like errors and keeps every remedy. */
  full: boolean;
  /** Remedies kept with the core; later ones go before any blocking finding does. */
  remediesKept: number;
  /** Drop level of warnings: BLOCKING_WARNINGS when they fail the run, else WARNINGS. */
  warningDrop: number;
  valuesDiffCap: number;
  /** Removed and added default keys listed by name (the rest counted). */
  keyListCap: number;
  upgradeNoteCap: number;
  /** Characters of one rendered diff shown in place; a longer one is named with its size. */
  renderedDiffCap: number;
  linkBase?: string;
}

export function keep(text: string): Block {
  return { text, drop: KEEP };
}

/** Only a plain http(s) URL goes into a link target; anything else is dropped rather than escaped. */
export function safeUrl(url: string): string {
  return /^https?:\/\/[^\s()<>]+$/.test(url) ? url : '#';
}

export function detailsElement(summary: string, content: string): string {
  // Blank lines around the content: GitHub renders Markdown inside <details> only when it is set apart.
  return `<details>\n<summary>${summary}</summary>\n\n${content}\n\n</details>\n\n`;
}

/** Adds `more` to `blocks` one by one: push(...more) fails once a report has more blocks than a call has arguments. */
export function append(blocks: Block[], more: readonly Block[]): void {
  for (const block of more) blocks.push(block);
}

/** A value in a table cell: as code, cut to 80 characters; "(absent)" for a key that is not there. */
export function cellValue(value: unknown): string {
  return value === undefined ? '*(absent)*' : codeSpan(describeValue(value, 80), 'cell');
}
