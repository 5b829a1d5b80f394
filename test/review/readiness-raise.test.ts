// Which environments a run reviews for readiness (pipeline/readiness.ts): a raise is a fact of the base's and the
// head's own configs (each resolved: an environment without its own target takes the top-level one); a lint's comes
// from --kube-version. A lowered, unchanged or newly set target raises nothing: the readiness review only widens.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/config.js';
import { flagRaises, raisedEnvironments, readinessOf } from '../../src/core/pipeline/readiness.js';

const config = (text: string) => parseConfig(text, '.github/chart-guard.yaml');
const one = (version: string) => ({ min: version, max: version });

describe('a Kubernetes raise', () => {
  const base = config('environments:\n  test: { kubernetes: "1.24" }\n  prod: { kubernetes: "1.24" }\n');

  it('is an environment whose newest version the head makes newer', () => {
    const head = config('environments:\n  test: { kubernetes: "1.25" }\n  prod: { kubernetes: "1.24" }\n');
    expect(raisedEnvironments(base, head)).toEqual([{ name: 'test', from: one('1.24'), to: one('1.25') }]);
  });

  it('is the upper end of a range too, and a top-level target every environment inherits', () => {
    const ranged = config('environments:\n  test: { kubernetes: { min: "1.23", max: "1.24" } }\n');
    const wider = config('environments:\n  test: { kubernetes: { min: "1.23", max: "1.26" } }\n');
    expect(raisedEnvironments(ranged, wider).map((r) => [r.name, r.to.max])).toEqual([['test', '1.26']]);
    const top = (version: string) => config(`kubernetes: "${version}"\nenvironments:\n  test: {}\n  prod: {}\n`);
    expect(raisedEnvironments(top('1.29'), top('1.30')).map((r) => r.name)).toEqual(['test', 'prod']);
    // without environments: the implicit one
    expect(raisedEnvironments(config('kubernetes: "1.29"\n'), config('kubernetes: "1.30"\n'))).toEqual([
      { from: one('1.29'), to: one('1.30') },
    ]);
  });

  it('is not a lowered, unchanged or newly set target, nor an environment the base does not have', () => {
    const lowered = config('environments:\n  test: { kubernetes: "1.23" }\n  prod: { kubernetes: "1.24" }\n');
    expect(raisedEnvironments(base, lowered)).toEqual([]);
    expect(raisedEnvironments(base, base)).toEqual([]);
    const unset = config('environments:\n  test: {}\n');
    expect(raisedEnvironments(unset, config('environments:\n  test: { kubernetes: "1.25" }\n'))).toEqual([]);
    expect(raisedEnvironments(base, config('environments:\n  lab: { kubernetes: "1.30" }\n'))).toEqual([]);
  });

  it('in a lint, is --kube-version above an environment target; a review with the flag raises nothing', () => {
    const head = config('environments:\n  test: { kubernetes: "1.25" }\n  prod: { kubernetes: "1.24" }\n  lab: {}\n');
    expect(flagRaises(head, one('1.25')).map((r) => r.name)).toEqual(['prod']);
    expect(readinessOf({ head }, one('1.25')).map((r) => r.name)).toEqual(['prod']);
    expect(readinessOf({ head }, undefined)).toEqual([]);
    expect(readinessOf({ base, head }, one('1.25'))).toEqual([]);
    expect(readinessOf({ base, head }, undefined).map((r) => r.name)).toEqual(['test']);
  });
});
