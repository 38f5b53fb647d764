// jcm-validate: checks campaign data files (docs/data-format.md) before they are published.
//
//   jcm-validate [--lang zh|en] FILE...
//   jcm-validate --emit-schema       (prints docs/data-format.schema.json, made from core/fields.h)
//
// Prints every problem of every file and a one-line summary per file. Exit status: 0 all files
// valid (warnings allowed), 1 some file invalid or unreadable, 2 usage error. Only regular files
// are read, and at most one byte more than the size limit, so directories, FIFOs, devices and
// huge files can neither hang nor exhaust it.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "core/load.h"
#include "core/schema.h"

namespace {

constexpr int kExitValid = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

void PrintUsage(std::FILE* to) {
    std::fputs(
        "usage: jcm-validate [--lang zh|en] FILE...\n"
        "  Checks campaign data files (docs/data-format.md) and prints every problem.\n"
        "  检查数据文件并列出全部问题。\n"
        "  --lang zh|en  message language (default: zh if $LANG starts with zh, else en)\n"
        "  --emit-schema print the JSON Schema of the format (docs/data-format.schema.json) and exit\n"
        "  exit status: 0 valid (warnings allowed), 1 invalid or unreadable, 2 usage error\n",
        to);
}

jcm::Lang DefaultLang() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v != nullptr && v[0] != '\0') return std::strncmp(v, "zh", 2) == 0 ? jcm::Lang::Zh : jcm::Lang::En;
    }
    return jcm::Lang::En;
}

// Reads at most max_bytes + 1 bytes (enough for the loader to refuse an oversized file).
// Returns false with a bilingual reason when the file cannot be read as a regular file.
bool ReadFile(const std::string& path, size_t max_bytes, std::string* out, jcm::Text* why) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        *why = {"文件不存在或无法访问", "no such file, or it cannot be accessed"};
        return false;
    }
    if (std::filesystem::is_directory(status)) {
        *why = {"这是一个目录，不是文件", "is a directory, not a file"};
        return false;
    }
    if (!std::filesystem::is_regular_file(status)) {
        *why = {"不是普通文件", "not a regular file"};
        return false;
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        *why = {std::string("无法打开：") + std::strerror(errno), std::string("cannot open: ") + std::strerror(errno)};
        return false;
    }
    out->clear();
    char buf[1 << 16];
    bool ok = true;
    while (out->size() <= max_bytes) {
        const size_t n = std::fread(buf, 1, sizeof buf, f);
        out->append(buf, n);
        if (n < sizeof buf) {
            ok = std::ferror(f) == 0;
            break;
        }
    }
    std::fclose(f);
    if (!ok) *why = {"读取失败", "read error"};
    return ok;
}

// Validates one file and prints its problems and summary; returns whether it is valid.
bool ValidateFile(const std::string& path, jcm::Lang lang) {
    const bool zh = lang == jcm::Lang::Zh;
    const jcm::LoadLimits limits;
    std::string text;
    jcm::Text why;
    if (!ReadFile(path, limits.max_bytes, &text, &why)) {
        std::printf("%s: %s: %s\n", path.c_str(), zh ? "错误" : "error", why.Get(lang).c_str());
        std::printf(zh ? "%s：无法读取——无效\n" : "%s: unreadable - INVALID\n", path.c_str());
        return false;
    }
    jcm::LoadResult result;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits.max_bytes) {
        // Only max_bytes + 1 bytes were read; say how big the file really is.
        jcm::Problem p;
        p.file = path;
        p.message = {"文件过大：" + std::to_string(size) + " 字节，上限 " + std::to_string(limits.max_bytes) + " 字节",
                     "file too large: " + std::to_string(size) + " bytes, the limit is " +
                         std::to_string(limits.max_bytes) + " bytes"};
        result.problems.push_back(std::move(p));
    } else {
        result = jcm::LoadDataset(text, path, limits);
    }
    for (const jcm::Problem& p : result.problems) std::printf("%s\n", jcm::FormatProblem(p, lang).c_str());
    const int errors = result.ErrorCount(), warnings = result.WarningCount();
    if (zh) {
        std::printf("%s：%d 个错误，%d 个警告——%s\n", path.c_str(), errors, warnings, result.Ok() ? "有效" : "无效");
    } else {
        std::printf("%s: %d error%s, %d warning%s - %s\n", path.c_str(), errors, errors == 1 ? "" : "s", warnings,
                    warnings == 1 ? "" : "s", result.Ok() ? "valid" : "INVALID");
    }
    return result.Ok();
}

}  // namespace

int main(int argc, char** argv) {
    jcm::Lang lang = DefaultLang();
    std::vector<std::string> files;
    bool options_done = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (options_done || arg.empty() || arg[0] != '-' || arg == "-") {
            files.push_back(arg);
        } else if (arg == "--") {
            options_done = true;
        } else if (arg == "--emit-schema") {
            std::fputs(jcm::DataFormatSchema().c_str(), stdout);  // docs/data-format.schema.json
            return kExitValid;
        } else if (arg == "--help" || arg == "-h") {
            PrintUsage(stdout);
            return kExitValid;
        } else if (arg == "--lang" || arg.rfind("--lang=", 0) == 0) {
            std::string value;
            if (arg == "--lang") {
                if (i + 1 >= argc) {
                    std::fputs("jcm-validate: --lang needs zh or en\n", stderr);
                    PrintUsage(stderr);
                    return kExitUsage;
                }
                value = argv[++i];
            } else {
                value = arg.substr(7);
            }
            if (value == "zh") {
                lang = jcm::Lang::Zh;
            } else if (value == "en") {
                lang = jcm::Lang::En;
            } else {
                std::fprintf(stderr, "jcm-validate: unknown language '%s' (zh or en)\n", value.c_str());
                PrintUsage(stderr);
                return kExitUsage;
            }
        } else {
            std::fprintf(stderr, "jcm-validate: unknown option '%s'\n", arg.c_str());
            PrintUsage(stderr);
            return kExitUsage;
        }
    }
    if (files.empty()) {
        std::fputs("jcm-validate: no file given\n", stderr);
        PrintUsage(stderr);
        return kExitUsage;
    }
    bool all_valid = true;
    for (const std::string& f : files) all_valid = ValidateFile(f, lang) && all_valid;
    return all_valid ? kExitValid : kExitInvalid;
}
