// Incident ingestion of GEOJSON through the real reading path (see incidents_fuzz.hpp).
#include "incidents_fuzz.hpp"

static gebiedscan::fuzz::IncidentHarness* harness = nullptr;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    gebiedscan::fuzz::quietGdal();
    harness = new gebiedscan::fuzz::IncidentHarness();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    harness->run(data, size, ".geojson");
    return 0;
}
