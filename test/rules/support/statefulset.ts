// A StatefulSet with one claim template; its PVCs are <template>-<statefulset>-<ordinal>.
export function statefulSet(
  name: string,
  app: string,
  options: { replicas?: number; retention?: string; template?: string } = {},
): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${name}}
spec:
  replicas: ${options.replicas ?? 1}
  serviceName: ${name}
  selector: {matchLabels: {app.kubernetes.io/name: ${app}}}
${options.retention ? `  persistentVolumeClaimRetentionPolicy: {whenDeleted: ${options.retention}}\n` : ''}  template:
    metadata: {labels: {app.kubernetes.io/name: ${app}}}
    spec:
      containers: [{name: db, image: db:1}]
  volumeClaimTemplates:
    - metadata: {name: ${options.template ?? 'data'}}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 8Gi}}}
`;
}
