#include "geopackage_rows.hpp"

#include "gebiedscan/core/error.hpp"

#include <sqlite3.h>

#include <memory>
#include <utility>

namespace gebiedscan::gis::detail {

namespace {

std::string quoted(const std::string& identifier)
{
    std::string out = "\"";
    for (const char c : identifier) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

// One connection; every SQLite error becomes an OutputError naming the file.
class Connection {
public:
    Connection(const std::filesystem::path& file, std::string shownPath) : m_shownPath(std::move(shownPath))
    {
        // NOMUTEX: this connection stays on one thread, so SQLite need not lock every call.
        if (sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) fail();
    }
    ~Connection() { sqlite3_close_v2(m_db); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void execute(const std::string& sql)
    {
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail();
    }
    sqlite3_stmt* prepare(const std::string& sql)
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) fail();
        return statement;
    }
    [[noreturn]] void fail()
    {
        throw OutputError("cannot write '" + m_shownPath + "': " + (m_db ? sqlite3_errmsg(m_db) : "out of memory"));
    }

private:
    sqlite3* m_db = nullptr;
    std::string m_shownPath;
};

using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

} // namespace

void insertAttributeRows(const std::filesystem::path& gpkg, const std::string& layer,
                         const std::vector<std::string>& fields, const Table& table, const std::string& shownPath)
{
    Connection db(gpkg, shownPath);
    // The file is a temporary that replaces the output only once complete: no need for SQLite's
    // crash safety while it is written (the other formats have none either).
    db.execute("PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY");
    db.execute("BEGIN");
    // GDAL's triggers count every insert into gpkg_ogr_contents one row at a time: set them
    // aside, count once, and put them back as they were.
    std::vector<std::pair<std::string, std::string>> triggers; // name, sql
    {
        Statement list(db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"),
                       sqlite3_finalize);
        sqlite3_bind_text(list.get(), 1, layer.c_str(), -1, SQLITE_TRANSIENT);
        int rc;
        while ((rc = sqlite3_step(list.get())) == SQLITE_ROW)
            triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list.get(), 0)),
                                  reinterpret_cast<const char*>(sqlite3_column_text(list.get(), 1)));
        if (rc != SQLITE_DONE) db.fail();
    }
    for (const auto& trigger : triggers) db.execute("DROP TRIGGER " + quoted(trigger.first));

    std::string insert = "INSERT INTO " + quoted(layer) + " (";
    for (std::size_t c = 0; c < fields.size(); ++c) insert += (c ? ", " : "") + quoted(fields[c]);
    insert += ") VALUES (";
    for (std::size_t c = 0; c < fields.size(); ++c) insert += c ? ", ?" : "?";
    insert += ")";
    Statement statement(db.prepare(insert), sqlite3_finalize);
    sqlite3_stmt* s = statement.get();
    std::int64_t rows = 0;
    forEachRow(table, [&](const std::vector<Value>& row, const FeatureGeometry*) {
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const int index = static_cast<int>(c) + 1;
            const Value* v = c < row.size() ? &row[c] : nullptr;
            if (!v) {
                sqlite3_bind_null(s, index);
            } else if (const auto* i = std::get_if<std::int64_t>(v)) {
                sqlite3_bind_int64(s, index, *i);
            } else if (const auto* d = std::get_if<double>(v)) {
                sqlite3_bind_double(s, index, *d);
            } else if (const auto* text = std::get_if<std::string>(v)) {
                // The row outlives the step: SQLite need not copy the text.
                sqlite3_bind_text(s, index, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
            } else {
                sqlite3_bind_null(s, index); // NULL, and a count withheld for disclosure control
            }
        }
        if (sqlite3_step(s) != SQLITE_DONE) db.fail();
        sqlite3_reset(s);
        ++rows;
    });
    statement.reset();

    Statement count(db.prepare("UPDATE gpkg_ogr_contents SET feature_count = coalesce(feature_count, 0) + ? "
                               "WHERE lower(table_name) = lower(?)"),
                    sqlite3_finalize);
    sqlite3_bind_int64(count.get(), 1, rows);
    sqlite3_bind_text(count.get(), 2, layer.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(count.get()) != SQLITE_DONE) db.fail();
    count.reset();
    for (const auto& trigger : triggers) db.execute(trigger.second);
    db.execute("COMMIT");
}

} // namespace gebiedscan::gis::detail
