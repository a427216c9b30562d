#include "blackspot_list.hpp"

#include "gebiedscan/core/error.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace gebiedscan::report {

namespace {

// One CSV line split at `sep`, quotes ("a;b", "") honoured.
QStringList splitCsv(const QString& line, QChar sep)
{
    QStringList out;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                cell += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == sep) {
            out << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    out << cell;
    return out;
}

std::optional<double> number(QString s, bool decimalComma)
{
    s = s.trimmed();
    if (s.isEmpty()) return std::nullopt;
    if (decimalComma) s.replace(u'.', QString()).replace(u',', u'.');
    bool ok = false;
    const double v = s.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

BlackSpotList readBlackSpots(const QString& folder)
{
    BlackSpotList list;
    list.folder = QFileInfo(folder).absoluteFilePath();
    QFile f(QDir(folder).filePath(QStringLiteral("blackspots.csv")));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        throw InputError(
            ("--blackspots '" + folder + "': geen blackspots.csv (maak die met gebiedscan blackspots)").toStdString());
    QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty()) return list;
    QString header = lines.takeFirst();
    if (header.startsWith(QChar(0xfeff))) header.remove(0, 1);
    const QChar sep = header.contains(u';') ? u';' : u',';
    const bool decimalComma = sep == u';';
    const QStringList columns = splitCsv(header.trimmed(), sep);
    const auto col = [&](const char* name) { return columns.indexOf(QString::fromLatin1(name)); };
    const qsizetype kind = col("soort"), rank = col("rang"), def = col("definitie"), rule = col("gehaald"),
                    street = col("straat"), road = col("wegnummer"), n = col("n_ongevallen"), length = col("lengte_m"),
                    x = col("x"), y = col("y");
    if (kind < 0 || n < 0)
        throw InputError(("'" + f.fileName() +
                          "' is geen lijst van gebiedscan blackspots (kolommen soort en "
                          "n_ongevallen ontbreken)")
                             .toStdString());
    QStringList years;
    static const QRegularExpression year(QStringLiteral("^n_(\\d{4})$"));
    for (const QString& c : columns)
        if (const auto m = year.match(c); m.hasMatch()) years << m.captured(1);
    if (!years.isEmpty())
        list.period = years.size() == 1 ? years.first() : years.first() + QStringLiteral("\u2013") + years.last();
    for (const QString& line : lines) {
        const QStringList cells = splitCsv(line.trimmed(), sep);
        const auto at = [&](qsizetype i) { return i >= 0 && i < cells.size() ? cells[i].trimmed() : QString(); };
        BlackSpot b;
        b.kind = at(kind);
        b.rank = at(rank).toInt();
        b.definition = at(def);
        b.rule = at(rule);
        b.street = at(street);
        b.road = at(road);
        b.accidents = number(at(n), decimalComma).value_or(0);
        b.lengthM = number(at(length), decimalComma).value_or(0);
        b.x = number(at(x), decimalComma);
        b.y = number(at(y), decimalComma);
        list.spots.push_back(std::move(b));
    }
    // The run's own words for its definition and period (summary.json beside the list).
    QFile summary(QDir(folder).filePath(QStringLiteral("summary.json")));
    if (summary.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(summary.readAll()).object();
        list.definition =
            o.value(QStringLiteral("criteria")).toObject().value(QStringLiteral("description")).toString();
        const QJsonObject period = o.value(QStringLiteral("period")).toObject();
        const int first = period.value(QStringLiteral("first_year")).toInt(),
                  last = period.value(QStringLiteral("last_year")).toInt();
        if (first > 0 && last >= first)
            list.period = first == last ? QString::number(first) : QStringLiteral("%1\u2013%2").arg(first).arg(last);
    }
    std::stable_sort(list.spots.begin(), list.spots.end(),
                     [](const BlackSpot& a, const BlackSpot& b) { return a.rank < b.rank; });
    return list;
}

std::optional<QString> blackSpotsBeside(const QString& scanFolder)
{
    const QFileInfo scan(scanFolder);
    QDir parent = scan.absoluteDir();
    const QString self = scan.absoluteFilePath();
    for (const QString& name : parent.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString dir = parent.filePath(name);
        if (QFileInfo(dir).absoluteFilePath() == self) continue;
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("blackspots.csv")))) return dir;
    }
    return std::nullopt;
}

} // namespace gebiedscan::report
