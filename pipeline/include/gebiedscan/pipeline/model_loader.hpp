#pragma once
#include "gebiedscan/core/scan_model.hpp"

#include <filesystem>
#include <string>

namespace gebiedscan::pipeline {

/// The default model shipped in data/model/default_model.toml (found next to the executable's
/// install prefix or in the source tree).
[[nodiscard]] std::filesystem::path defaultModelPath();

/// Reads a scan model from TOML ([model], [[theme]], [[category]], [[period]]). Throws
/// InputError naming the file, line and key when the file is malformed. Periods are optional
/// here: they are often given by the project file or the command line.
[[nodiscard]] ScanModel loadScanModel(const std::filesystem::path& file);

/// Parses a period bound: a TOML-style date "2023-01-01" or any format parseTimeInterval takes.
/// `end`: the bound is inclusive, so the period runs to the end of that day (or year).
[[nodiscard]] LocalTime parsePeriodBound(const std::string& text, bool end, const std::string& where);

} // namespace gebiedscan::pipeline
