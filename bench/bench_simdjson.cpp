/* bench_simdjson.cpp — a baseline for the input path (bench stage, bench-only C++): simdjson's
 * DOM parse (Debian's libsimdjson-dev), which validates each whole document as csiggen's
 * reader does and builds a tape of every value, on the same lines held in memory as
 * bench_reader's rows. run.sh builds it when simdjson.h and a C++ compiler are present. One
 * line out: one timed pass after an untimed one (which sizes the parser's buffers), as
 * bench_reader times each of its rows once; asserts nothing. */
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#define STRINGIFY2(x) #x
#define STRINGIFY(x) STRINGIFY2(x)
#define STRINGIFY_VERSION STRINGIFY(SIMDJSON_VERSION)

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_simdjson CRASHES.jsonl\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in)
        return 2;
    std::vector<simdjson::padded_string> lines;
    std::string line;
    size_t bytes = 0;
    while (std::getline(in, line)) {
        bytes += line.size() + 1;
        lines.emplace_back(line);
    }
    if (lines.empty())
        return 2;
    simdjson::dom::parser parser;
    double t = 0;
    size_t valid = 0;
    for (int pass = 0; pass < 2; pass++) {
        valid = 0;
        auto t0 = std::chrono::steady_clock::now();
        for (const auto &s : lines) {
            simdjson::dom::element doc;
            valid += parser.parse(s).get(doc) == simdjson::SUCCESS;
        }
        t = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    double n = (double)lines.size();
    std::printf("simdjson %s DOM parse (%s kernel): %8.0f crashes/s  %7.1f MB/s (%.2f us/crash; %zu valid)\n",
                STRINGIFY_VERSION, simdjson::get_active_implementation()->name().c_str(), n / t,
                (double)bytes / t / 1e6, t / n * 1e6, valid);
    return 0;
}
