// Picks one branch of the control blocks of a templated override file, the same one for the key checks and the
// render, so the two always describe the same file: the FIRST branch of every `if` (its condition taken as true,
// `elif`/`else` left out) and the body of every `for`/`range`/`with` read ONCE (its `else`, which runs only for an
// empty list, left out). Jinja/Tera (`{% if %}`, `{% for %}`) and Go-template (`{{ if }}`, `{{ range }}`, `{{ with }}`)
// blocks are both understood; any other tag (`{% set %}`, `{{ include }}`, comments) has no branches.

/** The three kinds of tag that move between branches; anything else is `other`. */
export type ControlTag = 'open-if' | 'open-loop' | 'branch' | 'close' | 'other';

// The first word of a `{% %}` tag, or of a `{{ }}` tag that is a Go-template action (not `.Values.x` or `$x`).
const JINJA_TAG = /^\{%[-+~]?\s*(\w+)/;
const GO_ACTION = /^\{\{-?\s*(\w+)/;

export function controlTag(tag: string): ControlTag {
  const jinja = JINJA_TAG.exec(tag);
  if (jinja) {
    const word = jinja[1];
    if (word === 'if') return 'open-if';
    if (word === 'for') return 'open-loop';
    if (word === 'elif' || word === 'else') return 'branch';
    if (word === 'endif' || word === 'endfor') return 'close';
    return 'other';
  }
  const go = GO_ACTION.exec(tag);
  if (go) {
    const word = go[1];
    if (word === 'if') return 'open-if';
    if (word === 'range' || word === 'with') return 'open-loop';
    if (word === 'else') return 'branch';
    if (word === 'end') return 'close';
  }
  return 'other';
}

/** Tracks nested blocks: text is taken while every enclosing block is in its chosen (first) branch. */
export class BranchChooser {
  // true for a block whose current branch is the chosen one
  private readonly stack: boolean[] = [];

  get taking(): boolean {
    return this.stack.every(Boolean);
  }

  /** Moves past one tag; an unbalanced `end`/`else` (a broken template) is ignored rather than thrown. */
  step(tag: string): void {
    const kind = controlTag(tag);
    if (kind === 'open-if' || kind === 'open-loop') this.stack.push(true);
    else if (kind === 'branch' && this.stack.length > 0) this.stack[this.stack.length - 1] = false;
    else if (kind === 'close') this.stack.pop();
  }
}

/** How the chosen branch is described to the user (values-file-partial). */
export const BRANCH_CHOICE = 'the first branch of each if was read (elif/else left out) and each for/range body once';
