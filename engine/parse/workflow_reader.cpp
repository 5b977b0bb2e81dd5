// Reads an Argo Workflow document into the model. Field names and types follow workflow_types.go (v4.1.2).
#include "engine/parse/document_readers.hpp"
#include "engine/parse/parse_input.hpp"
#include "engine/parse/tagged_texts.hpp"

#include <string>

namespace argosim::parse_detail {
namespace {

std::string indexed(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// A map's string keys (labels, annotations): only their names matter, to the check of
// `{{workflow.labels.x}}`. An absent key gives an invalid node, which throws on any question but `!`.
void appendKeys(const YAML::Node& map, std::vector<std::string>& out) {
  if (!map || !map.IsMap()) return;
  for (auto it = map.begin(); it != map.end(); ++it)
    if (it->first.IsScalar()) out.push_back(it->first.Scalar());
}

std::string scalarAt(const YAML::Node& map, const char* key) {
  if (!map || !map.IsMap()) return "";
  const YAML::Node v = map[key];
  return v && v.IsScalar() ? v.Scalar() : "";
}

// Declared outputs or input artifacts: the names a `{{…}}` may use, and the globalName an output lifts. The
// Kubernetes-side fields of an artifact are not ours to check, so nothing here warns.
std::vector<OutputDecl> declarations(const YAML::Node& list) {
  std::vector<OutputDecl> out;
  if (!list || !list.IsSequence()) return out;
  for (const auto& item : list) {
    if (!item.IsMap()) continue;
    out.push_back({{scalarAt(item, "name"), posOf(item)}, scalarAt(item, "globalName")});
  }
  return out;
}

class WorkflowReader {
public:
  explicit WorkflowReader(Reader& r) : r_(r), textBudget_(r.limits().maxYamlNodes) {}

  void document(const YAML::Node& doc, Workflow& wf) {
    wf.pos = posOf(doc);
    SourcePos specPos = wf.pos;
    bool sawSpec = false;
    r_.readMap(
        doc, "", 0, {"apiVersion", "kind", "metadata", "spec", "status"},
        [&](const std::string& key, SourcePos keyPos, const YAML::Node& v) {
          if (key == "apiVersion") {
            auto api = r_.string(v, keyPos, key);
            if (api && api->value != "argoproj.io/v1alpha1")
              r_.warning(api->pos, key,
                         "apiVersion \"" + api->value + "\": Argo's Workflow is argoproj.io/v1alpha1");
          } else if (key == "metadata") {
            if (!r_.expectMap(v, keyPos, key)) return;
            metadata(v, wf);
            appendKeys(v["labels"], wf.labelKeys);
            appendKeys(v["annotations"], wf.annotationKeys);
          } else if (key == "spec") {
            sawSpec = true;
            specPos = keyPos;
            if (r_.expectMap(v, keyPos, key)) spec(v, wf);
          }
        },
        "the Workflow");
    if (r_.stopped()) return;
    if (!sawSpec) r_.error(wf.pos, "spec", "the Workflow has no spec");
    (void)specPos;
    if (wf.name.value.empty()) {
      r_.warning(
          wf.pos, "metadata.name",
          "metadata.name or metadata.generateName is required by Kubernetes; simulating the name \"wf\"");
      wf.name = {"wf", wf.pos};
    }
  }

private:
  void metadata(const YAML::Node& m, Workflow& wf) {
    std::optional<Located<std::string>> name, generateName;
    r_.readMap(
        m, "metadata", 1,
        {"name", "generateName", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation",
         "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences",
         "finalizers", "managedFields", "selfLink"},
        [&](const std::string& key, SourcePos keyPos, const YAML::Node& v) {
          if (key == "name")
            name = r_.string(v, keyPos, "metadata.name");
          else if (key == "generateName")
            generateName = r_.string(v, keyPos, "metadata.generateName");
        },
        "metadata");
    if (name) {
      wf.name = *name;
    } else if (generateName) {
      wf.generateName = generateName;
      wf.name = {generateName->value + std::string(kGenerateNameSuffix), generateName->pos};
    }
  }

  void spec(const YAML::Node& s, Workflow& wf) {
    const std::string base = "spec";
    r_.readMap(
        s, base, 1,
        {"templates",
         "entrypoint",
         "arguments",
         "serviceAccountName",
         "automountServiceAccountToken",
         "executor",
         "volumes",
         "volumeClaimTemplates",
         "parallelism",
         "artifactRepositoryRef",
         "suspend",
         "nodeSelector",
         "affinity",
         "tolerations",
         "imagePullSecrets",
         "hostNetwork",
         "dnsPolicy",
         "dnsConfig",
         "onExit",
         "ttlStrategy",
         "activeDeadlineSeconds",
         "priority",
         "schedulerName",
         "podGC",
         "podPriorityClassName",
         "hostAliases",
         "securityContext",
         "podSpecPatch",
         "podDisruptionBudget",
         "metrics",
         "shutdown",
         "workflowTemplateRef",
         "synchronization",
         "volumeClaimGC",
         "retryStrategy",
         "podMetadata",
         "templateDefaults",
         "archiveLogs",
         "hooks",
         "workflowMetadata",
         "artifactGC",
         "executorPlugins",
         "podResources",
         "resourceClaims"},
        [&](const std::string& key, SourcePos keyPos, const YAML::Node& v) {
          std::string path = base + "." + key;
          if (key == "templates") {
            if (!r_.expectList(v, keyPos, path)) return;
            std::size_t i = 0;
            for (const auto& t : v) {
              if (!r_.visit(t, 3)) return;
              std::string tPath = indexed(path, i++);
              if (!r_.expectMap(t, keyPos, tPath)) continue;
              wf.templates.push_back(templ(t, tPath, 3));
            }
          } else if (key == "entrypoint") {
            if (auto e = r_.string(v, keyPos, path)) wf.entrypoint = *e;
          } else if (key == "arguments") {
            if (r_.expectMap(v, keyPos, path)) wf.arguments = arguments(v, path, 2);
          } else if (key == "parallelism") {
            wf.parallelism = r_.int64(v, keyPos, path);
          } else if (key == "onExit") {
            wf.onExit = r_.string(v, keyPos, path);
          } else if (key == "activeDeadlineSeconds") {
            wf.activeDeadlineSeconds = r_.int64(v, keyPos, path);
          } else if (key == "retryStrategy") {
            if (r_.expectMap(v, keyPos, path)) wf.retryStrategy = retryStrategy(v, path, 2);
          } else if (key == "templateDefaults") {
            if (r_.expectMap(v, keyPos, path)) wf.templateDefaults = templ(v, path, 2);
          } else if (key == "hooks") {
            if (r_.expectMap(v, keyPos, path)) wf.hooks = hooks(v, path, 2);
          } else if (key == "priority") {
            wf.hasPriority = !v.IsNull();
          } else if (key == "workflowMetadata" && v.IsMap()) {
            appendKeys(v["labels"], wf.labelKeys);
            appendKeys(v["labelsFrom"], wf.labelKeys);
            appendKeys(v["annotations"], wf.annotationKeys);
          }
        },
        "spec");
  }

  std::vector<Parameter> parameters(const YAML::Node& list, SourcePos keyPos, const std::string& path,
                                    int depth, bool isInput) {
    std::vector<Parameter> out;
    if (!r_.expectList(list, keyPos, path)) return out;
    std::size_t i = 0;
    for (const auto& p : list) {
      if (!r_.visit(p, depth + 1)) return out;
      std::string pPath = indexed(path, i++);
      if (!r_.expectMap(p, keyPos, pPath)) continue;
      Parameter param;
      param.pos = posOf(p);
      std::optional<Located<std::string>> value, defaultValue;
      r_.readMap(
          p, pPath, depth + 1, {"name", "default", "value", "valueFrom", "globalName", "enum", "description"},
          [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
            std::string vPath = pPath + "." + key;
            if (key == "name") {
              if (auto n = r_.string(v, kp, vPath)) param.name = *n;
            } else if (key == "value") {
              value = r_.anyString(v, kp, vPath);
            } else if (key == "default") {
              defaultValue = r_.anyString(v, kp, vPath);
            } else if (key == "valueFrom") {
              param.hasValueFrom = !v.IsNull();
              if (!isInput && v.IsMap()) valueFrom(v, vPath, param);
            }
          },
          "a parameter");
      if (param.name.pos.line == 0) param.name.pos = param.pos;
      // An input's `value` is fixed; its `default` applies when no argument is passed (common.ProcessArgs).
      // An argument's `default` is not a value.
      param.value = value ? value : (isInput ? defaultValue : std::nullopt);
      if (isInput) param.defaultValue = defaultValue;
      out.push_back(std::move(param));
    }
    return out;
  }

  // An output's valueFrom: its `default`, whether it is `supplied`, and the text of `parameter` and
  // `expression`, which may refer to a step's result. Its other sources (path, jsonPath, …) are for the
  // executor and need no checking here.
  void valueFrom(const YAML::Node& m, const std::string& path, Parameter& param) {
    for (auto it = m.begin(); it != m.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string key = it->first.Scalar();
      if (key == "default")
        param.valueFromDefault = r_.anyString(it->second, posOf(it->first), path + ".default");
      else if (key == "supplied")
        param.valueFromSupplied = !it->second.IsNull();
      else if ((key == "parameter" || key == "expression") && it->second.IsScalar()) {
        param.valueFromReferences.push_back(it->second.Scalar());
        if (key == "parameter") param.valueFromParameter = it->second.Scalar();
      }
    }
  }

  std::vector<Parameter> arguments(const YAML::Node& m, const std::string& path, int depth) {
    std::vector<Parameter> out;
    r_.readMap(
        m, path, depth, {"parameters", "artifacts"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          if (key == "parameters") out = parameters(v, kp, path + ".parameters", depth + 1, false);
        },
        "arguments");
    return out;
  }

  std::optional<RetryStrategy> retryStrategy(const YAML::Node& m, const std::string& path, int depth) {
    RetryStrategy rs;
    rs.pos = posOf(m);
    r_.readMap(
        m, path, depth, {"limit", "retryPolicy", "backoff", "affinity", "expression"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          std::string vPath = path + "." + key;
          if (key == "limit")
            rs.limit = r_.intOrString(v, kp, vPath);
          else if (key == "retryPolicy")
            rs.retryPolicy = r_.string(v, kp, vPath);
          else if (key == "expression")
            rs.expression = r_.string(v, kp, vPath);
          else if (key == "backoff" && r_.expectMap(v, kp, vPath)) {
            Backoff b;
            b.pos = posOf(v);
            r_.readMap(
                v, vPath, depth + 1, {"duration", "factor", "maxDuration", "cap"},
                [&](const std::string& bk, SourcePos bkp, const YAML::Node& bv) {
                  std::string bPath = vPath + "." + bk;
                  if (bk == "duration")
                    b.duration = r_.string(bv, bkp, bPath);
                  else if (bk == "factor")
                    b.factor = r_.intOrString(bv, bkp, bPath);
                  else if (bk == "maxDuration")
                    b.maxDuration = r_.string(bv, bkp, bPath);
                  else if (bk == "cap")
                    b.cap = r_.string(bv, bkp, bPath);
                },
                "backoff");
            rs.backoff = b;
          }
        },
        "retryStrategy");
    return rs;
  }

  std::map<std::string, LifecycleHook> hooks(const YAML::Node& m, const std::string& path, int depth) {
    std::map<std::string, LifecycleHook> out;
    for (const MapEntry& e : r_.entries(m, path, depth)) {
      if (!r_.visit(e.key, depth + 1) || !r_.visit(e.value, depth + 1)) return out;
      SourcePos kp = posOf(e.key);
      if (!e.key.IsScalar()) {
        r_.error(kp, path, "a hook name must be a string, found " + Reader::describe(e.key));
        continue;
      }
      std::string name = e.key.Scalar();
      std::string hPath = path + "." + name;
      if (out.count(name)) {
        r_.error(kp, hPath, "duplicate hook \"" + name + "\"");
        continue;
      }
      if (!r_.expectMap(e.value, kp, hPath)) continue;
      LifecycleHook hook;
      hook.pos = kp;
      r_.readMap(
          e.value, hPath, depth + 1, {"template", "arguments", "templateRef", "expression"},
          [&](const std::string& key, SourcePos hkp, const YAML::Node& v) {
            if (key == "template") {
              if (auto t = r_.string(v, hkp, hPath + ".template")) hook.templateName = *t;
            } else if (key == "expression") {
              hook.expression = r_.string(v, hkp, hPath + ".expression");
            }
          },
          "a lifecycle hook");
      out.emplace(name, std::move(hook));
    }
    return out;
  }

  std::optional<Sequence> sequence(const YAML::Node& m, const std::string& path, int depth) {
    Sequence seq;
    seq.pos = posOf(m);
    r_.readMap(
        m, path, depth, {"count", "start", "end", "format"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          std::string vPath = path + "." + key;
          if (key == "count")
            seq.count = r_.intOrString(v, kp, vPath);
          else if (key == "start")
            seq.start = r_.intOrString(v, kp, vPath);
          else if (key == "end")
            seq.end = r_.intOrString(v, kp, vPath);
          else if (key == "format")
            seq.format = r_.string(v, kp, vPath);
        },
        "withSequence");
    return seq;
  }

  // The fields WorkflowStep and DAGTask share; returns true when the key was one of them.
  bool invocationField(Invocation& call, const std::string& key, SourcePos kp, const YAML::Node& v,
                       const std::string& path, int depth) {
    std::string vPath = path + "." + key;
    if (key == "name") {
      if (auto n = r_.string(v, kp, vPath)) call.name = *n;
    } else if (key == "template") {
      if (auto t = r_.string(v, kp, vPath)) call.templateName = *t;
    } else if (key == "arguments") {
      if (r_.expectMap(v, kp, vPath)) call.arguments = arguments(v, vPath, depth + 1);
    } else if (key == "when") {
      call.when = r_.string(v, kp, vPath);
    } else if (key == "continueOn") {
      if (!r_.expectMap(v, kp, vPath)) return true;
      call.hasContinueOn = true;
      call.continueOnPos = kp;
      r_.readMap(
          v, vPath, depth + 1, {"error", "failed"},
          [&](const std::string& ck, SourcePos ckp, const YAML::Node& cv) {
            auto b = r_.boolean(cv, ckp, vPath + "." + ck);
            if (!b) return;
            if (ck == "error")
              call.continueOn.error = b->value;
            else
              call.continueOn.failed = b->value;
          },
          "continueOn");
    } else if (key == "withItems") {
      if (!r_.expectList(v, kp, vPath)) return true;
      std::vector<Located<nlohmann::json>> items;
      std::size_t i = 0;
      for (const auto& item : v) {
        auto j = r_.json(item, indexed(vPath, i++), depth + 2);
        if (!j) return true;
        items.push_back({std::move(*j), Reader::valuePos(item, kp)});
      }
      call.withItems = std::move(items);
    } else if (key == "withSequence") {
      if (r_.expectMap(v, kp, vPath)) call.withSequence = sequence(v, vPath, depth + 1);
    } else if (key == "withParam") {
      call.withParam = r_.string(v, kp, vPath);
    } else if (key == "onExit") {
      call.onExit = r_.string(v, kp, vPath);
    } else if (key == "hooks") {
      if (r_.expectMap(v, kp, vPath)) call.hooks = hooks(v, vPath, depth + 1);
    } else if (key == "templateRef") {
      if (!v.IsNull()) call.templateRefPos = kp;
    } else if (key == "inline") {
      if (!v.IsNull()) call.inlinePos = kp;
    } else {
      return false;
    }
    return true;
  }

  WorkflowStep step(const YAML::Node& m, const std::string& path, int depth) {
    WorkflowStep s;
    s.pos = posOf(m);
    r_.readMap(
        m, path, depth,
        {"name", "template", "inline", "arguments", "templateRef", "withItems", "withParam", "withSequence",
         "when", "continueOn", "onExit", "hooks"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          invocationField(s, key, kp, v, path, depth);
        },
        "a step");
    collectTaggedTexts(m, false, s.taggedTexts, textBudget_);
    return s;
  }

  DagTask task(const YAML::Node& m, const std::string& path, int depth) {
    DagTask t;
    t.call.pos = posOf(m);
    r_.readMap(
        m, path, depth,
        {"name", "template", "inline", "arguments", "templateRef", "dependencies", "withItems", "withParam",
         "withSequence", "when", "continueOn", "onExit", "depends", "hooks"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          if (invocationField(t.call, key, kp, v, path, depth)) return;
          std::string vPath = path + "." + key;
          if (key == "depends") {
            t.depends = r_.string(v, kp, vPath);
          } else if (key == "dependencies" && r_.expectList(v, kp, vPath)) {
            std::size_t i = 0;
            for (const auto& d : v) {
              if (!r_.visit(d, depth + 2)) return;
              if (auto name = r_.string(d, kp, indexed(vPath, i))) t.dependencies.push_back(*name);
              ++i;
            }
          }
        },
        "a DAG task");
    collectTaggedTexts(m, false, t.call.taggedTexts, textBudget_);
    return t;
  }

  void steps(const YAML::Node& list, SourcePos keyPos, const std::string& path, int depth, Template& t) {
    if (!r_.expectList(list, keyPos, path)) return;
    std::size_t i = 0;
    for (const auto& group : list) {
      if (!r_.visit(group, depth + 1)) return;
      std::string gPath = indexed(path, i++);
      // ParallelSteps' Go field is tagged `steps`, but its decoder (workflow_types.go:
      // ParallelSteps.UnmarshalJSON) only takes a bare list; {steps: [...]} is read for convenience.
      // (Copy-construct: assigning a yaml-cpp Node would rewrite the document.)
      const bool wrapped = group.IsMap() && group.size() == 1 && group["steps"];
      const YAML::Node items = wrapped ? group["steps"] : group;
      if (wrapped) {
        r_.warning(posOf(group), gPath,
                   "a step group written as {steps: [...]}: Argo expects the list itself (`- - name: ...`)");
        if (!r_.visit(items, depth + 2)) return;
      } else if (group.IsMap()) {
        r_.error(posOf(group), gPath,
                 "each entry of steps is a list of steps that run in parallel: write `- - name: ...` (a step "
                 "inside its own list)");
        continue;
      }
      std::vector<WorkflowStep> parallel;
      if (r_.expectList(items, keyPos, gPath)) {
        std::size_t j = 0;
        for (const auto& s : items) {
          if (!r_.visit(s, depth + 2)) return;
          std::string sPath = indexed(gPath, j++);
          if (!r_.expectMap(s, posOf(s), sPath)) continue;
          parallel.push_back(step(s, sPath, depth + 2));
        }
      }
      t.steps.push_back(std::move(parallel));
    }
  }

  std::vector<std::string> stringList(const YAML::Node& v, SourcePos kp, const std::string& path, int depth) {
    std::vector<std::string> out;
    if (!r_.expectList(v, kp, path)) return out;
    std::size_t i = 0;
    for (const auto& item : v) {
      if (!r_.visit(item, depth + 1)) return out;
      if (auto s = r_.string(item, kp, indexed(path, i))) out.push_back(s->value);
      ++i;
    }
    return out;
  }

  // container/script: only the command line is read (to infer a pod's behaviour); the rest of a Kubernetes
  // container is not ours to check.
  void containerLike(const YAML::Node& m, const std::string& path, int depth, Template& t) {
    for (const MapEntry& e : r_.entries(m, path, depth)) {
      if (!r_.visit(e.key, depth + 1) || !r_.visit(e.value, depth + 1)) return;
      if (!e.key.IsScalar()) continue;
      const std::string key = e.key.Scalar();
      SourcePos kp = posOf(e.key);
      if (key == "command")
        t.command = stringList(e.value, kp, path + ".command", depth + 1);
      else if (key == "args")
        t.args = stringList(e.value, kp, path + ".args", depth + 1);
      else if (key == "source") {
        if (auto s = r_.string(e.value, kp, path + ".source")) t.scriptSource = s->value;
      }
    }
  }

  Template templ(const YAML::Node& m, const std::string& path, int depth) {
    Template t;
    t.pos = posOf(m);
    t.name.pos = t.pos;
    auto setType = [&](TemplateType type, const YAML::Node& v) {
      if (v.IsNull()) return; // a null pointer in Go: no type
      ++t.typeCount;
      if (t.type == TemplateType::Unknown) t.type = type;
    };
    r_.readMap(
        m, path, depth,
        {"name",
         "inputs",
         "outputs",
         "nodeSelector",
         "affinity",
         "metadata",
         "daemon",
         "steps",
         "container",
         "containerSet",
         "script",
         "resource",
         "dag",
         "suspend",
         "data",
         "http",
         "plugin",
         "volumes",
         "initContainers",
         "sidecars",
         "archiveLocation",
         "activeDeadlineSeconds",
         "retryStrategy",
         "parallelism",
         "failFast",
         "tolerations",
         "schedulerName",
         "priorityClassName",
         "serviceAccountName",
         "automountServiceAccountToken",
         "executor",
         "hostAliases",
         "securityContext",
         "podSpecPatch",
         "metrics",
         "synchronization",
         "memoize",
         "timeout",
         "annotations",
         "pendingTimeout",
         "podResources",
         "resourceClaims"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          std::string vPath = path + "." + key;
          if (key == "name") {
            if (auto n = r_.string(v, kp, vPath)) t.name = *n;
          } else if (key == "container") {
            setType(TemplateType::Container, v);
            if (r_.expectMap(v, kp, vPath)) containerLike(v, vPath, depth + 1, t);
          } else if (key == "script") {
            setType(TemplateType::Script, v);
            if (r_.expectMap(v, kp, vPath)) containerLike(v, vPath, depth + 1, t);
          } else if (key == "resource") {
            setType(TemplateType::Resource, v);
          } else if (key == "data") {
            setType(TemplateType::Data, v);
          } else if (key == "containerSet") {
            setType(TemplateType::ContainerSet, v);
          } else if (key == "http") {
            setType(TemplateType::Http, v);
          } else if (key == "plugin") {
            setType(TemplateType::Plugin, v);
          } else if (key == "steps") {
            setType(TemplateType::Steps, v);
            steps(v, kp, vPath, depth + 1, t);
          } else if (key == "dag") {
            setType(TemplateType::Dag, v);
            if (r_.expectMap(v, kp, vPath)) dag(v, vPath, depth + 1, t);
          } else if (key == "suspend") {
            setType(TemplateType::Suspend, v);
            if (!r_.expectMap(v, kp, vPath)) return;
            r_.readMap(
                v, vPath, depth + 1, {"duration"},
                [&](const std::string&, SourcePos dkp, const YAML::Node& dv) {
                  t.suspendDuration = r_.string(dv, dkp, vPath + ".duration");
                },
                "suspend");
          } else if (key == "inputs") {
            if (!r_.expectMap(v, kp, vPath)) return;
            r_.readMap(
                v, vPath, depth + 1, {"parameters", "artifacts"},
                [&](const std::string& ik, SourcePos ikp, const YAML::Node& iv) {
                  if (ik == "parameters")
                    t.inputs = parameters(iv, ikp, vPath + ".parameters", depth + 2, true);
                  else if (ik == "artifacts")
                    for (auto& a : declarations(iv))
                      t.inputArtifacts.push_back(std::move(a.name));
                },
                "inputs");
          } else if (key == "outputs") {
            if (!r_.expectMap(v, kp, vPath)) return;
            // The names the variable check puts in scope (globalName included), and the parameters a run
            // fills.
            t.outputParameters = declarations(v["parameters"]);
            t.outputArtifacts = declarations(v["artifacts"]);
            r_.readMap(
                v, vPath, depth + 1, {"parameters", "artifacts", "result", "exitCode"},
                [&](const std::string& ok, SourcePos okp, const YAML::Node& ov) {
                  if (ok == "parameters")
                    t.outputs = parameters(ov, okp, vPath + ".parameters", depth + 2, false);
                },
                "outputs");
          } else if (key == "daemon") {
            // Only whether `{{steps.x.ip}}` is in scope hangs on it: read quietly, as before it was skipped.
            t.daemon =
                v.IsScalar() && classifyScalar(v).kind == ScalarKind::Bool && classifyScalar(v).boolValue;
          } else if (key == "activeDeadlineSeconds") {
            t.activeDeadlineSeconds = r_.intOrString(v, kp, vPath);
          } else if (key == "timeout") {
            t.timeout = r_.string(v, kp, vPath);
          } else if (key == "pendingTimeout") {
            t.pendingTimeout = r_.string(v, kp, vPath);
          } else if (key == "retryStrategy") {
            if (r_.expectMap(v, kp, vPath)) t.retryStrategy = retryStrategy(v, vPath, depth + 1);
          } else if (key == "failFast") {
            t.failFast = r_.boolean(v, kp, vPath);
          } else if (key == "parallelism") {
            // An *int64 in Go: a quoted number is rejected, unlike the IntOrString fields.
            if (auto p = r_.int64(v, kp, vPath)) {
              IntOrString value;
              value.intValue = p->value;
              value.pos = p->pos;
              t.parallelism = value;
            }
          }
        },
        "a template");
    // The steps' and tasks' texts were collected by their readers; a template's texts include them (common.
    // ProcessArgs parses the whole template).
    collectTaggedTexts(m, true, t.taggedTexts, textBudget_);
    for (const auto& group : t.steps)
      for (const auto& s : group)
        t.taggedTexts.insert(t.taggedTexts.end(), s.taggedTexts.begin(), s.taggedTexts.end());
    for (const auto& task : t.tasks)
      t.taggedTexts.insert(t.taggedTexts.end(), task.call.taggedTexts.begin(), task.call.taggedTexts.end());
    if (t.dagTarget && t.dagTarget->value.find("{{") != std::string::npos)
      t.taggedTexts.push_back({*t.dagTarget, TextPlace::Body});
    return t;
  }

  void dag(const YAML::Node& m, const std::string& path, int depth, Template& t) {
    r_.readMap(
        m, path, depth, {"target", "tasks", "failFast"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          std::string vPath = path + "." + key;
          if (key == "target") {
            t.dagTarget = r_.string(v, kp, vPath);
          } else if (key == "failFast") {
            t.dagFailFast = r_.boolean(v, kp, vPath);
          } else if (key == "tasks" && r_.expectList(v, kp, vPath)) {
            std::size_t i = 0;
            for (const auto& task : v) {
              if (!r_.visit(task, depth + 1)) return;
              std::string tPath = indexed(vPath, i++);
              if (!r_.expectMap(task, kp, tPath)) continue;
              t.tasks.push_back(this->task(task, tPath, depth + 1));
            }
          }
        },
        "dag");
  }

  Reader& r_;
  std::size_t textBudget_; // nodes collectTaggedTexts may still walk
};

} // namespace

void readWorkflowDocument(Reader& reader, const YAML::Node& doc, Workflow& workflow) {
  WorkflowReader(reader).document(doc, workflow);
}

} // namespace argosim::parse_detail
