# Imported targets for the Debian bookworm packages Lernraum builds against.
# Nothing is downloaded; nothing is vendored. See third_party/README.md for versions and licences.

find_package(PkgConfig REQUIRED)

# cereal 1.3 (header-only) + the system RapidJSON it uses.
find_package(cereal CONFIG QUIET)
find_package(RapidJSON CONFIG QUIET)
add_library(lernraum::cereal INTERFACE IMPORTED)
if(TARGET cereal::cereal)
  target_link_libraries(lernraum::cereal INTERFACE cereal::cereal)
elseif(TARGET cereal)
  target_link_libraries(lernraum::cereal INTERFACE cereal)
else()
  find_path(CEREAL_INCLUDE_DIR cereal/cereal.hpp REQUIRED)
  target_include_directories(lernraum::cereal INTERFACE ${CEREAL_INCLUDE_DIR})
endif()
find_path(RAPIDJSON_INCLUDE_DIR rapidjson/document.h REQUIRED)
target_include_directories(lernraum::cereal INTERFACE ${RAPIDJSON_INCLUDE_DIR})

# CLI11 (header-only) for the command line.
find_package(CLI11 CONFIG QUIET)
add_library(lernraum::cli11 INTERFACE IMPORTED)
if(TARGET CLI11::CLI11)
  target_link_libraries(lernraum::cli11 INTERFACE CLI11::CLI11)
else()
  find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
  target_include_directories(lernraum::cli11 INTERFACE ${CLI11_INCLUDE_DIR})
endif()

# libsodium: keyed hashing (pseudonyms) and SHA-256 (manifest) for the research export.
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
add_library(lernraum::sodium INTERFACE IMPORTED)
target_link_libraries(lernraum::sodium INTERFACE PkgConfig::SODIUM)

# ICU (common library only): Unicode normalization (NFKC, case folding), character properties and
# decomposition for the free-text scrubber of the report and the research export (lernraum_report).
pkg_check_modules(ICU_UC REQUIRED IMPORTED_TARGET icu-uc)
add_library(lernraum::icu INTERFACE IMPORTED)
target_link_libraries(lernraum::icu INTERFACE PkgConfig::ICU_UC)

# Dear ImGui 1.86 (static library with the GLFW + OpenGL3 backends) + stb.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
add_library(lernraum::imgui INTERFACE IMPORTED)
target_link_libraries(lernraum::imgui INTERFACE PkgConfig::IMGUI PkgConfig::STB PkgConfig::FREETYPE)

# libhyphen (hyphenation patterns of LibreOffice/TeX; the German patterns come from hyphen-de at
# run time): line breaks inside long German compounds on narrow board columns.
find_path(HYPHEN_INCLUDE_DIR hyphen.h REQUIRED)
find_library(HYPHEN_LIBRARY hyphen REQUIRED)
add_library(lernraum::hyphen INTERFACE IMPORTED)
target_include_directories(lernraum::hyphen INTERFACE ${HYPHEN_INCLUDE_DIR})
target_link_libraries(lernraum::hyphen INTERFACE ${HYPHEN_LIBRARY})

pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3)
add_library(lernraum::glfw INTERFACE IMPORTED)
target_link_libraries(lernraum::glfw INTERFACE PkgConfig::GLFW)

find_package(OpenGL REQUIRED)
add_library(lernraum::gl INTERFACE IMPORTED)
target_link_libraries(lernraum::gl INTERFACE OpenGL::GL ${CMAKE_DL_LIBS})

pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
add_library(lernraum::fontconfig INTERFACE IMPORTED)
target_link_libraries(lernraum::fontconfig INTERFACE PkgConfig::FONTCONFIG)

# Catch2 2.x for tests.
if(LERNRAUM_BUILD_TESTS)
  find_package(Catch2 REQUIRED)
  include(Catch)
endif()

# gettext tools (msgfmt) compile the .po catalogues.
find_program(MSGFMT_EXECUTABLE msgfmt)

# Participants' room: libmicrohttpd (HTTP server with its own epoll thread, suspend/resume for
# event streams) and RapidJSON for the small request bodies (src/room only).
pkg_check_modules(MICROHTTPD REQUIRED IMPORTED_TARGET libmicrohttpd)
add_library(lernraum::microhttpd INTERFACE IMPORTED)
target_link_libraries(lernraum::microhttpd INTERFACE PkgConfig::MICROHTTPD)
add_library(lernraum::rapidjson INTERFACE IMPORTED)
target_include_directories(lernraum::rapidjson INTERFACE ${RAPIDJSON_INCLUDE_DIR})
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
add_library(lernraum::qrencode INTERFACE IMPORTED)
target_link_libraries(lernraum::qrencode INTERFACE PkgConfig::QRENCODE)

# The ODT transfer report (lernraum_report): libzip writes the OpenDocument zip package in memory
# (mimetype first and stored, the rest deflated); librsvg + cairo render the report's SVG charts to
# the PNG images the document embeds.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
add_library(lernraum::zip INTERFACE IMPORTED)
target_link_libraries(lernraum::zip INTERFACE PkgConfig::LIBZIP)
pkg_check_modules(RSVG REQUIRED IMPORTED_TARGET librsvg-2.0 cairo)
add_library(lernraum::rsvg INTERFACE IMPORTED)
target_link_libraries(lernraum::rsvg INTERFACE PkgConfig::RSVG)

# libreadstat (no pkg-config file in Debian): SPSS .sav and Stata .dta files of the research
# export, with variable and value labels (lernraum_report).
find_path(READSTAT_INCLUDE_DIR readstat.h REQUIRED)
find_library(READSTAT_LIBRARY readstat REQUIRED)
add_library(lernraum::readstat INTERFACE IMPORTED)
target_include_directories(lernraum::readstat INTERFACE ${READSTAT_INCLUDE_DIR})
target_link_libraries(lernraum::readstat INTERFACE ${READSTAT_LIBRARY})
