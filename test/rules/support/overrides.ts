// Corpus chart pairs and an override file shared by the override rules' tests.
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
