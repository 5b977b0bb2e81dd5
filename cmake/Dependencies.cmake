# yaml-cpp, nlohmann/json and Catch2: from Debian natively; for WebAssembly, yaml-cpp is built from Debian's source.
if(NOT EMSCRIPTEN)
  find_package(yaml-cpp 0.7 REQUIRED)
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(Catch2 3 REQUIRED)
  include(Catch)
  return()
endif()
