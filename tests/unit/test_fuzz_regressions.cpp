// test_fuzz_regressions.cpp: every input in tests/fixtures/fuzz/ (fuzzer crashes and adversarial
// edge cases, see its README) goes through what fuzz/fuzz_load.cpp does: LoadDataset, and for
// accepted data BuildMapGeometry plus hit tests. The checks are that nothing crashes (the
// sanitizer run of the unit tests, build/asan, makes "crash" include memory errors and UB) and
// that the results keep their basic invariants.
#include <doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/campaign.h"
#include "core/export.h"
#include "core/geometry.h"
#include "core/load.h"

namespace {

std::vector<std::filesystem::path> FuzzFixtures() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/fuzz"))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string ReadAll(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("fuzz regressions: every fixture loads (or is rejected) and its geometry builds without crashing") {
    const auto files = FuzzFixtures();
    REQUIRE(files.size() >= 10);
    for (const auto& path : files) {
        const std::string name = path.filename().string();
        CAPTURE(name);
        const jcm::LoadResult r = jcm::LoadDataset(ReadAll(path), name);
        for (const jcm::Problem& p : r.problems) {
            CHECK(p.file == name);
            CHECK_FALSE(jcm::FormatProblem(p, jcm::Lang::En).empty());
        }
        if (!r.Ok()) {
            CHECK(r.ErrorCount() > 0);
            continue;
        }
        // As fuzz/fuzz_load.cpp does after the geometry: the arithmetic, and a write that loads back.
        const jcm::CampaignStats stats = jcm::ComputeStats(r.data);
        CHECK(stats.per_area.size() == r.data.areas.size());
        CHECK(stats.total.goals <= static_cast<int>(r.data.goals.size()));
        const jcm::LoadResult back = jcm::LoadDataset(jcm::DatasetToJson(r.data), name + " (exported)");
        CHECK(back.Ok());
        const jcm::MapGeometry g = jcm::BuildMapGeometry(r.data);
        REQUIRE(g.areas.size() == r.data.areas.size());
        for (const jcm::AreaGeometry& a : g.areas) {
            CHECK(a.indices.size() % 3 == 0);
            for (uint32_t i : a.indices) CHECK(i < a.vertices.size());
            if (a.has_label) {
                const int hit = g.HitTest(a.label);
                CHECK(hit >= -1);
                CHECK(hit < static_cast<int>(g.areas.size()));
            }
        }
        if (g.bounds.Valid()) {
            // The index and the brute-force reference agree on a grid over the bounds (offset so
            // that no point lies exactly on an edge or a vertex, where even-odd is ambiguous).
            for (int yi = 0; yi < 9; ++yi)
                for (int xi = 0; xi < 9; ++xi) {
                    const jcm::Vec2 p{g.bounds.min.x + g.bounds.Width() * (float(xi) + 0.37f) / 9.0f,
                                      g.bounds.min.y + g.bounds.Height() * (float(yi) + 0.61f) / 9.0f};
                    CHECK(g.HitTest(p) == jcm::HitTestBruteForce(g.areas, p));
                }
        }
    }
}
