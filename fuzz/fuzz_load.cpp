// fuzz_load.cpp: libFuzzer target for the data loader and validator (LoadDataset), and for the
// geometry preparation (BuildMapGeometry) of whatever it accepts, plus hit tests on the result.
//
// Built only with clang and -DJCM_FUZZ=ON (CMakeLists.txt, "fuzzing" banner); run by `make fuzz`
// (FUZZ_SECONDS=…) and, briefly, by `make test`. Seed corpus: tests/fixtures/ (every .json).
// A crash, leak, timeout or sanitizer report is a bug: save the input as tests/fixtures/fuzz/<name>.json;
// tests/unit/test_fuzz_regressions.cpp loads every file there.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/geometry.h"
#include "core/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Smaller caps than the defaults keep each run fast; the code paths are the same.
    jcm::LoadLimits limits;
    limits.max_bytes = 1u << 20;
    limits.max_vertices = 200000;
    jcm::LoadResult r = jcm::LoadDataset(text, "fuzz.json", limits);
    for (const jcm::Problem& p : r.problems) (void)jcm::FormatProblem(p, jcm::Lang::En);
    if (!r.Ok()) return 0;
    const jcm::MapGeometry g = jcm::BuildMapGeometry(r.data);
    // Probe the hit index at each area's label and at the corners of the bounds.
    for (const jcm::AreaGeometry& a : g.areas)
        if (a.has_label) (void)g.HitTest(a.label);
    if (g.bounds.Valid()) {
        (void)g.HitTest(g.bounds.min);
        (void)g.HitTest(g.bounds.max);
        (void)g.HitTest(g.bounds.Center());
    }
    return 0;
}
