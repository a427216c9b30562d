#include "gebiedscan/pipeline/incident_stream.hpp"

#include "gebiedscan/pipeline/incident_validity.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"

#include <fmt/core.h>

namespace gebiedscan::pipeline {

namespace {

// Positions of the selected fields in gis::Feature::fields.
enum Slot : std::size_t { kCategory, kLabel, kDate, kDateTo, kWeight };

} // namespace

struct IncidentStream::Impl {
    std::unique_ptr<gis::VectorReader> reader;
    std::unique_ptr<PhaseProgress> progress;
    IncidentFields fields;
    std::string weightField;
    ScanModel model;
    std::unique_ptr<CategoryClassifier> classifier; // null: no category field, nothing classified
    std::string themeId;                            // empty: no theme filter
    std::function<bool(const TimeInterval&)> inPeriod;
    RecordAccounting accounting;
    gis::Feature feature;
    bool started = false, ended = false;
};

IncidentStream::IncidentStream(const IncidentStreamOptions& o, Reporter& reporter) : m_impl(std::make_unique<Impl>())
{
    auto& d = *m_impl;
    // The model and theme first: a wrong theme is reported before a large file is opened.
    d.model = o.model ? *o.model : loadScanModel(defaultModelPath());
    if (!o.theme.empty()) {
        for (const auto& t : d.model.themes)
            if (t.id == o.theme || t.number == o.theme) d.themeId = t.id;
        if (d.themeId.empty()) {
            std::string known;
            for (const auto& t : d.model.themes) known += (known.empty() ? "" : ", ") + t.number + " " + t.id;
            throw InputError("unknown theme '" + o.theme + "' (themes: " + known + ")");
        }
        d.accounting.themeFiltered = true;
    }
    d.reader = std::make_unique<gis::VectorReader>(o.source, o.workingCrs);
    d.progress = std::make_unique<PhaseProgress>(reporter, "registraties lezen", d.reader->featureCount().value_or(-1));
    d.fields = detectIncidentFields(*d.reader, o.fields);
    d.weightField = o.weightField;
    if (o.requireCategory) requireCategoryField(*d.reader, d.fields);
    if (!o.theme.empty()) requireCategoryField(*d.reader, d.fields, "for --theme");
    if (o.requireDate) requireDateField(*d.reader, d.fields);
    if (!d.fields.category.empty() || !d.fields.label.empty())
        d.classifier = std::make_unique<CategoryClassifier>(d.model);
    d.accounting.weighted = !d.weightField.empty();
    d.inPeriod = o.inPeriod;
    // Selecting the weight field checks that it exists (InputError naming the fields otherwise).
    d.reader->selectFields({d.fields.category, d.fields.label, d.fields.date, d.fields.dateTo, d.weightField});
}

IncidentStream::~IncidentStream() = default;

const std::string& IncidentStream::description() const
{
    return m_impl->reader->description();
}
std::string IncidentStream::sourceCrs() const
{
    return m_impl->reader->sourceCrs();
}
std::optional<std::int64_t> IncidentStream::featureCount() const
{
    return m_impl->reader->featureCount();
}
Envelope IncidentStream::extent() const
{
    return m_impl->reader->extent();
}
const IncidentFields& IncidentStream::fields() const
{
    return m_impl->fields;
}
const std::string& IncidentStream::weightField() const
{
    return m_impl->weightField;
}
std::map<std::string, std::string> IncidentStream::fieldsUsed() const
{
    return pipeline::fieldsUsed(m_impl->fields, m_impl->weightField);
}
const ScanModel& IncidentStream::model() const
{
    return m_impl->model;
}
bool IncidentStream::classifies() const
{
    return m_impl->classifier != nullptr;
}
const RecordAccounting& IncidentStream::accounting() const
{
    return m_impl->accounting;
}

std::map<int, std::uint64_t> IncidentStream::datesPerYear()
{
    auto& d = *m_impl;
    if (d.started) throw Error("internal error: IncidentStream::datesPerYear after the first record");
    std::map<int, std::uint64_t> perYear;
    if (d.fields.date.empty()) return perYear;
    d.reader->ignoreGeometry(true);
    gis::Feature f;
    while (d.reader->next(f)) {
        if (const auto t = gis::timeOf(f.fields[kDate])) {
            int y = 0;
            unsigned m = 0, day = 0;
            civilFromDays(t->start.seconds / kSecondsPerDay - (t->start.seconds % kSecondsPerDay < 0 ? 1 : 0), y, m,
                          day);
            ++perYear[y];
        }
    }
    d.reader->ignoreGeometry(false);
    d.reader->reset();
    return perYear;
}

void IncidentStream::setPeriodFilter(std::function<bool(const TimeInterval&)> inPeriod)
{
    if (m_impl->started) throw Error("internal error: IncidentStream::setPeriodFilter after the first record");
    m_impl->inPeriod = std::move(inPeriod);
}

bool IncidentStream::next(Incident& incident)
{
    auto& d = *m_impl;
    auto& acc = d.accounting;
    d.started = true;
    if (d.ended) return false;
    gis::Feature& f = d.feature;
    while (d.reader->next(f)) {
        ++acc.inputRecords;
        d.progress->update(static_cast<std::int64_t>(acc.inputRecords));
        std::string reason, shown;
        const auto point = incidentPoint(f, reason, shown);
        if (!point) {
            acc.count(RecordBucket::InvalidGeometry, f.row, "geometrie", shown, reason);
            continue;
        }
        std::optional<TimeInterval> when;
        if (!d.fields.date.empty()) {
            const auto& value = f.fields[kDate];
            when = gis::timeOf(value);
            if (!when) {
                acc.count(RecordBucket::BadDateUnparseable, f.row, d.fields.date, value.text,
                          value.type == gis::FieldValue::Type::Null ? "geen datum" : "onleesbare datum");
                continue;
            }
            if (d.inPeriod && !d.inPeriod(*when)) {
                acc.count(RecordBucket::OutOfPeriod, f.row, d.fields.date, value.text, "buiten de perioden");
                continue;
            }
            // A "to" date widens the interval (for hot times); an unreadable one is ignored.
            if (!d.fields.dateTo.empty())
                if (const auto to = gis::timeOf(f.fields[kDateTo]); to && to->end >= when->start)
                    when->end = to->end > to->start ? to->end : to->start;
        }
        double weight = 1.0;
        if (!d.weightField.empty()) {
            const auto& value = f.fields[kWeight];
            const auto w = gis::numberOf(value);
            if (!w) {
                acc.count(RecordBucket::BadWeight, f.row, d.weightField, value.text,
                          value.type == gis::FieldValue::Type::Null ? "geen gewicht" : "geen geldig getal");
                continue;
            }
            weight = *w;
        }
        incident.row = f.row;
        incident.point = *point;
        incident.when = when;
        incident.weight = weight;
        incident.category.reset();
        incident.categoryKey.clear();
        if (d.classifier) {
            const std::string& code = f.fields[kCategory].text;
            const std::string& label = f.fields[kLabel].text;
            incident.category = d.classifier->classify(code, label);
            incident.categoryKey = code.empty() ? label : code;
        }
        return true;
    }
    d.ended = true;
    d.progress->finish();
    return false;
}

std::size_t IncidentStream::nextBatch(std::vector<Incident>& batch, std::size_t max)
{
    batch.clear();
    Incident incident;
    while (batch.size() < max && next(incident)) batch.push_back(std::move(incident));
    return batch.size();
}

IncidentFate IncidentStream::settle(const Incident& incident, bool inArea)
{
    auto& d = *m_impl;
    auto& acc = d.accounting;
    if (!inArea) {
        acc.count(RecordBucket::Outside, incident.row, "geometrie",
                  fmt::format("({:.1f}, {:.1f})", incident.point.x, incident.point.y), "buiten de gebieden");
        return IncidentFate::Outside;
    }
    if (d.classifier && !incident.category) {
        const std::string field = !d.fields.category.empty() ? d.fields.category : d.fields.label;
        acc.count(RecordBucket::UnknownCategory, incident.row, field, incident.categoryKey, "onbekende categorie");
        acc.countUnknownCode(incident.categoryKey);
        return IncidentFate::UnknownCategory;
    }
    if (!d.themeId.empty() && d.model.categories[*incident.category].themeId != d.themeId) {
        acc.count(RecordBucket::OtherTheme, incident.row, d.fields.category, incident.categoryKey, "ander thema");
        return IncidentFate::OtherTheme;
    }
    acc.count(RecordBucket::Assigned, incident.row, "", "", "");
    return IncidentFate::Assigned;
}

bool IncidentStream::ofTheme(const Incident& incident) const
{
    const auto& d = *m_impl;
    if (d.themeId.empty()) return true;
    return incident.category && d.model.categories[*incident.category].themeId == d.themeId;
}

} // namespace gebiedscan::pipeline
