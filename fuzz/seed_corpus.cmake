# cmake -DROOT=<repo> -DOUT=<dir> -P seed_corpus.cmake: copies the seed inputs (every YAML the project already
# tests or shows) into one directory for libFuzzer. Inputs over libFuzzer's -max_len are truncated by it.
file(MAKE_DIRECTORY "${OUT}")
file(GLOB seeds "${ROOT}/tests/scenarios/*.yaml" "${ROOT}/public/examples/*.yaml" "${ROOT}/tests/bad/*.yaml")
foreach(seed IN LISTS seeds)
  get_filename_component(parent "${seed}" DIRECTORY)
  get_filename_component(group "${parent}" NAME)
  get_filename_component(name "${seed}" NAME)
  # A seed keeps its folder in its name: tests/bad and tests/scenarios may share a file name.
  file(COPY_FILE "${seed}" "${OUT}/${group}-${name}" ONLY_IF_DIFFERENT)
endforeach()
list(LENGTH seeds count)
message(STATUS "fuzz: ${count} seed inputs in ${OUT}")
