# yaml-cpp, nlohmann/json and Catch2 v3: from Debian natively; for WebAssembly, yaml-cpp and Catch2 are compiled
# from Debian's source packages (unpacked into third_party/ by scripts/setup.sh) inside this same build, so the
# toolchain, the -O level and the exception model flow into them. Recipe: /work/shared/research/toolchain.md.
if(NOT EMSCRIPTEN)
  find_package(yaml-cpp 0.7 REQUIRED)
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(Catch2 3 REQUIRED)
  include(Catch)
  # Catch.cmake keeps its helper's path in this variable; ours handles '[' in test names (see the file).
  set(_CATCH_DISCOVER_TESTS_SCRIPT "${PROJECT_SOURCE_DIR}/cmake/CatchAddTests.cmake")
  return()
endif()

# --- WebAssembly (emscripten 3.1.6 through the wasm preset's toolchainFile, never emcmake: pitfall P3) ---

# One exception model for every object, dependencies included: mixing -fexceptions and -fwasm-exceptions fails to
# link or loses unwinding (toolchain.md F4, F5). Must precede every add_subdirectory below.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

# emcc's -Os also sets INLINING_LIMIT=1, which passes -fno-inline-functions to clang: even std::string::size()
# stays a call. Undoing that keeps -Os elsewhere: 3.6x faster simulations (scripts/bench.sh: WASM/native from 6x
# to about 2x) for a larger module (argosim.wasm 278 KB -> 332 KB gzipped).
add_compile_options(-sINLINING_LIMIT=0)
add_link_options(-sINLINING_LIMIT=0)

# em++ runs Debian's acorn-optimizer.js at link time; NodeSource's node does not search /usr/share/nodejs (P1).
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)

set(ARGOSIM_THIRD_PARTY "${PROJECT_SOURCE_DIR}/third_party")
foreach(dep yaml-cpp catch2)
  if(NOT EXISTS "${ARGOSIM_THIRD_PARTY}/${dep}/CMakeLists.txt")
    message(FATAL_ERROR "third_party/${dep} is missing: run scripts/setup.sh (it unpacks Debian's source package)")
  endif()
endforeach()

# yaml-cpp 0.7.0 (Debian's source, Debian's patches): a static library named `yaml-cpp`, like Debian's native target.
set(YAML_CPP_BUILD_TESTS OFF CACHE BOOL "" FORCE)
set(YAML_CPP_BUILD_TOOLS OFF CACHE BOOL "" FORCE)
set(YAML_CPP_BUILD_CONTRIB OFF CACHE BOOL "" FORCE)
set(YAML_CPP_INSTALL OFF CACHE BOOL "" FORCE)
set(YAML_BUILD_SHARED_LIBS OFF CACHE BOOL "" FORCE)
set(YAML_CPP_CLANG_FORMAT_EXE "" CACHE FILEPATH "" FORCE)
add_subdirectory("${ARGOSIM_THIRD_PARTY}/yaml-cpp" "${PROJECT_BINARY_DIR}/_deps/yaml-cpp" EXCLUDE_FROM_ALL SYSTEM)
target_compile_options(yaml-cpp PRIVATE -w) # its own -Wshadow/-Weffc++ noise under clang

# nlohmann/json is header-only. Never put /usr/include on em++'s include path (it drags in glibc headers, P2):
# copy just the nlohmann directory into the build tree and wrap it in the same target name Debian exports.
find_path(ARGOSIM_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)
file(COPY "${ARGOSIM_NLOHMANN_DIR}/nlohmann" DESTINATION "${PROJECT_BINARY_DIR}/_deps/nlohmann/include")
add_library(argosim_nlohmann_json INTERFACE)
target_include_directories(argosim_nlohmann_json SYSTEM INTERFACE "${PROJECT_BINARY_DIR}/_deps/nlohmann/include")
add_library(nlohmann_json::nlohmann_json ALIAS argosim_nlohmann_json)

# Catch2 3.7.1 from bookworm-backports' source: the same version as the native libcatch2-dev, so the same test
# sources run natively and under node. Its CMakeLists exports Catch2::Catch2WithMain and puts extras/ (Catch.cmake)
# on CMAKE_MODULE_PATH.
set(CATCH_INSTALL_DOCS OFF CACHE BOOL "" FORCE)
set(CATCH_INSTALL_EXTRAS OFF CACHE BOOL "" FORCE)
set(CATCH_DEVELOPMENT_BUILD OFF CACHE BOOL "" FORCE)
add_subdirectory("${ARGOSIM_THIRD_PARTY}/catch2" "${PROJECT_BINARY_DIR}/_deps/catch2" EXCLUDE_FROM_ALL SYSTEM)
target_compile_options(Catch2 PRIVATE -w)
list(APPEND CMAKE_MODULE_PATH "${ARGOSIM_THIRD_PARTY}/catch2/extras")
include(Catch)
set(_CATCH_DISCOVER_TESTS_SCRIPT "${PROJECT_SOURCE_DIR}/cmake/CatchAddTests.cmake") # as in the native branch
