// The pod model: which of the kubelet deadline, the natural exit and the executor kill ends a pod (spec
// §4.4–§4.6, §6.2 M2).
#include "engine/result/result.hpp"
#include "engine/sim/pod.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim;

namespace {
Pod pod(AttemptBehaviour b, std::optional<std::int64_t> ads = std::nullopt,
        std::optional<Nanos> argoDeadline = std::nullopt) {
  Pod p;
  p.createdAt = 100 * kSecond;
  p.behaviour = b;
  p.activeDeadlineSeconds = ads;
  p.executorDeadline = argoDeadline;
  return p;
}
AttemptBehaviour runs(Nanos run, int exit = 0) {
  AttemptBehaviour b;
  b.run = run;
  b.exitCode = exit;
  return b;
}
AttemptBehaviour forever() {
  AttemptBehaviour b;
  b.run = std::nullopt;
  return b;
}
} // namespace

TEST_CASE("pod: a natural exit 0 succeeds, a non-zero exit fails with main's message (operator.go "
          "inferFailedReason)") {
  auto ok = pod(runs(10 * kSecond)).ending();
  REQUIRE(ok);
  CHECK(ok->phase == PodPhase::Succeeded);
  CHECK(ok->at == 110 * kSecond);
  CHECK(ok->exitCode == 0);
  auto failed = pod(runs(10 * kSecond, 3)).ending();
  CHECK(failed->phase == PodPhase::Failed);
  CHECK(failed->message == "main: Error (exit code 3)");
  CHECK(failed->exitCode == 3);
}

TEST_CASE("pod: the kubelet kills at startTime + activeDeadlineSeconds with its own message and 143") {
  auto e = pod(forever(), 30).ending();
  REQUIRE(e);
  CHECK(e->at == 130 * kSecond);
  CHECK(e->message == "Pod was active on the node longer than the specified deadline");
  CHECK(e->exitCode == 143);
  CHECK(std::string_view(e->endedBy) == ended_by::kKubeletDeadline);
}

TEST_CASE(
    "pod: unschedulable time does not count for the kubelet's clock, pending (bound) time does (spec §4.4)") {
  AttemptBehaviour b = forever();
  b.pending = 10 * kSecond;
  CHECK(pod(b, 30).ending()->at == 130 * kSecond);
  b.unschedulable = 10 * kSecond;
  CHECK(pod(b, 30).ending()->at == 140 * kSecond);
}

TEST_CASE("pod: a kubelet deadline before the pod runs fails it with no exit code") {
  AttemptBehaviour b = forever();
  b.pending = 60 * kSecond;
  auto e = pod(b, 30).ending();
  CHECK(e->at == 130 * kSecond);
  CHECK_FALSE(e->exitCode);
}

TEST_CASE(
    "pod: ARGO_DEADLINE makes the executor SIGTERM main: exit 143 (executor.go monitorDeadline, #13044)") {
  auto e = pod(forever(), 3600, 150 * kSecond).ending();
  CHECK(e->at == 150 * kSecond);
  CHECK(e->message == "main: Error (exit code 143)");
  CHECK(std::string_view(e->endedBy) == ended_by::kExecutorDeadline);
}

TEST_CASE("pod: the executor's timer starts with the wait container, so a passed deadline kills at Running") {
  AttemptBehaviour b = forever();
  b.pending = 20 * kSecond;
  CHECK(pod(b, std::nullopt, 90 * kSecond).ending()->at == 120 * kSecond);
}

TEST_CASE(
    "pod: at one instant the kubelet beats the exit, and the exit beats the executor (spec §6.2 M3 B)") {
  auto kubeletVsExit = pod(runs(30 * kSecond), 30).ending();
  CHECK(kubeletVsExit->message == "Pod was active on the node longer than the specified deadline");
  auto exitVsExecutor = pod(runs(30 * kSecond, 0), std::nullopt, 130 * kSecond).ending();
  CHECK(exitVsExecutor->phase == PodPhase::Succeeded);
  auto kubeletVsExecutor = pod(forever(), 30, 130 * kSecond).ending();
  CHECK(std::string_view(kubeletVsExecutor->endedBy) == ended_by::kKubeletDeadline);
}

TEST_CASE("pod: a process that ignores SIGTERM dies 30 s later with 137, unless it ends first") {
  AttemptBehaviour b = forever();
  b.ignoresSigterm = true;
  auto killed = pod(b, std::nullopt, 150 * kSecond).ending();
  CHECK(killed->at == 180 * kSecond);
  CHECK(killed->exitCode == 137);
  AttemptBehaviour quick = runs(60 * kSecond, 0);
  quick.ignoresSigterm = true;
  auto natural = pod(quick, std::nullopt, 150 * kSecond).ending();
  CHECK(natural->at == 160 * kSecond);
  CHECK(natural->phase == PodPhase::Succeeded);
}

TEST_CASE("pod: `pod deleted` vanishes (Error), other errors fail the pod as Error with that message") {
  AttemptBehaviour gone = runs(15 * kSecond);
  gone.error = "pod deleted";
  CHECK(pod(gone).ending()->phase == PodPhase::Vanished);
  AttemptBehaviour other = runs(15 * kSecond);
  other.error = "OCI runtime create failed";
  auto e = pod(other).ending();
  CHECK(e->error);
  CHECK(e->message == "OCI runtime create failed");
}

TEST_CASE("pod: a pod that never runs and has no deadline never ends") {
  AttemptBehaviour b = forever();
  b.pendingForever = true;
  CHECK_FALSE(pod(b).ending());
  CHECK_FALSE(pod(b).nextChangeAfterOrAt(0));
}

TEST_CASE("pod: a failed main's message carries its termination reason, OOMKilled included (operator.go "
          "inferFailedReason)") {
  AttemptBehaviour oom = runs(10 * kSecond, 137);
  oom.reason = "OOMKilled";
  const auto ending = pod(oom).ending();
  REQUIRE(ending);
  CHECK(ending->phase == PodPhase::Failed);
  CHECK(ending->message == "main: OOMKilled (exit code 137)");
  CHECK(ending->exitCode == 137);
  // The executor's SIGTERM at ARGO_DEADLINE ends main with reason Error, whatever the attempt would have
  // done.
  const auto killed = pod(oom, std::nullopt, 105 * kSecond).ending();
  REQUIRE(killed);
  CHECK(killed->message == "main: Error (exit code 143)");
}
