// A small CustomResourceDefinition (widgets.example.com) with the given versions, for the CRD rules.
export function crd(versions: { name: string; storage?: boolean; columns?: string[] }[], annotations = ''): string {
  const list = versions
    .map(
      (v) => `    - name: ${v.name}
      served: true
      storage: ${v.storage === true}
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
${v.columns ? `      additionalPrinterColumns:\n${v.columns.map((c) => `        - {name: ${c}, type: string, jsonPath: .status.${c}}`).join('\n')}\n` : ''}`,
    )
    .join('');
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
${annotations}spec:
  group: example.com
  names: {plural: widgets, kind: Widget}
  scope: Namespaced
  versions:
${list}`;
}

export const V1ALPHA1_AND_V1 = crd([{ name: 'v1alpha1', storage: true }, { name: 'v1' }]);
export const V1_ONLY = crd([{ name: 'v1', storage: true }]);
