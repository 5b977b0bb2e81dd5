// Reads the playground's Scenario document (docs: /work/shared/spec/scenario.md). Unlike Argo's schema, ours
// is strict: an unknown field is an error, since a typo would silently change what the simulation shows.
#include "engine/expr/regex.hpp"
#include "engine/model/argo_versions.hpp"
#include "engine/parse/argo_duration.hpp"
#include "engine/parse/document_readers.hpp"

#include <string>

namespace argosim::parse_detail {
namespace {

// Evictions of one attempt and the controller's restarts of one node: every one is a pod, so both are
// bounded.
constexpr std::int64_t kMaxEvictions = 100;

struct DurationField {
  bool present = false;
  bool forever = false;
  Nanos value = 0;
  SourcePos pos;
};

class ScenarioReader {
public:
  explicit ScenarioReader(Reader& r) : r_(r) {}

  void document(const YAML::Node& doc, Scenario& sc) {
    sc.present = true;
    sc.pos = posOf(doc);
    r_.readMap(
        doc, "", 0, {"kind", "apiVersion", "pods", "controller"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          if (key == "pods") {
            if (r_.expectMap(v, kp, key)) pods(v, sc);
          } else if (key == "controller") {
            if (r_.expectMap(v, kp, key)) controller(v, sc.controller);
          }
        },
        "the Scenario", UnknownKeys::Error);
  }

private:
  void pods(const YAML::Node& m, Scenario& sc) {
    for (const MapEntry& e : r_.entries(m, "pods", 1)) {
      if (!r_.visit(e.key, 2) || !r_.visit(e.value, 2)) return;
      SourcePos kp = posOf(e.key);
      if (!e.key.IsScalar() || e.key.Scalar().empty()) {
        r_.error(kp, "pods", "a pod key must be a name, found " + Reader::describe(e.key));
        continue;
      }
      std::string key = e.key.Scalar();
      std::string path = "pods." + key;
      bool duplicate = false;
      for (const auto& [existing, _] : sc.pods)
        duplicate = duplicate || existing.value == key;
      if (duplicate) {
        r_.error(kp, path, "duplicate pod key \"" + key + "\"");
        continue;
      }
      const YAML::Node v = e.value; // a copy: yaml-cpp's iterator hands out temporaries
      if (!v.IsMap()) {
        r_.error(Reader::valuePos(v, kp), path,
                 "expected a map ({run: 10s, exit: 0} or {attempts: [...]}), found " + Reader::describe(v));
        continue;
      }
      PodBehaviour pod;
      pod.pos = kp;
      if (v["attempts"]) {
        r_.readMap(
            v, path, 2, {"attempts"},
            [&](const std::string&, SourcePos akp, const YAML::Node& list) {
              std::string aPath = path + ".attempts";
              if (!list.IsSequence() || list.size() == 0) {
                r_.error(Reader::valuePos(list, akp), aPath,
                         "attempts must be a non-empty list, found " + Reader::describe(list));
                return;
              }
              std::size_t i = 0;
              for (const auto& a : list) {
                if (!r_.visit(a, 3)) return;
                std::string ePath = aPath + "[" + std::to_string(i++) + "]";
                if (!a.IsMap()) {
                  r_.error(Reader::valuePos(a, akp), ePath, "expected a map, found " + Reader::describe(a));
                  continue;
                }
                pod.attempts.push_back(attempt(a, ePath, 4));
              }
            },
            "a pod entry with attempts", UnknownKeys::Error);
      } else {
        pod.attempts.push_back(attempt(v, path, 3));
      }
      if (r_.stopped()) return;
      if (!pod.attempts.empty()) sc.pods.emplace_back(Located<std::string>{key, kp}, std::move(pod));
    }
  }

  // Argo's duration rules (bare number = seconds, Go units, no `d`), plus `forever` where allowed.
  DurationField duration(const YAML::Node& v, SourcePos kp, const std::string& path, bool foreverAllowed) {
    DurationField out;
    out.pos = Reader::valuePos(v, kp);
    if (!v.IsScalar() || classifyScalar(v).kind == ScalarKind::Null ||
        classifyScalar(v).kind == ScalarKind::Bool) {
      r_.error(out.pos, path, "expected a duration such as 30s, 2m or 1h30m, found " + Reader::describe(v));
      return out;
    }
    const std::string& text = v.Scalar();
    if (text == "forever") {
      if (!foreverAllowed) {
        r_.error(out.pos, path, lastPathSegment(path) + " cannot be forever");
        return out;
      }
      out.present = out.forever = true;
      return out;
    }
    DurationResult parsed = parseArgoDurationText(text);
    if (!parsed.value) {
      r_.error(out.pos, path,
               "bad duration: " + parsed.error + " (write e.g. 90s, 2m, 1h30m or a number of seconds" +
                   std::string(foreverAllowed ? ", or forever" : "") + ")");
      return out;
    }
    if (*parsed.value < 0) {
      r_.error(out.pos, path, "duration " + text + " is negative");
      return out;
    }
    out.present = true;
    out.value = *parsed.value;
    return out;
  }

  AttemptBehaviour attempt(const YAML::Node& m, const std::string& path, int depth) {
    AttemptBehaviour a;
    a.pos = posOf(m);
    DurationField pending, unschedulable, run;
    std::optional<Located<std::int64_t>> exitCode;
    std::optional<Located<std::string>> error;
    std::optional<Located<std::string>> reason;
    std::optional<Located<std::string>> evicted;
    std::optional<Located<std::int64_t>> evictions;
    r_.readMap(
        m, path, depth,
        {"pending", "unschedulable", "run", "exit", "reason", "error", "evicted", "evictions",
         "ignoresSigterm", "result", "parameters"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          std::string vPath = path + "." + key;
          if (key == "pending")
            pending = duration(v, kp, vPath, true);
          else if (key == "unschedulable")
            unschedulable = duration(v, kp, vPath, true);
          else if (key == "run")
            run = duration(v, kp, vPath, true);
          else if (key == "exit") {
            exitCode = intWithin(v, kp, vPath, "exit code", 0, 255);
          } else if (key == "reason") {
            reason = nonEmptyString(v, kp, vPath,
                                    "reason is empty: leave it out for \"Error\", or write e.g. OOMKilled");
          } else if (key == "error") {
            error = r_.anyString(v, kp, vPath);
          } else if (key == "evicted") {
            evicted = nonEmptyString(
                v, kp, vPath,
                "evicted is the pod's status message, e.g. \"The node was low on resource: memory.\"");
          } else if (key == "evictions") {
            evictions = intWithin(v, kp, vPath, "evictions", 1, kMaxEvictions);
          } else if (key == "ignoresSigterm") {
            if (auto b = r_.boolean(v, kp, vPath)) a.ignoresSigterm = b->value;
          } else if (key == "result") {
            if (auto text = r_.anyString(v, kp, vPath)) a.result = text->value;
          } else if (key == "parameters") {
            if (r_.expectMap(v, kp, vPath)) a.parameters = parameters(v, vPath, depth + 1);
          }
        },
        "a pod attempt", UnknownKeys::Error);
    if (pending.present) {
      a.pending = pending.value;
      a.pendingForever = pending.forever;
    }
    if (unschedulable.present) {
      a.unschedulable = unschedulable.value;
      a.unschedulableForever = unschedulable.forever;
      bool tooLong =
          unschedulable.forever ? !a.pendingForever : (!a.pendingForever && a.unschedulable > a.pending);
      if (tooLong)
        r_.error(unschedulable.pos, path + ".unschedulable",
                 "unschedulable is the first part of pending, so it cannot be longer than pending");
    }
    if (run.present) a.run = run.forever ? std::nullopt : std::optional<Nanos>(run.value);
    if (exitCode) a.exitCode = static_cast<int>(exitCode->value);
    if (error) a.error = error->value;
    if (reason) a.reason = reason->value;
    if (reason && error)
      r_.error(reason->pos, path + ".reason",
               "reason is the main container's termination reason; a pod that ends with `error` has none");
    if (exitCode && error)
      r_.error(exitCode->pos, path + ".exit",
               "exit and error exclude each other: an errored pod has no exit code of its own");
    if (exitCode && run.present && run.forever)
      r_.error(exitCode->pos, path + ".exit",
               "a pod that runs forever never exits: drop exit, or give run a length");
    if (error && (a.result || !a.parameters.empty()))
      r_.error(error->pos, path + ".error",
               "a pod that ends with `error` reports no outputs: drop error, or result and parameters");
    if (error && run.present && run.forever)
      r_.error(error->pos, path + ".error",
               "a pod that runs forever never errors: drop error, or give run a length");
    if (evicted) {
      a.evicted = evicted->value;
      if (a.pendingForever || a.unschedulableForever)
        r_.error(evicted->pos, path + ".evicted",
                 "an evicted pod is evicted when its pending time ends: give pending a length");
      if (error)
        r_.error(evicted->pos, path + ".evicted",
                 "evicted and error exclude each other: an evicted pod never runs, so it cannot error");
    }
    if (evictions) {
      if (evicted)
        a.evictions = static_cast<int>(evictions->value);
      else
        r_.error(evictions->pos, path + ".evictions", "evictions counts evicted pods: add evicted");
    }
    return a;
  }

  // An integer in lo..hi; outside, an error at the value ("<label> N is outside lo..hi") and nothing.
  std::optional<Located<std::int64_t>> intWithin(const YAML::Node& v, SourcePos kp, const std::string& path,
                                                 const std::string& label, std::int64_t lo, std::int64_t hi) {
    auto n = r_.int64(v, kp, path);
    if (n && (n->value < lo || n->value > hi)) {
      r_.error(n->pos, path,
               label + " " + std::to_string(n->value) + " is outside " + std::to_string(lo) + ".." +
                   std::to_string(hi));
      n.reset();
    }
    return n;
  }

  // A string that says something; an empty one is an error at the value, with `whenEmpty`, and nothing.
  std::optional<Located<std::string>> nonEmptyString(const YAML::Node& v, SourcePos kp,
                                                     const std::string& path, const std::string& whenEmpty) {
    auto text = r_.string(v, kp, path);
    if (text && text->value.empty()) {
      r_.error(text->pos, path, whenEmpty);
      text.reset();
    }
    return text;
  }

  // `parameters: {name: value}`: output parameter values, as the executor would read them. Whether the
  // template declares each name is known only at run time.
  std::vector<std::pair<Located<std::string>, std::string>> parameters(const YAML::Node& m,
                                                                       const std::string& path, int depth) {
    std::vector<std::pair<Located<std::string>, std::string>> out;
    for (auto it = m.begin(); it != m.end(); ++it) {
      if (!r_.visit(it->first, depth) || !r_.visit(it->second, depth)) return out;
      const SourcePos kp = posOf(it->first);
      if (!it->first.IsScalar() || it->first.Scalar().empty()) {
        r_.error(kp, path,
                 "an output parameter's name must be a string, found " + Reader::describe(it->first));
        continue;
      }
      const std::string name = it->first.Scalar();
      bool duplicate = false;
      for (const auto& [existing, _] : out)
        duplicate = duplicate || existing.value == name;
      if (duplicate) {
        r_.error(kp, path + "." + name, "duplicate output parameter \"" + name + "\"");
        continue;
      }
      if (auto value = r_.anyString(it->second, kp, path + "." + name))
        out.emplace_back(Located<std::string>{name, kp}, value->value);
    }
    return out;
  }

  void controller(const YAML::Node& m, ControllerSettings& c) {
    r_.readMap(
        m, "controller", 1, {"startAt", "transientErrorPattern", "argoVersion", "failedPodRestart"},
        [&](const std::string& key, SourcePos kp, const YAML::Node& v) {
          std::string path = "controller." + key;
          if (key == "startAt") {
            auto text = r_.anyString(v, kp, path);
            if (!text) return;
            auto seconds = parseRfc3339Seconds(text->value);
            if (!seconds) {
              r_.error(text->pos, path,
                       "startAt \"" + text->value +
                           "\" is not an RFC 3339 time such as 2024-07-04T00:00:00Z");
              return;
            }
            c.startAt = text->value;
            c.startAtUnixSeconds = *seconds;
          } else if (key == "transientErrorPattern") {
            c.transientErrorPattern = r_.string(v, kp, path);
            if (c.transientErrorPattern) checkPattern(*c.transientErrorPattern, path);
          } else if (key == "argoVersion") {
            argoVersion(v, kp, path, c);
          } else if (key == "failedPodRestart") {
            if (r_.expectMap(v, kp, path)) failedPodRestart(v, kp, path, c);
          }
        },
        "controller", UnknownKeys::Error);
  }

  // config/config.go FailedPodRestartConfig: {enabled, maxRestarts}.
  void failedPodRestart(const YAML::Node& m, SourcePos kp, const std::string& path, ControllerSettings& c) {
    FailedPodRestart f;
    f.pos = kp;
    r_.readMap(
        m, path, 2, {"enabled", "maxRestarts"},
        [&](const std::string& key, SourcePos fkp, const YAML::Node& v) {
          const std::string fPath = path + "." + key;
          if (key == "enabled") {
            if (auto b = r_.boolean(v, fkp, fPath)) f.enabled = b->value;
          } else if (auto n = intWithin(v, fkp, fPath, "maxRestarts", 0, kMaxEvictions)) {
            f.maxRestarts = static_cast<std::int32_t>(n->value);
          }
        },
        "failedPodRestart", UnknownKeys::Error);
    c.failedPodRestart = f;
  }

  // The release to simulate. `argoVersion: 4.0` is a YAML number, read as the text written.
  void argoVersion(const YAML::Node& v, SourcePos kp, const std::string& path, ControllerSettings& c) {
    const auto text = r_.anyString(v, kp, path);
    if (!text) {
      if (v.IsNull() || (v.IsScalar() && classifyScalar(v).kind == ScalarKind::Null))
        r_.error(Reader::valuePos(v, kp), path,
                 "argoVersion is empty: write one of " + acceptedArgoVersions());
      return;
    }
    ArgoVersionChoice choice = chooseArgoProfile(text->value);
    if (!choice.profile) {
      r_.error(text->pos, path, std::move(choice.error));
      return;
    }
    c.argoProfile = choice.profile;
    c.argoVersionPos = text->pos;
    for (std::string& note : choice.notes)
      r_.info(text->pos, path, std::move(note));
  }

  // errors.go: matchTransientErrPattern drops regexp.MatchString's error, so a pattern Go cannot compile
  // matches nothing and every retry policy quietly treats the errors as permanent. That is never what the
  // Scenario's author meant: it is refused at the value with Go's own error. A valid pattern past argosim's
  // bounds ("argosim: …") would match nothing here while the controller runs it, so it is refused too.
  void checkPattern(const Located<std::string>& pattern, const std::string& path) {
    const expr::CompiledRegex compiled = expr::compileGoRegex(pattern.value);
    if (!compiled.error) return;
    if (compiled.error->rfind("error parsing regexp", 0) == 0)
      r_.error(pattern.pos, path,
               "transientErrorPattern is not a Go regular expression (" + *compiled.error +
                   "): the controller would match no error with it");
    else
      r_.error(pattern.pos, path, "transientErrorPattern: " + *compiled.error);
  }

  Reader& r_;
};

} // namespace

void readScenarioDocument(Reader& reader, const YAML::Node& doc, Scenario& scenario) {
  ScenarioReader(reader).document(doc, scenario);
}

} // namespace argosim::parse_detail
