// The facts of a document read from its text (src/core/render/document-facts.ts) are what the parser reads, or
// nothing: each case below is checked against the parsed document (parseManifests without facts), and the reader
// must give up on every text a YAML parser could read another way.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crdDefines, type DocumentFacts, documentFacts } from '../../src/core/render/document-facts.js';
import { DocumentMemo } from '../../src/core/render/document-identity.js';
import { LazyManifest, parseManifests, settleManifests } from '../../src/core/render/manifests.js';
import { HELM_BINARIES, PROJECT_DIR } from '../support/git-repo.js';

/** What the parser makes of the text: the facts the reader should give, or undefined when it is not one object. */
function parsedFacts(text: string): DocumentFacts | undefined {
  const { manifests, problems } = parseManifests(`---\n# Source: demo/templates/x.yaml\n${text}`, 'demo');
  if (problems.length || manifests.length !== 1 || manifests[0].isHook) return undefined;
  const [m] = manifests;
  const { apiVersion, kind, name, namespace } = m.ref;
  const crd = kind === 'CustomResourceDefinition' ? crdDefines(m) : undefined;
  return {
    apiVersion,
    kind,
    name,
    ...(namespace ? { namespace } : {}),
    ...(kind === 'CustomResourceDefinition'
      ? {
          crd: Object.fromEntries(
            Object.entries({
              group: crd?.group,
              kind: crd?.kind,
              scope: m.object.spec && (m.object.spec as { scope?: unknown }).scope,
            }).filter(([, v]) => typeof v === 'string'),
          ),
        }
      : {}),
  };
}

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: ns\ndata:\n  k: v\n';

describe('documentFacts reads', () => {
  it.each([
    ['a plain object', configMap],
    ['quoted values', 'apiVersion: "v1"\nkind: \'ConfigMap\'\nmetadata:\n  name: "a"\n'],
    [
      'comments and blank lines',
      '# a comment\n\napiVersion: v1 # trailing\nkind: ConfigMap\n\nmetadata:\n  # inside\n  name: a\n',
    ],
    [
      'a compact sequence at the top level and in metadata',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\n  finalizers:\n  - a\n  - b\nrules:\n- apiGroups: [""]\n  resources: ["pods"]\n  verbs: [get, "list"]\n',
    ],
    [
      'labels and annotations with block scalars below metadata',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    app: x\n  annotations:\n    note: |\n      name: not-this\n      namespace: not-this-either\n  name: real\ndata:\n  script: |\n    echo "it\'s"\n',
    ],
    [
      'a CRD with its group, kind and scope after its versions',
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  versions:\n  - name: v1\n    served: true\n    schema:\n      openAPIV3Schema:\n        description: "a [thing] {x}"\n        properties:\n          kind:\n            type: string\n  scope: Cluster\n',
    ],
    [
      'block scalars under sequence items',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  finalizers:\n  - |\n   name: not-this\n  - key: >-\n     namespace: nor-this\n  name: a\nspec:\n  list:\n  - script: |\n      echo "it\'s"\n',
    ],
    [
      'an apostrophe inside a word',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: don\'t "stop"\n',
    ],
  ])('%s as the parser does', (_name, text) => {
    const facts = documentFacts(text);
    expect(facts).toBeDefined();
    expect(facts).toEqual(parsedFacts(text));
  });
});

describe('documentFacts gives up (the document is parsed) on', () => {
  it.each([
    ['a duplicated key', 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata:\n  name: a\n'],
    ['a duplicated metadata key', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n'],
    ['a scalar continued on the next line', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n    b\n'],
    [
      'a quoted scalar left open beside a block scalar of a sequence item',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nx:\n- key: |\n  other: "x\napiVersion: v2"\n',
    ],
    [
      'a quoted scalar left open',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: "x\napiVersion: v2"\n',
    ],
    ['a flow collection left open', 'apiVersion: v1\ndata:\n  k: [a,\nb]\nkind: ConfigMap\nmetadata:\n  name: a\n'],
    [
      'a quote left open in a block scalar before the facts',
      'data:\n  s: |\n    echo "x\n  t: "y\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: a\n',
    ],
    [
      'a key of the facts repeated after them',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: {}\n"kind": Secret\n',
    ],
    ['an explicit key after the facts', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n? kind\n: Secret\n'],
    [
      "a CRD's spec key repeated after the facts",
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: w.x\nspec:\n  group: x\n  names:\n    kind: W\n  scope: Cluster\n  versions: []\n  scope: Namespaced\n',
    ],
    ['a flow mapping where the reader walks', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n'],
    ['an alias', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n a\n  labels:\n    x: *n\n'],
    ['a tag', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: !!binary aGk=\n'],
    ['a name the core schema reads as a number', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 123\n'],
    ['a name read as a boolean', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: true\n'],
    ['a name with an escape', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\\u0062"\n'],
    ['a hook', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    helm.sh/hook: test\n'],
    ['a List', 'apiVersion: v1\nkind: List\nmetadata:\n  name: a\nitems: []\n'],
    ['no name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n'],
    ['a document end marker', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n...\napiVersion: v2\n'],
    ['a top-level sequence', '- apiVersion: v1\n  kind: ConfigMap\n'],
    ['a tab', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n'],
    ['a quoted key', 'apiVersion: v1\n"kind": ConfigMap\nmetadata:\n  name: a\n'],
    [
      'a compact sequence after a key with a value',
      'apiVersion: v1\nkind: ConfigMap\nx: 1\n- a\nmetadata:\n  name: a\n',
    ],
  ])('%s', (_name, text) => {
    expect(documentFacts(text)).toBeUndefined();
  });
});

describe('real documents', () => {
  // every document helm prints for the corpus charts (both versions, CRDs included) and the fixtures' CRD files:
  // the reader reads most, and what it reads is what the parser reads
  const corpus = join(PROJECT_DIR, 'test/fixtures/corpus');
  const charts = readdirSync(corpus)
    .filter((pair) => !pair.endsWith('.md'))
    .flatMap((pair) =>
      ['old', 'new'].flatMap((side) => {
        const dir = join(corpus, pair, side);
        return statSync(dir, { throwIfNoEntry: false })?.isDirectory()
          ? readdirSync(dir).map((chart) => join(dir, chart))
          : [];
      }),
    );
  const rendered = charts.map(
    (chart) =>
      spawnSync(HELM_BINARIES.v4, ['template', 'x', chart, '--include-crds'], { encoding: 'utf8', maxBuffer: 1 << 28 })
        .stdout,
  );
  const documents = rendered.flatMap((output) => output.split(/^---[ \t]*$/m));
  const objects = documents.filter((text) => /^kind:/m.test(text));

  it('are read as the parser reads them, or parsed', () => {
    let read = 0;
    for (const text of objects) {
      const facts = documentFacts(text);
      if (facts === undefined) continue;
      read++;
      expect(facts, text.slice(0, 300)).toEqual(parsedFacts(text));
    }
    expect(charts.length).toBeGreaterThan(10);
    expect(objects.length).toBeGreaterThan(100);
    // the reader is of use only if it reads most of them
    expect(read / objects.length).toBeGreaterThan(0.8);
  });
});

describe('settleManifests', () => {
  const render = (body: string) => `---\n# Source: demo/templates/a.yaml\n${body}`;

  it('parses the documents no other render printed alike, and leaves the shared ones unparsed', () => {
    const memo = new DocumentMemo(true);
    const shared = configMap;
    const read = (text: string) => {
      const parsed = parseManifests(text, 'demo', memo);
      return {
        result: { manifests: parsed.manifests },
        parseProblems: parsed.problems,
        read: { output: text, chartName: 'demo' },
      };
    };
    const base = read(`${render(shared)}${render(configMap.replace('name: a', 'name: b'))}`);
    const head = read(`${render(shared)}${render(configMap.replace('name: a', 'name: c'))}`);
    settleManifests([base, head], memo);
    const [sharedBase, onlyBase] = base.result.manifests as LazyManifest[];
    expect(sharedBase).toBeInstanceOf(LazyManifest);
    expect(sharedBase.parsed).toBe(false);
    expect(onlyBase.parsed).toBe(true);
    expect(memo.parses).toBe(2);
  });

  it('reads a render again whole when a document does not read as its facts said', () => {
    const memo = new DocumentMemo(true);
    // facts read as a ConfigMap; the parser refuses the document (a key indented under a scalar), as it did before
    const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n   x: y\n';
    expect(documentFacts(broken)).toBeDefined();
    const text = render(broken);
    const parsed = parseManifests(text, 'demo', memo);
    const outcome = {
      result: { manifests: parsed.manifests },
      parseProblems: parsed.problems,
      read: { output: text, chartName: 'demo' },
    };
    settleManifests([outcome], memo);
    const eager = parseManifests(text, 'demo');
    expect(outcome.result.manifests).toEqual(eager.manifests);
    expect(outcome.parseProblems).toEqual(eager.problems);
    expect(outcome.parseProblems).toHaveLength(1);
  });
});
