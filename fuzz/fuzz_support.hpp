#pragma once
// Shared by the libFuzzer targets: inputs go through the real file-based reading paths, so each
// input is written to a scratch file (in /dev/shm when available) first.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace gebiedscan::fuzz {

/// Silences GDAL's stderr output (it would drown libFuzzer's) and pins the C locale.
void quietGdal();

/// Writes the bytes to a per-process scratch file with the given extension; returns its path.
/// The same path is reused for every input of a run.
std::filesystem::path writeInput(const std::uint8_t* data, std::size_t size, const std::string& extension);
std::filesystem::path writeInput(const std::string& text, const std::string& extension);

} // namespace gebiedscan::fuzz
