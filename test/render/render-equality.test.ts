// Render comparison for the ignored-key proof, on output parsed from real-looking `helm template` text.
import { describe, expect, it } from 'vitest';
import { withOtherValues, withoutKeys } from '../../src/core/pipeline/ignored-key-proof.js';
import { parseManifests } from '../../src/core/render/manifests.js';
import { sameRender, volatileLeaves } from '../../src/core/render/render-equality.js';

const render = (yaml: string) => ({ manifests: parseManifests(yaml, 'app').manifests, parseProblems: [] });

const secret = (password: string, extraAnnotation = '') => `---
# Source: app/templates/secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: rel-app
  annotations:
    checksum/config: ${password}-sum${extraAnnotation}
data:
  password: ${password}
  user: admin
---
# Source: app/templates/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata: { name: rel-app }
data: { a: "1" }
`;

describe('sameRender', () => {
  it('ignores map order, document order and empty-vs-absent, nothing else', () => {
    const a = render(secret('x'));
    const reordered = render(
      `apiVersion: v1\nkind: ConfigMap\ndata: { a: "1" }\nmetadata: { name: rel-app, labels: {} }\n---\n${secret('x').split('# Source: app/templates/cm.yaml')[0]}`,
    );
    expect(sameRender(a, reordered)).toBe(true);
    expect(sameRender(a, render(secret('y')))).toBe(false);
    expect(sameRender(a, render(secret('x').replace('a: "1"', 'a: 1')))).toBe(false);
    expect(sameRender(a, render(secret('x').replace('name: rel-app }', 'name: rel-other }')))).toBe(false);
    expect(sameRender(a, { ...a, parseProblems: ['x.yaml: not a Kubernetes object'] })).toBe(false);
  });

  it('leaves out the leaves that differ between two renders of the same values, and only those', () => {
    const head = render(secret('r4nd0m'));
    const volatile = volatileLeaves(head, render(secret('0th3r')));
    expect(volatile).toBeDefined();
    // another random password: the same
    expect(sameRender(head, render(secret('th1rd')), volatile)).toBe(true);
    // an annotation added next to the volatile checksum still counts
    expect(sameRender(head, render(secret('th1rd', '\n    team: data')), volatile)).toBe(false);
    // a stable leaf still counts
    expect(sameRender(head, render(secret('th1rd').replace('user: admin', 'user: root')), volatile)).toBe(false);
  });

  it('says a chart cannot be compared when two renders of the same values give other objects', () => {
    const head = render(secret('x'));
    expect(volatileLeaves(head, render(secret('x').replace('name: rel-app }', 'name: rel-4f2a }')))).toBeUndefined();
  });
});

describe('withoutKeys', () => {
  it('removes a key from every values layer and drops the maps it leaves empty', () => {
    const layers = [
      { primary: { persistence: { labels: { team: 'a' }, size: '1Gi' } }, config: { x: { y: 1 } } },
      { config: { x: { y: 2 } }, list: [1, 2] },
    ];
    expect(withoutKeys(layers, [['primary', 'persistence', 'labels', 'team'], ['config', 'x', 'y'], ['list']])).toEqual(
      [{ primary: { persistence: { size: '1Gi' } } }, {}],
    );
    expect(layers[0].primary?.persistence.labels).toEqual({ team: 'a' }); // copies, not the job's values
  });
});

describe('withOtherValues', () => {
  it('gives each key another value of the same kind, in every layer, leaving the rest alone', () => {
    const layers = [
      { c: { on: false, n: 1, s: 'a', e: '', l: [{ x: 1 }], m: { k: 'v' }, z: null, keep: 'same' } },
      { c: { on: true } },
    ];
    const paths = ['on', 'n', 's', 'e', 'l', 'm', 'z'].map((k) => ['c', k]);
    expect(withOtherValues(layers, paths)).toEqual([
      {
        c: {
          on: true,
          n: 2,
          s: 'a-chart-guard-probe',
          e: 'chart-guard-probe',
          l: [{ x: 1 }, { x: 1 }],
          m: { k: 'v', 'chart-guard-probe': 'chart-guard-probe' },
          z: 'chart-guard-probe',
          keep: 'same',
        },
      },
      { c: { on: false } },
    ]);
    expect(layers[0].c.on).toBe(false);
  });
});
