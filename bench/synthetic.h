// synthetic.h: a synthetic dataset in the documented format (docs/data-format.md), for
// benchmarks at a scale far beyond Jining's: `areas` areas on a grid, each one star-shaped
// polygon of `vertices_per_area` vertices (simple by construction), plus one goal per area.
#pragma once

#include <string>

namespace jcm::bench {

struct SyntheticSpec {
    int areas = 2000;
    int vertices_per_area = 500;  // 2,000 x 500 = 1,000,000 boundary vertices
};

// The dataset as JSON text. Coordinates have 3 decimals (~100 m): at 1,000,000 vertices the
// format's 16 MiB file limit leaves room for about 15 bytes per vertex.
std::string SyntheticDataset(const SyntheticSpec& spec);

}  // namespace jcm::bench
