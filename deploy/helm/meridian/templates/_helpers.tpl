{{/* Names and labels shared by every template. */}}

{{- define "meridian.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* <release>-meridian, or <release> alone when it already says "meridian". 63 characters: the DNS label limit. */}}
{{- define "meridian.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "meridian.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every resource. */}}
{{- define "meridian.labels" -}}
helm.sh/chart: {{ include "meridian.chart" . }}
app.kubernetes.io/name: {{ include "meridian.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: meridian
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one workload; call with (dict "root" $ "component" "relay"). Immutable once deployed. */}}
{{- define "meridian.selectorLabels" -}}
app.kubernetes.io/name: {{ include "meridian.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "meridian.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "meridian.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "meridian.secretName" -}}
{{- if .Values.secrets.create -}}
{{- include "meridian.fullname" . -}}
{{- else -}}
{{- required "secrets.existingSecret is required when secrets.create is false" .Values.secrets.existingSecret -}}
{{- end -}}
{{- end -}}

{{/* <registry><name>:<tag>; call with (dict "root" $ "name" "relay"). */}}
{{- define "meridian.image" -}}
{{- printf "%s%s:%s" .root.Values.image.registry .name (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/*
Environment every process gets: the shared ConfigMap and Secret. The checksum
annotations (meridian.podAnnotations) roll the pods when either changes, since
environment variables are only read at start.
*/}}
{{- define "meridian.envFrom" -}}
- configMapRef:
    name: {{ include "meridian.fullname" . }}
- secretRef:
    name: {{ include "meridian.secretName" . }}
{{- end -}}

{{- define "meridian.podAnnotations" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
{{- if .Values.secrets.create }}
checksum/secret: {{ include (print .Template.BasePath "/secret.yaml") . | sha256sum }}
{{- end }}
{{- end -}}

{{/* NAME: value map → env list, sorted by name (stable renders). */}}
{{- define "meridian.envList" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* Volumes every pod mounts: a writable /tmp, since the root filesystem is read-only. */}}
{{- define "meridian.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- end -}}
{{- define "meridian.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/*
An Ingress's spec: the class, TLS, and one rule per host (any host when
ingress.hosts is empty) with the given paths; call with
(dict "root" $ "paths" (list (dict "path" "/api/v1/…" "service" "<Service name>"))).
*/}}
{{- define "meridian.ingressSpec" }}
spec:
  {{- with .root.Values.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with .root.Values.ingress.tls }}
  tls:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  rules:
    {{- $paths := .paths }}
    {{- range (.root.Values.ingress.hosts | default (list "")) }}
    - http:
        paths:
          {{- range $paths }}
          - path: {{ .path }}
            pathType: Prefix
            backend:
              service:
                name: {{ .service }}
                port:
                  name: http
          {{- end }}
      {{- if . }}
      host: {{ . | quote }}
      {{- end }}
    {{- end }}
{{- end }}
