// schema.h: the JSON Schema (draft 2020-12) of the data format, emitted from the field tables
// (core/fields.h). docs/data-format.schema.json is this text; a unit test fails when they differ
// (regenerate with `build/native/jcm-validate --emit-schema > docs/data-format.schema.json`).
#pragma once

#include <string>

namespace jcm {

// The schema as 2-space indented JSON text, ending in a newline.
std::string DataFormatSchema();

}  // namespace jcm
