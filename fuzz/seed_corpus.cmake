# cmake -DROOT=<repo> -DOUT=<dir> -P seed_corpus.cmake: copies the seed inputs (every YAML the project already
# tests or shows) into one directory for libFuzzer. Inputs over libFuzzer's -max_len are truncated by it.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
file(GLOB seeds "${ROOT}/tests/scenarios/*.yaml" "${ROOT}/public/examples/*.yaml" "${ROOT}/tests/bad/*.yaml")
foreach(seed IN LISTS seeds)
  # A hostile case marked `skip` is one the engine cannot finish yet (a known hang or crash): as a seed it would
  # only spend the run re-finding it.
  string(REGEX REPLACE "\\.yaml$" ".expected.json" expected "${seed}")
  if(EXISTS "${expected}")
    file(READ "${expected}" text)
    if(text MATCHES "\"skip\"")
      continue()
    endif()
  endif()
  get_filename_component(parent "${seed}" DIRECTORY)
  get_filename_component(group "${parent}" NAME)
  get_filename_component(name "${seed}" NAME)
  # A seed keeps its folder in its name: tests/bad and tests/scenarios may share a file name.
  file(COPY_FILE "${seed}" "${OUT}/${group}-${name}" ONLY_IF_DIFFERENT)
endforeach()
file(GLOB copied "${OUT}/*")
list(LENGTH copied count)
message(STATUS "fuzz: ${count} seed inputs in ${OUT}")
