// The configuration file's one definition: every key, its type, its default and the words an editor shows. The
// reader (config.ts) takes its key lists and patterns from here, config-schema.ts validates a file against it
// (violations become config-invalid problems at the key's line), and `npm run docs` writes it out as
// chart-guard.schema.json (adding each rule's description from the registry). TypeBox builds it: its values are plain
// JSON Schema, so ajv (already in the bundle for shard reports) checks them, and Static<> types each part
// (model.ts takes RuleSetting and the template engine from its lists).
//
// JSON Schema draft-07, the draft yaml-language-server and ajv's default class both read fully. Scalars the reader
// takes as written (a path `1.30`, a name `123`) are "string or number"; maps a YAML author may leave empty are
// "object or null".
import type { Static, TSchema } from '@sinclair/typebox';
// The namespace, not `Type`: esbuild keeps only the builders used (+7 KB), where `Type` brings all of TypeBox (+110 KB).
import * as Type from '@sinclair/typebox';
import { RULE_ID_LIST } from '../registry/rule-ids.js';
import type { FailOn, RuleId, Severity } from '../report/report.js';

export const DEFAULT_LOCKFILE = 'helm-freeze.yaml';
export const DEFAULT_RENDER_TIMEOUT_SECONDS = 120;
/** Extra head renders per chart that may prove weakly accepted override keys ignored (render.proofRenders). */
export const DEFAULT_PROOF_RENDERS = 8;
export const DEFAULT_ACCEPTANCES_PATH = '.github/chart-guard-accepted.yaml';
/** Acceptances expire at most this many days ahead (acceptanceMaxDays): an accepted risk is looked at again. */
export const DEFAULT_ACCEPTANCE_MAX_DAYS = 180;
/** Days a ring's clusters run the new Kubernetes version before the next ring is upgraded (rings.soakDays). */
export const DEFAULT_SOAK_DAYS = 7;
/** Rollout rings (environments.<env>.ring): 0 the test clusters, 1 non-production, 2 production. */
export const RINGS = [0, 1, 2] as const;

export const FAIL_ON_SETTINGS = ['error', 'warning', 'never'] as const satisfies readonly FailOn[];
export const RULE_SETTINGS = ['error', 'warning', 'notice', 'off'] as const satisfies readonly (Severity | 'off')[];
export const TEMPLATE_ENGINES = ['jinja'] as const;
/** How many releases a chart is deployed as (charts.<name>.releases): one, or many (one per database). */
export const RELEASE_MODES = ['one', 'many'] as const;

// Every rule id, for checking `rules:` keys: the registry's (rules/ids.ts).
export const RULE_IDS: Readonly<Record<RuleId, true>> = Object.fromEntries(
  RULE_ID_LIST.map((id) => [id, true]),
) as Record<RuleId, true>;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULE_IDS, id);
}

/** "v1", "policy/v1", "monitoring.coreos.com/v1" with an optional "/Kind" (helm's --api-versions forms). */
export const API_VERSION =
  /^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?v\d+(?:(?:alpha|beta)\d+)?(?:\/[A-Z][A-Za-z0-9]*)?$/;
/** Environment names are shown in tags ("aws, gcp") and used in keys: letters, digits, '.', '_' and '-'. */
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A GitHub login, or an organisation and a team slug. */
export const APPROVER = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9_.-]+)?$/;
/** What normaliseKubeVersion accepts as written: "1.31", "v1.31", "1.31.4". */
const KUBE_VERSION = /^\s*v?\d+\.\d+(\.\d+)?([-+].*)?\s*$/;

// ---------- building blocks ----------

/** A scalar the reader takes as written: `lockfile: 1.30` is the path "1.30". */
const text = (description?: string) =>
  Type.Unsafe<string | number>({ type: ['string', 'number'], minLength: 1, ...(description ? { description } : {}) });

/** An environment's name where a list names it (charts.<chart>.environments). */
const environmentName = Type.String({
  pattern: ENVIRONMENT_NAME.source,
  patternErrorMessage: 'is not an environment name (letters, digits, ".", "_" or "-")',
});

/** A map that may be left empty (`render:` with nothing under it). */
function emptyable<T extends TSchema>(schema: T): TSchema & { static: Static<T> | null; properties: object } {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: ['object', 'null'] }) as never;
}

const definitions = {
  kubeVersion: Type.Union([Type.String({ pattern: KUBE_VERSION.source }), Type.Number()], {
    errorMessage: 'must be a Kubernetes version like "1.31"',
    description: 'A Kubernetes version: "1.31", "v1.31" or "1.31.4" (quote it: 1.30 unquoted is the number 1.3).',
  }),
  kubeTarget: Type.Unsafe<string | number | { min?: string | number; max?: string | number }>({
    anyOf: [
      { $ref: '#/definitions/kubeVersion' },
      Type.Object(
        {
          min: Type.Optional(ref<string | number>('kubeVersion', 'The oldest cluster.')),
          max: Type.Optional(ref<string | number>('kubeVersion', 'The newest cluster.')),
        },
        { additionalProperties: false },
      ),
    ],
  }),
  strings: Type.Union([Type.String({ minLength: 1 }), Type.Array(text())], {
    errorMessage: 'must be a list of strings',
    description: 'A list of strings (a single string is a list of one).',
  }),
  patterns: Type.Unsafe<string | (string | number)[]>({ $ref: '#/definitions/strings' }),
  apiVersions: Type.Unsafe<string | string[]>({
    errorMessage: 'must be an API version or a list of them',
    anyOf: [{ $ref: '#/definitions/apiVersion' }, { type: 'array', items: { $ref: '#/definitions/apiVersion' } }],
  }),
  apiVersion: Type.String({
    description: 'group/version or group/version/Kind as .Capabilities.APIVersions holds them.',
    patternErrorMessage:
      'is not an API version like monitoring.coreos.com/v1 or monitoring.coreos.com/v1/ServiceMonitor',
    pattern: API_VERSION.source,
  }),
  ruleSetting: Type.Unsafe<(typeof RULE_SETTINGS)[number]>({ enum: [...RULE_SETTINGS] }),
  // one entry per rule id; `npm run docs` adds each rule's description and default severity for the editor
  rules: emptyable(
    Type.Unsafe<Partial<Record<RuleId, (typeof RULE_SETTINGS)[number]>>>({
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(RULE_ID_LIST.map((id) => [id, { $ref: '#/definitions/ruleSetting' }])),
    }),
  ),
  setKeys: Type.Union(
    [
      Type.Array(Type.Unsafe<string | number | boolean>({ type: ['string', 'number', 'boolean'] }), {
        description: 'Key paths like auth.rootPassword.',
      }),
      Type.Unsafe<Record<string, unknown>>({ type: 'object', description: 'Key path -> example value (any YAML).' }),
    ],
    { errorMessage: 'must be a list of key paths or a map of key path to example value' },
  ),
  templates: emptyable(
    Type.Object(
      {
        engine: Type.Optional(
          Type.Unsafe<(typeof TEMPLATE_ENGINES)[number]>({
            enum: [...TEMPLATE_ENGINES],
            default: TEMPLATE_ENGINES[0],
            description: `The template engine (default ${TEMPLATE_ENGINES[0]}).`,
          }),
        ),
        context: text('The YAML file of variables to render override files with.'),
      },
      { additionalProperties: false },
    ),
  ),
};
type Definitions = typeof definitions;

/** A reference to a definition, with the description an editor shows at this key. */
function ref<T>(name: string, description: string) {
  return Type.Unsafe<T>({ $ref: `#/definitions/${name}`, description });
}
const use = <K extends keyof Definitions>(name: K, description: string) =>
  ref<Static<Definitions[K]>>(name, description);

// ---------- the maps ----------

export const RENDER = emptyable(
  Type.Object(
    {
      enabled: Type.Optional(
        Type.Boolean({
          default: true,
          description: 'false: skip rendering (render-based checks do not run). Default true.',
        }),
      ),
      helm: Type.Optional(text('Path of the helm binary (default: helm on PATH).')),
      timeoutSeconds: Type.Optional(
        Type.Number({
          exclusiveMinimum: 0,
          errorMessage: 'must be a number of seconds above 0',
          default: DEFAULT_RENDER_TIMEOUT_SECONDS,
          description: `Timeout of one helm render, in seconds (default ${DEFAULT_RENDER_TIMEOUT_SECONDS}).`,
        }),
      ),
      proofRenders: Type.Optional(
        Type.Integer({
          minimum: 0,
          errorMessage: 'must be a whole number of renders, 0 or more',
          default: DEFAULT_PROOF_RENDERS,
          description: `Extra head renders per chart proving weakly accepted override keys ignored (default ${DEFAULT_PROOF_RENDERS}, 0: off).`,
        }),
      ),
    },
    { additionalProperties: false, description: 'How charts are rendered with helm.' },
  ),
);

export const REDACT = emptyable(
  Type.Object(
    {
      keys: Type.Optional(use('strings', 'Key names (matched as trailing words) or exact key paths.')),
      replace: Type.Optional(
        Type.Boolean({ default: false, description: 'true: only these keys, not the built-in names.' }),
      ),
    },
    {
      additionalProperties: false,
      description: 'Values hidden in every output, besides the built-in credential names (password, token, apiKey...).',
    },
  ),
);

export const ACCEPTANCES = Type.Object(
  {
    file: Type.Optional(text(`The acceptances file (default ${DEFAULT_ACCEPTANCES_PATH}).`)),
    approvers: Type.Optional(
      Type.Array(Type.String({ pattern: APPROVER.source, patternErrorMessage: 'is not a GitHub login or org/team' }), {
        minItems: 1,
        errorMessage: { minItems: 'must not be empty', type: 'must be a list of strings' },
        description:
          'Who may approve the acceptances a pull request adds: GitHub logins or org/team (default: anyone but its author).',
      }),
    ),
  },
  { additionalProperties: false },
);

/** One chart's settings in one environment (`environments.<env>.charts.<chart>`). */
export const ENVIRONMENT_CHART = emptyable(
  Type.Object(
    {
      enabled: Type.Optional(
        Type.Boolean({ default: true, description: 'false: the chart does not run in this environment.' }),
      ),
      releaseName: Type.Optional(text("Release name in this environment (replaces the chart's).")),
      namespace: Type.Optional(text("Namespace in this environment (replaces the chart's).")),
      values: Type.Optional(
        use('patterns', 'Replaces the shared patterns (top-level, environment, chart) for this chart here.'),
      ),
      set: Type.Optional(use('setKeys', "Merged with the chart's set by key (the environment wins).")),
    },
    { additionalProperties: false },
  ),
);

export const ENVIRONMENT = emptyable(
  Type.Object(
    {
      values: Type.Optional(use('patterns', 'Appended to the top-level patterns (later files win).')),
      set: Type.Optional(use('setKeys', 'Merged with the top-level set by key (the environment wins).')),
      kubernetes: Type.Optional(use('kubeTarget', 'Replaces the top-level target.')),
      apiVersions: Type.Optional(use('apiVersions', 'Added to the top-level list.')),
      templates: Type.Optional(use('templates', 'Replaces the top-level templates.')),
      ring: Type.Optional(
        Type.Unsafe<(typeof RINGS)[number]>({
          enum: [...RINGS],
          errorMessage: `must be one of ${RINGS.join(', ')} (0 test, 1 non-production, 2 production)`,
          description:
            'Rollout ring: 0 test, 1 non-production, 2 production. Kubernetes upgrades roll out ring by ring; a readiness failure in a ring blocks the later ones.',
        }),
      ),
      charts: Type.Optional(
        Type.Unsafe<Record<string, Static<typeof ENVIRONMENT_CHART>> | null>({
          type: ['object', 'null'],
          description: 'Per-chart settings in this environment, keyed by lockfile entry name or chart folder.',
          propertyNames: { minLength: 1 },
          errorMessage: { propertyNames: 'must be a lockfile entry name or a chart folder' },
          additionalProperties: ENVIRONMENT_CHART,
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

export const CHART = emptyable(
  Type.Object(
    {
      values: Type.Optional(use('patterns', 'Extra override file patterns for this chart.')),
      set: Type.Optional(
        use(
          'setKeys',
          'Keys the deploy passes with --set: a list of key paths, or a map of key path to example value.',
        ),
      ),
      releaseName: Type.Optional(text('Release name to render with (default: the lockfile entry name).')),
      namespace: Type.Optional(text('Namespace to render in.')),
      rules: Type.Optional(use('rules', 'Severity per rule id for this chart.')),
      apiVersions: Type.Optional(use('apiVersions', 'Added to the top-level apiVersions for this chart.')),
      templates: Type.Optional(use('templates', "This chart's own template settings.")),
      releases: Type.Optional(
        Type.Unsafe<(typeof RELEASE_MODES)[number]>({
          enum: [...RELEASE_MODES],
          default: RELEASE_MODES[0],
          description:
            'many: the chart is deployed as many releases (one per database); the upgrade runbook loops over `helm list --all-namespaces --filter <releaseFilter>` instead of naming one release. Default one.',
        }),
      ),
      releaseFilter: Type.Optional(
        text(
          'With releases: many, the regular expression `helm list --filter` selects the releases with (default ^ and the release name, else the chart name).',
        ),
      ),
      environments: Type.Optional(
        Type.Union([environmentName, Type.Array(environmentName)], {
          errorMessage: 'must be a list of environment names',
          description:
            'The environments this chart runs in (default: every one; [] none); it is reviewed there only. A single name is a list of one.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

/** The whole file, in the order the reader lists its keys. */
export const CONFIG_SCHEMA = Type.Object(
  {
    lockfile: Type.Optional(
      Type.Unsafe<string | number>({
        type: ['string', 'number'],
        minLength: 1,
        default: DEFAULT_LOCKFILE,
        description: `Path of the helm-freeze lockfile, relative to the repository root (default ${DEFAULT_LOCKFILE}).`,
      }),
    ),
    values: Type.Optional(
      use(
        'patterns',
        'Override values file patterns, repository-relative globs with placeholders {chart}, {dir}, {dest}, {lockdir}.',
      ),
    ),
    kubernetes: Type.Optional(
      use(
        'kubeTarget',
        'Target cluster version ("1.31", "v1.31", "1.31.4" all mean 1.31), or { min, max }: the oldest and newest cluster of the fleet.',
      ),
    ),
    kubernetesVersion: Type.Optional(
      use('kubeVersion', 'Same as kubernetes: "X.Y". Set either kubernetes or kubernetesVersion, not both.'),
    ),
    apiVersions: Type.Optional(
      use(
        'apiVersions',
        'APIs the clusters serve beyond the built-in ones (installed CRDs), e.g. monitoring.coreos.com/v1.',
      ),
    ),
    freeFormKeys: Type.Optional(
      use('strings', 'Keys below which any key is accepted, added to the built-in ones (annotations, labels, env...).'),
    ),
    freeFormKeysReplace: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'true: use only the keys listed in freeFormKeys, not the built-in ones.',
      }),
    ),
    rules: Type.Optional(use('rules', 'Severity per rule id: error, warning, notice or off.')),
    render: Type.Optional(RENDER),
    redact: Type.Optional(REDACT),
    templates: Type.Optional(use('templates', 'Render templated override files first.')),
    set: Type.Optional(
      use('setKeys', "Values every chart's render gets (--set style key paths, with example values)."),
    ),
    environments: Type.Optional(
      Type.Unsafe<Record<string, Static<typeof ENVIRONMENT>> | null>({
        type: ['object', 'null'],
        description: 'Groups of clusters; each changed chart is rendered once per environment.',
        propertyNames: { pattern: ENVIRONMENT_NAME.source },
        errorMessage: { propertyNames: 'must be a name of letters, digits, ".", "_" or "-"' },
        additionalProperties: ENVIRONMENT,
      }),
    ),
    charts: Type.Optional(
      Type.Unsafe<Record<string, Static<typeof CHART>> | null>({
        type: ['object', 'null'],
        description: 'Per-chart settings, keyed by lockfile entry name or chart folder (charts/mariadb).',
        propertyNames: { minLength: 1 },
        errorMessage: { propertyNames: 'must be a lockfile entry name or a chart folder' },
        additionalProperties: CHART,
      }),
    ),
    failOn: Type.Optional(
      Type.Unsafe<FailOn>({
        enum: [...FAIL_ON_SETTINGS],
        default: FAIL_ON_SETTINGS[0],
        description: `Fail on findings of this severity or worse (default ${FAIL_ON_SETTINGS[0]}); the fail-on input / --fail-on flag win.`,
      }),
    ),
    failOnExisting: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'true: findings already there on the base fail a review too (default false); the fail-on-existing input / --fail-on-existing flag win.',
      }),
    ),
    acceptances: Type.Optional(
      Type.Unsafe<string | number | Static<typeof ACCEPTANCES>>({
        anyOf: [{ type: ['string', 'number'], minLength: 1 }, ACCEPTANCES],
        default: DEFAULT_ACCEPTANCES_PATH,
        description: `The acceptances file (default ${DEFAULT_ACCEPTANCES_PATH}), or { file, approvers }.`,
      }),
    ),
    acceptanceMaxDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        errorMessage: 'must be a whole number of days above 0',
        default: DEFAULT_ACCEPTANCE_MAX_DAYS,
        description: `How far ahead an acceptance may expire, in days (default ${DEFAULT_ACCEPTANCE_MAX_DAYS}).`,
      }),
    ),
    rings: Type.Optional(
      Type.Object(
        {
          soakDays: Type.Optional(
            Type.Integer({
              minimum: 0,
              errorMessage: 'must be a whole number of days, 0 or more',
              default: DEFAULT_SOAK_DAYS,
              description: `Days a ring runs the new Kubernetes version before the next ring is upgraded (default ${DEFAULT_SOAK_DAYS}).`,
            }),
          ),
        },
        { additionalProperties: false, description: 'How Kubernetes upgrades roll out across the rings.' },
      ),
    ),
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'chart-guard configuration',
    errorMessage: { type: 'must be a map of settings' },
    description:
      'The chart-guard configuration file (default .github/chart-guard.yaml). Every key is optional. Mistakes are reported as config-invalid findings with file and line; the rest of the file still applies.',
    additionalProperties: false,
    definitions,
  },
);

/** The keys of a map of the definition, in its order: what the reader knows and lists in "unknown key" problems. */
export function keysOf(schema: { properties: object }): string[] {
  return Object.keys(schema.properties);
}

/** `kubernetes: { min, max }`: the object branch of the target. */
export const KUBE_RANGE = (definitions.kubeTarget as unknown as { anyOf: [unknown, { properties: object }] }).anyOf[1];
export const TEMPLATES = definitions.templates;
