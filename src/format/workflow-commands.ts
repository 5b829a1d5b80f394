// Text that reaches a CI log must never be read as a GitHub workflow command. The runner reads its step's output line
// by line (a line ends at "\n", "\r" or "\r\n") and takes a line as a command when it starts with "::" once leading
// whitespace is trimmed (::add-mask::, ::stop-commands::, ::warning file=…::, ::set-output …), or when it holds
// "##[" anywhere (the older form, still parsed: ##[add-mask]x). A chart name, a key, a path, an error or a README
// line printed as it is could hide a secret's value, silence our own annotations or forge new ones. The Action's
// log (src/action/log.ts) and the CLI's stdout and stderr (src/cli/terminal.ts) pass everything through here.

/** Invisible, and not whitespace to the runner's TrimStart: "::x" becomes ":\u200B:x", which no command starts with. */
const ZERO_WIDTH_SPACE = '\u200B';

// Whitespace as .NET's TrimStart sees it (JavaScript's \s, plus NEL U+0085, which \s leaves out and .NET trims), and
// colour codes, which a log viewer hides.
const COMMAND_START = /^((?:\s|\u0085|\u001B\[[0-9;]*m)*):(?=:)/u;
const LEGACY_COMMAND = /##\[/g;

function inertPiece(line: string, atLineStart: boolean): string {
  const broken = line.replace(LEGACY_COMMAND, `##${ZERO_WIDTH_SPACE}[`);
  return atLineStart ? broken.replace(COMMAND_START, `$1:${ZERO_WIDTH_SPACE}`) : broken;
}

/**
 * One log line (an Action log call, a CLI progress line): line breaks inside it are shown as "\n" and "\r", so no
 * value in it can start a line of its own, and the line cannot be a workflow command.
 */
export function inertLine(text: string): string {
  return inertPiece(text.replace(/\r/g, '\\r').replace(/\n/g, '\\n'), true);
}

/**
 * Many lines (a report printed on stdout): every line kept, none of them a workflow command. `atLineStart` says
 * whether the text continues a line an earlier write left open. A lone "\r" becomes "\n": the runner would end the
 * line there, and a terminal would overwrite it.
 */
export function inertText(text: string, atLineStart = true): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => inertPiece(line, i > 0 || atLineStart))
    .join('\n');
}
