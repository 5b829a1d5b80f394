// The Action's only way to its log. Plain lines (core.info writes them as they are) go through inertLine, so text
// from the pull request (a chart name, a path, an error message) can neither start a line of its own nor be read as a
// workflow command. Annotations, debug lines and the failure message are workflow commands we mean: @actions/core
// escapes their data ("%", "\r", "\n") and properties (also ":" and ","), so each stays one command with its text as
// data (test/hardening/workflow-commands.test.ts holds it to that).
import * as core from '@actions/core';
import { inertLine } from '../format/workflow-commands.js';

export const log = {
  info: (message: string): void => core.info(inertLine(message)),
  debug: (message: string): void => core.debug(message),
  warning: (message: string, properties?: core.AnnotationProperties): void => core.warning(message, properties),
  error: (message: string, properties?: core.AnnotationProperties): void => core.error(message, properties),
  notice: (message: string, properties?: core.AnnotationProperties): void => core.notice(message, properties),
  /** The step fails with this message as an error annotation. */
  setFailed: (message: string): void => core.setFailed(message),
};
