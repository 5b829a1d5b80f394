// Corpus chart pairs and an override file shared by the override rules' tests.
import type { OverrideFile } from '../../../src/core/model/model.js';
import { overrideFile } from '../../values/helpers.js';

export const MARIADB = 'mariadb-7.10.4-to-8.0.0';
export const BLACKBOX = 'prometheus-blackbox-exporter-9.8.0-to-10.0.0';
export const ALERTMANAGER = 'alertmanager-1.25.0-to-1.26.0';

export const mariadbOverrides = () =>
  overrideFile(
    'values/mariadb.yaml',
    [
      'image:',
      '  tag: 10.5.5',
      'master:',
      '  persistence:',
      '    size: 20Gi',
      'rootUser:',
      '  password: s3cret',
      'typo: 1',
    ].join('\n'),
  );

// An unparsable override file and a templated one (two skipped template lines).
export const broken: OverrideFile = {
  path: 'values/broken.yaml',
  values: {},
  keys: [],
  skipped: [],
  error: { file: 'values/broken.yaml', line: 3, message: 'values/broken.yaml is not valid YAML: bad indentation' },
};
export const templated: OverrideFile = {
  path: 'values/templated.yaml',
  values: { a: 1 },
  keys: [],
  skipped: [
    { line: 2, text: '{% if prod %}' },
    { line: 4, text: '{% endif %}' },
  ],
};
