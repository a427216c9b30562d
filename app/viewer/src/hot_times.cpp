#include "hot_times.hpp"

#include "schema_names.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/field_value.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gebiedscan::viewer {

namespace {
QString key(const QString& level, const QString& area, const QString& theme)
{
    return level + QLatin1Char('\x1f') + area + QLatin1Char('\x1f') + theme;
}
} // namespace

double HourOfWeek::max() const
{
    if (state != State::Values) return 0.0;
    double m = 0;
    for (double v : values)
        if (v > m) m = v; // NaN (geheim) compares false
    return m;
}

double HourOfWeek::total() const
{
    double s = 0;
    for (double v : values)
        if (!std::isnan(v)) s += v;
    return s;
}

int HourOfWeek::hiddenHours() const
{
    if (state != State::Values) return 0;
    return static_cast<int>(std::count_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }));
}

void HourOfWeek::add(const HourOfWeek& other)
{
    if (other.state == State::NotPublished || other.state == State::ThemeNotPublished) {
        state = other.state;
        return;
    }
    if (state == State::Suppressed || state == State::NotPublished || state == State::ThemeNotPublished ||
        other.state == State::NoRegistrations || other.state == State::NoTable || other.state == State::Loading ||
        other.state == State::NoTimeOfDay) {
        if (state == State::NoTable && other.state == State::NoRegistrations) state = State::NoRegistrations;
        return;
    }
    if (other.state == State::Suppressed) {
        state = State::Suppressed;
        values.fill(0);
        return;
    }
    if (state != State::Values) values.fill(0);
    state = State::Values;
    for (std::size_t i = 0; i < values.size(); ++i) values[i] += other.values[i];
}

int HotTimesTable::dayIndex(const QString& day)
{
    static const char* const dutch[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    static const char* const english[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const QString d = day.trimmed().toLower();
    for (int i = 0; i < 7; ++i)
        if (d.startsWith(QLatin1String(dutch[i])) || d.startsWith(QLatin1String(english[i]))) return i;
    bool ok = false;
    const int n = d.toInt(&ok);
    return ok && n >= 0 && n < 7 ? n : -1;
}

void HotTimesTable::add(const QString& level, const QString& area, const QString& theme, const QString& day,
                        const std::array<double, 24>& hours)
{
    const int d = dayIndex(day);
    if (d < 0) return;
    // The extern contract names the total row "totaal" (the scan's slot id is "total").
    const QString id = theme == u"totaal" ? qs(schema::kTotalTheme) : theme;
    auto it = m_weeks.find(key(level, area, id));
    if (it == m_weeks.end()) {
        std::array<float, 168> empty{};
        it = m_weeks.insert(key(level, area, id), empty);
    }
    for (int h = 0; h < 24; ++h)
        (*it)[static_cast<std::size_t>(d * 24 + h)] = static_cast<float>(hours[static_cast<std::size_t>(h)]);
}

HourOfWeek HotTimesTable::week(const QString& level, const QString& area, const QString& theme) const
{
    HourOfWeek w;
    const auto it = m_weeks.constFind(key(level, area, theme));
    if (it == m_weeks.constEnd()) {
        // Sparse table: no events in the period. An empty table is no table: outside the police
        // the scan publishes no hour-of-week values at all (issue 13), whatever the counts.
        w.state = m_weeks.isEmpty() ? HourOfWeek::State::NoTable : HourOfWeek::State::NoRegistrations;
        return w;
    }
    // A hidden hour stays NaN and is drawn "geheim"; a week hidden in every hour is suppressed.
    w.state = HourOfWeek::State::Values;
    for (std::size_t i = 0; i < w.values.size(); ++i) w.values[i] = (*it)[i];
    if (std::all_of(w.values.begin(), w.values.end(), [](double v) { return std::isnan(v); })) {
        w.state = HourOfWeek::State::Suppressed;
        w.values.fill(0);
    }
    return w;
}

HotTimesTable HotTimesTable::load(const QString& gpkg, const QString& layer)
{
    HotTimesTable table;
    gis::SourceSpec spec;
    spec.path = gpkg.toStdString();
    spec.layer = layer.toStdString();
    gis::VectorReader reader(spec);
    reader.ignoreGeometry(true);
    namespace fld = schema::field;
    const auto find = [&](std::string_view id) { return reader.findField({std::string(id)}); };
    std::vector<std::string> fields{find(fld::level), find(fld::areaCode), find(fld::theme), find(fld::day)};
    const auto& hour = schema::layer(schema::role::scanHotTimes)->column(fld::hour);
    for (int h = 0; h < 24; ++h)
        fields.push_back(
            reader.findField({hour.name(QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')).toStdString())}));
    // A missing column would read as NULL everywhere, i.e. as "geheim": refuse the table instead.
    for (const auto& name : fields)
        if (name.empty())
            throw InputError("table '" + spec.layer + "' in '" + spec.path +
                             "' is not an hour-of-week table (level, area_code, theme, day, h00..h23)");
    reader.selectFields(fields);
    gis::Feature f;
    const auto s = [&](std::size_t i) { return f.values[i] ? QString::fromStdString(*f.values[i]) : QString(); };
    std::array<double, 24> hours{};
    while (reader.next(f)) {
        for (std::size_t h = 0; h < 24; ++h) // a hidden ("geheim") hour is NULL: NaN
            hours[h] = gis::numberOf(f.fields[4 + h]).value_or(std::numeric_limits<double>::quiet_NaN());
        table.add(s(0), s(1), s(2), s(3), hours);
    }
    return table;
}

} // namespace gebiedscan::viewer
