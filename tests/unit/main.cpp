// The doctest runner for every file in tests/unit/ (one executable, run by CTest).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest.h>
