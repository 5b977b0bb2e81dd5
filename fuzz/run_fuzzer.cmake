# cmake -DFUZZER=... -DSECONDS=... -DDICT=... -DCORPUS=... -DSEEDS=... -DFINDINGS=... -P run_fuzzer.cmake
# Runs libFuzzer in fork mode, so that one crash, timeout or OOM is recorded and the run goes on to find the
# next; fails at the end if the run left new findings. ARGOSIM_FUZZ_SECONDS in the environment overrides SECONDS.
if(DEFINED ENV{ARGOSIM_FUZZ_SECONDS})
  set(SECONDS "$ENV{ARGOSIM_FUZZ_SECONDS}")
endif()
file(MAKE_DIRECTORY "${CORPUS}" "${FINDINGS}")
file(GLOB before "${FINDINGS}/*")
message(STATUS "fuzz: ${SECONDS} s; corpus ${CORPUS}; findings ${FINDINGS}")
execute_process(
  COMMAND "${FUZZER}" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -max_total_time=${SECONDS}
          -timeout=20 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -dict=${DICT}
          -artifact_prefix=${FINDINGS}/ "${CORPUS}" "${SEEDS}"
  RESULT_VARIABLE rc)
file(GLOB after "${FINDINGS}/*")
list(REMOVE_ITEM after ${before})
if(after)
  list(JOIN after "\n  " list)
  message(FATAL_ERROR "fuzz: new findings (replay one with ${FUZZER} <file>):\n  ${list}")
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fuzz: libFuzzer exited with ${rc}")
endif()
message(STATUS "fuzz: no findings")
