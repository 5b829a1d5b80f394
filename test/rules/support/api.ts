// An HPA on autoscaling/v2beta2 (deprecated 1.23, removed 1.26) rendered on both sides, for the API rules.
import { tinyPairContext } from '../../support/render-corpus.js';

export const HPA_V2BETA2 = `apiVersion: autoscaling/v2beta2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 3
`;

export function hpaContext(kube?: { min: string; max: string }) {
  return tinyPairContext('web', { 'templates/hpa.yaml': HPA_V2BETA2 }, { 'templates/hpa.yaml': HPA_V2BETA2 }, { kube });
}
