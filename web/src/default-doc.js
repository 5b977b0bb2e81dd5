// The document shown when there is no gallery, no link and no saved draft: the seed case (#13044).
export const DEFAULT_DOC = `# The 143 kill (argo-workflows #13044): maxDuration becomes every retry's ARGO_DEADLINE.
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: wf
spec:
  entrypoint: main
  templates:
    - name: main
      activeDeadlineSeconds: 3600
      retryStrategy:
        limit: 2
        backoff:
          duration: 10s
          factor: 2
          maxDuration: 3m
      container:
        image: alpine:3.20
        command: [sh, -c]
        args: ["sleep 120; exit 10"]
`;
