# libFuzzer targets, built with clang in their own build dir (scripts/fuzz.sh, `make fuzz`). Each links only
# the sources its feed reaches (a static library: the linker takes the objects it needs), not riskwatch_core.
set(FUZZ_SANITIZERS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer)
set(FUZZ_SOURCES
  platform/errors.cpp platform/text.cpp platform/dates.cpp platform/json_input.cpp platform/embedded.cpp
  platform/vocabulary.cpp platform/db/database.cpp accounts/actor.cpp
  platform/http/static_files.cpp platform/http/compression.cpp platform/http/problem.cpp platform/http/message.cpp
  platform/http/request_body.cpp
  spreadsheet/read_support.cpp spreadsheet/table.cpp spreadsheet/csv_reader.cpp spreadsheet/xlsx_reader.cpp
  spreadsheet/xml_stream.cpp
  forms/template.cpp forms/template_schema.cpp forms/form_rules.cpp forms/shipped.cpp forms/xlsform_import.cpp
  forms/xlsform_format.cpp forms/xlsform_relevant.cpp
  calendar/arrangement.cpp calendar/working_calendar.cpp
  files/media_type.cpp files/image_probe.cpp files/exif_text.cpp files/perceptual_hash.cpp
  registry/enterprise_record.cpp registry/industries.cpp registry/uscc.cpp registry/vocabularies.cpp
  hazards/hazard_facts.cpp hazards/hazard_vocabularies.cpp inspections/inspection_vocabularies.cpp
  safety/risk_records.cpp safety/risk_rules.cpp suminsured/sum_insured_rules.cpp services/catalog_record.cpp
  notices/notice_fields.cpp)
list(TRANSFORM FUZZ_SOURCES PREPEND ${CMAKE_SOURCE_DIR}/src/)
add_library(fuzz_feeds STATIC ${FUZZ_SOURCES} ${EMBED_OUT} fuzz/feed_bodies.cpp fuzz/feed_files.cpp
                              fuzz/no_database.cpp)
target_include_directories(fuzz_feeds PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_compile_definitions(fuzz_feeds PUBLIC RISKWATCH_VERSION="${PROJECT_VERSION}")
target_compile_options(fuzz_feeds PUBLIC ${FUZZ_SANITIZERS})
target_link_libraries(fuzz_feeds PUBLIC nlohmann_json::nlohmann_json spdlog::spdlog PkgConfig::LIBZIP
                                        PkgConfig::EXPAT PkgConfig::PUGIXML ${VIPS_LINK_LIBRARIES} ZLIB::ZLIB)

set(FUZZ_FEEDS json_body inspection_answers template_json xlsform sheet calendar upload static_path)
foreach(feed IN LISTS FUZZ_FEEDS)
  add_executable(fuzz_${feed} fuzz/entry.cpp)
  target_compile_definitions(fuzz_${feed} PRIVATE RW_FUZZ_FEED=feed_${feed})
  target_link_options(fuzz_${feed} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_${feed} PRIVATE fuzz_feeds)
  set_target_properties(fuzz_${feed} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
endforeach()
list(TRANSFORM FUZZ_FEEDS PREPEND fuzz_)
add_custom_target(fuzz_all)
add_dependencies(fuzz_all ${FUZZ_FEEDS})
