// The read floor of issue 17: every feature of a layer through GDAL/OGR, single-threaded, with
// every field read as its OGR type (integer, real, date/time, text) and the geometry's
// coordinates touched. Nothing is kept: this is what any program reading the file through GDAL
// pays at least. Prints the features, the fields and the seconds as JSON.
//   read_floor FILE [LAYER]
// Built by bench/read_floor.sh (g++ with gdal-config), not by CMake.
#include <gdal.h>
#include <ogr_api.h>

#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: read_floor FILE [LAYER]\n");
        return 2;
    }
    GDALAllRegister();
    const auto start = std::chrono::steady_clock::now();
    GDALDatasetH ds = GDALOpenEx(argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    OGRLayerH layer = argc > 2 ? GDALDatasetGetLayerByName(ds, argv[2]) : GDALDatasetGetLayer(ds, 0);
    if (!layer) {
        std::fprintf(stderr, "no such layer\n");
        return 1;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int fields = OGR_FD_GetFieldCount(defn);
    long long features = 0;
    double checksum = 0.0; // keeps the reads from being optimised away
    OGRFeatureH f;
    while ((f = OGR_L_GetNextFeature(layer)) != nullptr) {
        ++features;
        for (int i = 0; i < fields; ++i) {
            if (!OGR_F_IsFieldSetAndNotNull(f, i)) continue;
            switch (OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, i))) {
            case OFTInteger:
            case OFTInteger64: checksum += static_cast<double>(OGR_F_GetFieldAsInteger64(f, i)); break;
            case OFTReal: checksum += OGR_F_GetFieldAsDouble(f, i); break;
            case OFTDate:
            case OFTDateTime: {
                int y, m, d, h, min, tz;
                float s;
                OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &h, &min, &s, &tz);
                checksum += y + m + d + h + min;
                break;
            }
            default: checksum += static_cast<double>(std::strlen(OGR_F_GetFieldAsString(f, i)));
            }
        }
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
            if (OGR_G_GetPointCount(g) > 0) checksum += OGR_G_GetX(g, 0) + OGR_G_GetY(g, 0);
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"benchmark\":\"read_floor\",\"features\":%lld,\"fields\":%d,\"seconds\":%.3f,\"checksum\":%.0f}\n",
                features, fields, seconds, checksum);
    return 0;
}
