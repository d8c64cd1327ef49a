{{/* Labels of every object; call with (dict "root" $ "name" <service or component>). */}}
{{- define "devzone.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: devzone
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The image of a service; call with (dict "root" $ "name" <service>). */}}
{{- define "devzone.image" -}}
{{ .root.Values.image.repository }}/{{ .name }}:{{ .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- end -}}

{{/* Name of the Secret holding IDP_ADMIN_CLIENT_SECRET (project-intake's accounts). */}}
{{- define "devzone.idpAdminSecret" -}}
{{- if .Values.identityProvider.adminClientSecret -}}
{{ .Release.Name }}-idp-admin-client
{{- else -}}
{{ .Values.identityProvider.existingSecret }}
{{- end -}}
{{- end -}}

{{/* Name of the Secret holding SMTP_USER and SMTP_PASS ("" when there are none). */}}
{{- define "devzone.smtpSecret" -}}
{{- if .Values.smtp.existingSecret -}}
{{ .Values.smtp.existingSecret }}
{{- else if .Values.smtp.user -}}
{{ .Release.Name }}-smtp
{{- end -}}
{{- end -}}

{{/*
The environment that makes DATABASE_URL from the service's basic-auth Secret
(shared with CloudNativePG's managed role); call with (dict "root" $ "svc" <entry>).
*/}}
{{- define "devzone.databaseEnv" -}}
- name: DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s%s" .root.Values.database.credentialsSecretPrefix .svc.database }}
      key: username
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s%s" .root.Values.database.credentialsSecretPrefix .svc.database }}
      key: password
- name: DATABASE_URL
  value: {{ printf "postgres://$(DB_USER):$(DB_PASSWORD)@%s:%v/%s%s" .root.Values.database.host .root.Values.database.port .svc.database .root.Values.database.urlParams | quote }}
{{- end -}}
