#pragma once
// Private helpers around the GDAL/OGR C++ API. Never include from a public header.
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/table_writer.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <memory>
#include <string>

namespace gebiedscan::gis::detail {

template <auto Fn>
struct CDeleter {
    template <class T>
    void operator()(T* p) const noexcept
    {
        if (p) Fn(p);
    }
};

inline void closeDataset(GDALDataset* ds)
{
    GDALClose(GDALDataset::ToHandle(ds));
}
inline void destroyFeature(OGRFeature* f)
{
    OGRFeature::DestroyFeature(f);
}
inline void destroyTransform(OGRCoordinateTransformation* t)
{
    OGRCoordinateTransformation::DestroyCT(t);
}

using DatasetPtr = std::unique_ptr<GDALDataset, CDeleter<&closeDataset>>;
using FeaturePtr = std::unique_ptr<OGRFeature, CDeleter<&destroyFeature>>;
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, CDeleter<&destroyTransform>>;

/// Registers GDAL drivers once; quiets GDAL's default stderr handler (errors go into exceptions).
void ensureGdal();

/// The vector formats gebiedscan reads (a null-terminated list of GDAL driver names for
/// GDALDataset::Open). Left out on purpose: drivers that can read other files or run SQL or
/// programs on behalf of a file (OGR_VRT, GPSBabel), and network services (WFS, HTTP, ...).
const char* const* readableVectorDrivers();

/// Opens `path` read-only as a vector dataset with one of readableVectorDrivers(), passing
/// `openOptions` (null-terminated). Returns null when it cannot; then refusedFormat(path) tells
/// whether GDAL knows it as a format that is deliberately not read.
DatasetPtr openVector(const std::string& path, const char* const* openOptions = nullptr);

/// "'x.vrt' is a Virtual Datasource (OGR_VRT) file, which gebiedscan does not read: ..." when GDAL
/// recognises `path` as a format outside readableVectorDrivers(); empty otherwise.
std::string refusedFormat(const std::string& path);

/// The last GDAL error message, or `fallback` if there is none.
std::string lastGdalError(const std::string& fallback = "unknown GDAL error");

/// A spatial reference from "EPSG:28992", WKT or a PROJ string, in traditional GIS axis order.
/// Throws InputError naming `what` when it cannot be parsed.
OGRSpatialReference makeSrs(const std::string& definition, const std::string& what);

/// "EPSG:n" when the SRS has an EPSG code, else its name.
std::string srsLabel(const OGRSpatialReference& srs);

/// Converts an OGR geometry (any type; curves linearised) to core types. Returns Kind::None for
/// empty or unsupported geometries.
FeatureGeometry toFeatureGeometry(const OGRGeometry* geometry);

/// Converts core geometry to a new OGR geometry (caller owns).
std::unique_ptr<OGRGeometry> toOgrGeometry(const FeatureGeometry& geometry);

/// Shortest round-trip text of a real; decimal comma for Dutch CSV.
std::string formatReal(double v, bool decimalComma);

/// Sets a feature's fields from a row (Suppressed -> NULL, or its text when `asText`).
void setFeatureValues(OGRFeature& f, const std::vector<Value>& row, bool asText, const WriteOptions& options);

} // namespace gebiedscan::gis::detail
