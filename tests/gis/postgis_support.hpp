#pragma once
// A scratch schema in the PostGIS test database named by GEBIEDSCAN_TEST_PG (a GDAL connection
// string such as "PG:dbname=gebiedscan_test", the owner). Tables are loaded with GDAL's ogr2ogr
// and queried with psql: tools independent of our reader. gebiedscan reads them through
// GEBIEDSCAN_TEST_PG_READER when set (scripts/test.sh: the role gebiedscan_reader, no superuser,
// granted SELECT on the schema only), as a police database would be read. The schema is dropped on
// destruction.
#include "gis_test_support.hpp"

#include <cstdlib>
#include <string>
#include <unistd.h>

namespace gebiedscan::testing {

class PostGisDatabase {
public:
    PostGisDatabase()
    {
        if (const char* pg = std::getenv("GEBIEDSCAN_TEST_PG"); pg && *pg) m_admin = pg;
        const char* reader = std::getenv("GEBIEDSCAN_TEST_PG_READER");
        m_connection = reader && *reader ? reader : m_admin;
        m_readerRole = reader && *reader;
        static int counter = 0;
        m_schema = "gst_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    }
    ~PostGisDatabase()
    {
        if (m_created) run("psql -qAt " + libpq() + " -c 'DROP SCHEMA IF EXISTS " + m_schema + " CASCADE'");
    }
    PostGisDatabase(const PostGisDatabase&) = delete;
    PostGisDatabase& operator=(const PostGisDatabase&) = delete;

    [[nodiscard]] bool available() const { return !m_admin.empty(); }
    /// True when gebiedscan reads through the non-superuser role.
    [[nodiscard]] bool readsAsReader() const { return m_readerRole; }
    static std::string skipReason()
    {
        return "GEBIEDSCAN_TEST_PG is not set (scripts/test.sh starts PostgreSQL + PostGIS and sets it)";
    }
    /// The GDAL connection string ("PG:...") gebiedscan reads through.
    [[nodiscard]] const std::string& connection() const { return m_connection; }
    [[nodiscard]] const std::string& schema() const { return m_schema; }
    /// "schema.table", the layer name GDAL's PostgreSQL driver uses outside the public schema.
    [[nodiscard]] std::string table(const std::string& name) const { return m_schema + "." + name; }
    [[nodiscard]] const std::string& lastLog() const { return m_log; }

    bool createSchema()
    {
        m_created =
            run("psql -qAt -v ON_ERROR_STOP=1 " + libpq() + " -c 'CREATE SCHEMA " + m_schema + "'", &m_log) == 0;
        if (m_created && m_readerRole)
            m_created = query("GRANT USAGE ON SCHEMA " + m_schema +
                              " TO gebiedscan_reader; ALTER DEFAULT PRIVILEGES IN SCHEMA " + m_schema +
                              " GRANT SELECT ON TABLES TO gebiedscan_reader")
                            .rfind("ERROR", 0) != 0;
        return m_created;
    }

    /// Loads a vector file as schema.table with ogr2ogr (geometry column "geom", CRS kept).
    bool load(const std::filesystem::path& file, const std::string& table, const std::string& extra = "")
    {
        return run("ogr2ogr -q -f PostgreSQL " + shellQuote(m_admin) + " " + quote(file) + " -nln " +
                       this->table(table) + " -lco GEOMETRY_NAME=geom -lco FID=fid " + extra,
                   &m_log) == 0;
    }

    /// Runs SQL through psql; returns its unaligned output without the final newline.
    std::string query(const std::string& sql)
    {
        const auto file = std::filesystem::temp_directory_path() / (m_schema + ".sql");
        writeText(file, sql + ";\n");
        std::string out;
        const int rc = run("psql -qAt -F '|' -v ON_ERROR_STOP=1 " + libpq() + " -f " + quote(file), &out);
        std::filesystem::remove(file);
        m_log = out;
        if (rc != 0) return "ERROR: " + out;
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        return out;
    }

private:
    static std::string shellQuote(const std::string& s)
    {
        std::string out = "'";
        for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return out + "'";
    }
    // psql takes the libpq part of GDAL's "PG:..." string as its database argument.
    [[nodiscard]] std::string libpq() const
    {
        return "-d " + shellQuote(m_admin.rfind("PG:", 0) == 0 ? m_admin.substr(3) : m_admin);
    }

    std::string m_admin;      // the owner: loads and drops fixtures
    std::string m_connection; // what gebiedscan reads through
    bool m_readerRole = false;
    std::string m_schema;
    std::string m_log;
    bool m_created = false;
};

} // namespace gebiedscan::testing
