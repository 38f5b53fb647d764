// synthetic.h: a synthetic dataset in the documented format (docs/data-format.md), for
// benchmarks at a scale far beyond Jining's, plus one goal per area. Two shapes:
//  - shared borders (the hard case, the default): a grid of irregular cells, neighbours sharing
//    each wiggly border vertex for vertex, as real administrative boundaries do; all on screen
//    at the fitted view; coordinates with 6 decimals (~10 cm), as boundary files carry them;
//  - sparse: star-shaped areas apart from each other, 3 decimals.
#pragma once

#include <string>

namespace jcm::bench {

struct SyntheticSpec {
    int areas = 2000;
    int vertices_per_area = 500;  // 2,000 x 500 = 1,000,000 boundary vertices (in the file's rings)
    bool shared_borders = true;
};

// The dataset as JSON text: about 23 MB with shared borders (6 decimals), 14 MB sparse.
std::string SyntheticDataset(const SyntheticSpec& spec);

}  // namespace jcm::bench
