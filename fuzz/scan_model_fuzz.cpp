// Fuzzes the TOML readers: the scan model (loadScanModel + validate + classification) and the
// project file (loadProjectFile). Bad input must end in gebiedscan::Error with a message; any
// other exception, crash, leak or sanitizer report is a finding.
#include "fuzz_support.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/scan_options.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include <cstdint>

using namespace gebiedscan;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quietGdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto file = fuzz::writeInput(data, size, ".toml");
    try {
        ScanModel model = pipeline::loadScanModel(file);
        model.validate();
        const CategoryClassifier classifier(model);
        for (const char* code : {"1.1.1", "1.4.2", "", " 2.5.1 ", "9.9.9"})
            (void)classifier.classify(code, "Woninginbraak");
        (void)model.currentPeriod();
    } catch (const Error&) {}
    try {
        pipeline::ScanOptions options;
        pipeline::loadProjectFile(file, options);
    } catch (const Error&) {}
    return 0;
}
