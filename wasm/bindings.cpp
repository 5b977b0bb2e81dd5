// The WebAssembly surface: simulate(yamlText) -> JSON text, and version(). Nothing else; the engine does the
// work.
#include "engine/argosim.hpp"

#include <emscripten/bind.h>
#include <exception>
#include <new>
#include <string>

namespace {

// A Result that carries only an internal-error diagnostic, in the contract's own JSON. If even that cannot be
// built (out of memory), a fixed document of the same shape: JS always receives JSON, never an exception.
std::string internalError(const std::string& what) noexcept {
  try {
    argosim::Result result;
    result.workflow.phase = "Error";
    result.workflow.message = "internal error: " + what;
    result.diagnostics.push_back(
        argosim::Diagnostic{argosim::Severity::Error, {}, "", result.workflow.message});
    return argosim::resultToJson(result);
  } catch (...) {
  }
  try {
    return R"({"simulated":false,"workflow":{"phase":"Error","message":"internal error"},)"
           R"("diagnostics":[{"severity":"error","message":"internal error"}]})";
  } catch (...) {
    return {};
  }
}

// An exception must never cross into JS: with -fwasm-exceptions it arrives as an opaque WebAssembly.Exception
// (toolchain.md §2), and the page could not tell the user anything.
std::string simulate(const std::string& yamlText) {
  try {
    return argosim::resultToJson(argosim::simulateText(yamlText));
  } catch (const std::bad_alloc&) {
    return internalError("out of memory");
  } catch (const std::exception& e) {
    return internalError(e.what());
  } catch (...) {
    return internalError("unknown exception");
  }
}

std::string version() {
  return ARGOSIM_VERSION;
}

} // namespace

EMSCRIPTEN_BINDINGS(argosim) {
  emscripten::function("simulate", &simulate);
  emscripten::function("version", &version);
}
