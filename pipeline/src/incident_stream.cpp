#include "gebiedscan/pipeline/incident_stream.hpp"

#include "gebiedscan/pipeline/incident_validity.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"
#include "gebiedscan/pipeline/reporter.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace gebiedscan::pipeline {

namespace {

// Positions of the selected fields in gis::Feature::fields.
enum Slot : std::size_t { kCategory, kLabel, kDate, kDateTo, kWeight, kTime, kTimeTo };

// The date of `dateValue` with the time of day of `timeValue` when the date is a whole day and
// the time is readable; else the date as read.
std::optional<TimeInterval> dateWithTime(const gis::FieldValue& dateValue, const gis::FieldValue& timeValue)
{
    auto when = gis::timeOf(dateValue);
    if (!when || when->end.seconds - when->start.seconds != kSecondsPerDay || hasTimeOfDay(*when)) return when;
    if (timeValue.type == gis::FieldValue::Type::Null) return when;
    if (const auto seconds = parseTimeOfDay(timeValue.text)) {
        when->start.seconds += *seconds;
        when->end = when->start;
    }
    return when;
}

// True for an interval of whole calendar years ("2017" as BRON's jaar_vkl gives it).
bool isJanuaryFirst(LocalTime t)
{
    if (t.seconds % kSecondsPerDay != 0) return false;
    int y = 0;
    unsigned m = 0, day = 0;
    civilFromDays(t.seconds / kSecondsPerDay, y, m, day);
    return m == 1 && day == 1;
}
bool isWholeYears(const TimeInterval& t)
{
    return t.end.seconds - t.start.seconds >= 365 * kSecondsPerDay && isJanuaryFirst(t.start) && isJanuaryFirst(t.end);
}

} // namespace

struct IncidentStream::Impl {
    std::unique_ptr<gis::VectorReader> reader;
    gis::SourceSpec source; // for the readers of the other parts
    std::string workingCrs;
    unsigned threads = 0;
    std::unique_ptr<PhaseProgress> progress;
    IncidentFields fields;
    std::string weightField;
    std::vector<std::string> selectedFields; // in the order of Slot
    ScanModel model;
    std::unique_ptr<CategoryClassifier> classifier; // null: no category field, nothing classified
    std::string themeId;                            // empty: no theme filter
    std::function<bool(const TimeInterval&)> inPeriod;
    RecordAccounting accounting;
    std::optional<Envelope> areaOfUse; // of the working CRS
    Reporter* reporter = nullptr;
    void finish();
    bool started = false, ended = false;

    // What a reading thread learns besides the registrations; the threads' are joined at the end.
    struct ReadFindings {
        RecordAccounting accounting; // the read rules' buckets (settle() fills the others)
        bool anyTimeOfDay = false, anySubYear = false;
        // Over every readable date, before the period filter: a filter on days cannot cut whole years.
        bool anyDate = false, anyDateFinerThanYear = false;
        std::uint64_t outsideAreaOfUse = 0; // valid points outside the working CRS's area of use
        std::vector<std::pair<std::int64_t, std::string>> areaOfUseShown; // the first three: row, "rij 3 (x, y)"
    };
    ReadFindings found; // all threads', once the stream has ended

    // Reading runs ahead in threads of their own (GDAL, the validity and date rules, the
    // classification) while the caller locates and tallies: batches through short queues. A
    // GeoPackage whose rows are its FIDs is read by two threads, each its own connection, in
    // chunks of rows taken in turn (chunk k by thread k % 2); the caller takes the chunks in
    // order, so it sees the records in file order as from one reader.
    struct Batch {
        std::vector<Incident> incidents;
        std::uint64_t recordsRead = 0; // input records read up to the end of this batch
        bool endsChunk = false;
    };
    struct Producer {
        gis::VectorReader* reader = nullptr; // the stream's, or `ownReader`
        std::unique_ptr<gis::VectorReader> ownReader;
        gis::Feature feature;
        ReadFindings found;
        std::deque<Batch> queue;
        std::exception_ptr failure; // met in the chunk the queue's next batch would come from
        std::thread thread;
    };
    static constexpr std::size_t kBatchSize = 4096, kQueuedBatches = 8;
    static constexpr std::int64_t kChunkRows = 65536, kPartsFromRows = 4 * kChunkRows;
    std::vector<Producer> producers;
    std::int64_t chunks = 1, rows = 0; // rows: 0 when read as one part
    std::mutex mutex;
    std::condition_variable changed;
    bool stopProducers = false;
    std::int64_t chunk = 0; // the chunk the caller takes batches from
    Batch current;
    std::size_t position = 0;

    /// The next registration that passed the read rules, counting the others in `p.found`.
    bool read(Incident& incident, Producer& p);
    struct Stopped {}; // thrown out of a producer's chunk loop when the caller stops
    /// The rows when the source is read in two parts (a GeoPackage whose rows are its FIDs), else 0.
    [[nodiscard]] std::int64_t rowsInParts();
    std::optional<std::int64_t> partRows; // rowsInParts(), once asked
    /// Reads part `part` of `parts` of chunks through `r`: `readChunk(rows before the chunk)` per
    /// chunk after r.readRows; with partRows 0 the whole layer is one chunk.
    static void readChunks(gis::VectorReader& r, std::size_t part, std::size_t parts, std::int64_t partRows,
                           const std::function<void(std::int64_t)>& readChunk);
    void startProducers();
    void produce(Producer& p, std::size_t index);
    bool popBatch();
    void stop();
    void mergeFindings();
    ~Impl() { stop(); }
};

std::int64_t IncidentStream::Impl::rowsInParts()
{
    // Two parts only where they pay: a large GeoPackage table whose rows are its FIDs. Asked
    // once (the dates pass and the read both need it).
    if (!partRows) {
        const unsigned cores = threads > 0 ? threads : std::thread::hardware_concurrency();
        const auto byFid = cores >= 2 ? reader->rowsByFid() : std::nullopt;
        partRows = byFid && *byFid >= kPartsFromRows ? *byFid : 0;
    }
    return *partRows;
}

void IncidentStream::Impl::readChunks(gis::VectorReader& r, std::size_t part, std::size_t parts,
                                      std::int64_t partRows, const std::function<void(std::int64_t)>& readChunk)
{
    const std::int64_t count = partRows > 0 ? (partRows + kChunkRows - 1) / kChunkRows : 1;
    for (auto k = static_cast<std::int64_t>(part); k < count; k += static_cast<std::int64_t>(parts)) {
        const std::int64_t first = k * kChunkRows + 1;
        if (partRows > 0) r.readRows(first, std::min(partRows, first + kChunkRows - 1));
        readChunk(partRows > 0 ? first - 1 : 0);
    }
}

void IncidentStream::Impl::startProducers()
{
    rows = rowsInParts();
    const bool parts = rows > 0;
    chunks = parts ? (rows + kChunkRows - 1) / kChunkRows : 1;
    producers.resize(parts ? 2 : 1);
    producers[0].reader = reader.get();
    for (std::size_t i = 1; i < producers.size(); ++i) {
        producers[i].ownReader = std::make_unique<gis::VectorReader>(source, workingCrs);
        producers[i].ownReader->selectFields(selectedFields);
        producers[i].reader = producers[i].ownReader.get();
    }
    for (std::size_t i = 0; i < producers.size(); ++i)
        producers[i].thread = std::thread([this, i] { produce(producers[i], i); });
}

void IncidentStream::Impl::produce(Producer& p, std::size_t index)
{
    try {
        readChunks(*p.reader, index, producers.size(), rows, [&](std::int64_t rowsBefore) {
            const auto before = static_cast<std::uint64_t>(rowsBefore);
            const std::uint64_t readBefore = p.found.accounting.inputRecords;
            for (bool more = true; more;) {
                Batch b;
                b.incidents.reserve(kBatchSize);
                Incident incident;
                while (b.incidents.size() < kBatchSize && (more = read(incident, p)))
                    b.incidents.push_back(std::move(incident));
                b.recordsRead = before + p.found.accounting.inputRecords - readBefore;
                b.endsChunk = !more;
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return p.queue.size() < kQueuedBatches || stopProducers; });
                if (stopProducers) throw Stopped{};
                p.queue.push_back(std::move(b));
                changed.notify_all();
            }
        });
    } catch (const Stopped&) {
        // the caller stopped reading: nothing more to hand on
    } catch (...) {
        std::lock_guard lock(mutex);
        p.failure = std::current_exception();
        changed.notify_all();
    }
}

bool IncidentStream::Impl::popBatch()
{
    if (producers.empty()) startProducers();
    if (chunk >= chunks) return false;
    auto& p = producers[static_cast<std::size_t>(chunk) % producers.size()];
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return !p.queue.empty() || p.failure; });
    if (p.queue.empty()) std::rethrow_exception(p.failure); // what one reader would have met here
    current = std::move(p.queue.front());
    p.queue.pop_front();
    position = 0;
    if (current.endsChunk) ++chunk;
    changed.notify_all();
    return true;
}

void IncidentStream::Impl::stop()
{
    {
        std::lock_guard lock(mutex);
        stopProducers = true;
        changed.notify_all();
    }
    for (auto& p : producers)
        if (p.thread.joinable()) p.thread.join();
}

void IncidentStream::Impl::mergeFindings()
{
    auto& a = accounting;
    for (const auto& p : producers) {
        const auto& f = p.found;
        const auto& r = f.accounting;
        a.inputRecords += r.inputRecords;
        a.invalidGeometry += r.invalidGeometry;
        a.badDate += r.badDate;
        a.badDateUnparseable += r.badDateUnparseable;
        a.badDateReversed += r.badDateReversed;
        a.badWeight += r.badWeight;
        a.examples.insert(a.examples.end(), r.examples.begin(), r.examples.end());
        a.exampleRows.insert(a.exampleRows.end(), r.exampleRows.begin(), r.exampleRows.end());
        found.anyTimeOfDay = found.anyTimeOfDay || f.anyTimeOfDay;
        found.anySubYear = found.anySubYear || f.anySubYear;
        found.anyDate = found.anyDate || f.anyDate;
        found.anyDateFinerThanYear = found.anyDateFinerThanYear || f.anyDateFinerThanYear;
        found.outsideAreaOfUse += f.outsideAreaOfUse;
        found.areaOfUseShown.insert(found.areaOfUseShown.end(), f.areaOfUseShown.begin(), f.areaOfUseShown.end());
    }
    // The examples in file order, as many as one reader counting everything would have kept.
    const auto byRow = [](const auto& x, const auto& y) { return x.row < y.row; };
    std::stable_sort(a.examples.begin(), a.examples.end(), byRow);
    std::vector<RecordExample> kept;
    for (const auto& e : a.examples) {
        const auto same = std::count_if(kept.begin(), kept.end(), [&](const auto& k) { return k.bucket == e.bucket; });
        if (static_cast<std::size_t>(same) < RecordAccounting::kExamplesPerBucket) kept.push_back(e);
    }
    a.examples = std::move(kept);
    std::sort(a.exampleRows.begin(), a.exampleRows.end());
    if (a.exampleRows.size() > RecordAccounting::kExampleRows) a.exampleRows.resize(RecordAccounting::kExampleRows);
    std::sort(found.areaOfUseShown.begin(), found.areaOfUseShown.end());
    if (found.areaOfUseShown.size() > 3) found.areaOfUseShown.resize(3);
}

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
            throw InputError(tr("onbekend thema '" + o.theme + "' (thema's: " + known + ")",
                                "unknown theme '" + o.theme + "' (themes: " + known + ")"));
        }
        d.accounting.themeFiltered = true;
    }
    d.reader = std::make_unique<gis::VectorReader>(o.source, o.workingCrs);
    d.source = o.source;
    d.workingCrs = o.workingCrs;
    d.threads = o.threads;
    d.reporter = &reporter;
    d.areaOfUse = d.reader->workingAreaOfUse();
    d.progress = std::make_unique<PhaseProgress>(reporter, "registraties lezen", d.reader->featureCount().value_or(-1));
    d.fields = detectIncidentFields(*d.reader, o.fields);
    d.weightField = o.weightField;
    if (o.requireCategory) requireCategoryField(*d.reader, d.fields);
    if (!o.theme.empty()) requireCategoryField(*d.reader, d.fields, tr("voor --theme", "for --theme"));
    if (o.requireDate) requireDateField(*d.reader, d.fields);
    if (!d.fields.category.empty() || !d.fields.label.empty())
        d.classifier = std::make_unique<CategoryClassifier>(d.model);
    reporter.info(
        tr("Velden van de registraties: ", "Fields of the registrations: ") + describeFields(d.fields, o.weightField) +
        (d.reader->thousandsSeparators() ? tr("; coördinaten met duizendtalpunt gelezen (230.070 = 230070 m)",
                                              "; coordinates with thousands separators read (230.070 = 230070 m)")
                                         : ""));
    d.accounting.weighted = !d.weightField.empty();
    d.inPeriod = o.inPeriod;
    // Selecting the weight field checks that it exists (InputError naming the fields otherwise).
    d.selectedFields = {d.fields.category, d.fields.label, d.fields.date,  d.fields.dateTo,
                        d.weightField,     d.fields.time,  d.fields.timeTo};
    d.reader->selectFields(d.selectedFields);
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
std::size_t IncidentStream::readingThreads() const
{
    return m_impl->producers.size();
}
bool IncidentStream::classifies() const
{
    return m_impl->classifier != nullptr;
}
const RecordAccounting& IncidentStream::accounting() const
{
    return m_impl->accounting;
}

bool IncidentStream::hasTimeOfDay() const
{
    return m_impl->found.anyTimeOfDay;
}
bool IncidentStream::hasSubYearDates() const
{
    return m_impl->found.anySubYear;
}

bool IncidentStream::datesAreOnlyYears() const
{
    return m_impl->found.anyDate && !m_impl->found.anyDateFinerThanYear;
}

std::string IncidentStream::onlyYearsMessage() const
{
    const auto& d = *m_impl;
    return tr(d.reader->description() + ": veld '" + d.fields.date +
                  "' geeft alleen jaren (elke datum is 1 januari van een heel jaar)",
              d.reader->description() + ": field '" + d.fields.date +
                  "' gives only years (every date is 1 January of a whole year)");
}

std::map<int, std::uint64_t> IncidentStream::datesPerYear()
{
    auto& d = *m_impl;
    if (d.started) throw Error("internal error: IncidentStream::datesPerYear after the first record");
    if (d.fields.date.empty()) return {};
    // Only the date column: the driver skips the others and the geometry (GeoPackage, PostGIS);
    // a GeoPackage read in parts is read so here too, its second part by a reader of its own.
    const std::int64_t partRows = d.rowsInParts();
    const std::size_t parts = partRows > 0 ? 2 : 1;
    std::vector<std::map<int, std::uint64_t>> perYear(parts);
    const auto tally = [&](gis::VectorReader& r, std::size_t part) {
        r.selectFields({d.fields.date});
        r.readSelectedOnly(true);
        gis::Feature f;
        Impl::readChunks(r, part, parts, partRows, [&](std::int64_t) {
            while (r.next(f))
                if (const auto t = gis::timeOf(f.fields[0])) {
                    int y = 0;
                    unsigned m = 0, day = 0;
                    civilFromDays(t->start.seconds / kSecondsPerDay - (t->start.seconds % kSecondsPerDay < 0 ? 1 : 0),
                                  y, m, day);
                    ++perYear[part][y];
                }
        });
    };
    std::exception_ptr failure;
    std::thread second;
    std::unique_ptr<gis::VectorReader> secondReader;
    if (parts == 2) {
        secondReader = std::make_unique<gis::VectorReader>(d.source, d.workingCrs);
        second = std::thread([&] {
            try {
                tally(*secondReader, 1);
            } catch (...) {
                failure = std::current_exception();
            }
        });
    }
    try {
        tally(*d.reader, 0);
    } catch (...) {
        if (second.joinable()) second.join();
        throw;
    }
    if (second.joinable()) second.join();
    if (failure) std::rethrow_exception(failure);
    for (std::size_t part = 1; part < parts; ++part)
        for (const auto& [year, n] : perYear[part]) perYear[0][year] += n;
    d.reader->readSelectedOnly(false);
    d.reader->selectFields(d.selectedFields);
    d.reader->reset();
    return perYear[0];
}

void IncidentStream::setPeriodFilter(std::function<bool(const TimeInterval&)> inPeriod)
{
    if (m_impl->started) throw Error("internal error: IncidentStream::setPeriodFilter after the first record");
    m_impl->inPeriod = std::move(inPeriod);
}

bool IncidentStream::Impl::read(Incident& incident, Producer& p)
{
    auto& d = *this;
    gis::Feature& f = p.feature;
    RecordAccounting& acc = p.found.accounting;
    ReadFindings& seen = p.found;
    while (p.reader->next(f)) {
        ++acc.inputRecords;
        std::string reason, shown;
        const auto point = incidentPoint(f, reason, shown);
        if (!point) {
            acc.count(RecordBucket::InvalidGeometry, f.row, "geometrie", shown, reason);
            continue;
        }
        if (d.areaOfUse && !d.areaOfUse->contains(*point)) {
            if (seen.areaOfUseShown.size() < 3)
                seen.areaOfUseShown.emplace_back(
                    f.row, fmt::format("{} {} ({:.0f}, {:.0f})", tr("rij", "row"), f.row, point->x, point->y));
            ++seen.outsideAreaOfUse;
        }
        std::optional<TimeInterval> when;
        if (!d.fields.date.empty()) {
            const auto& value = f.fields[kDate];
            when = dateWithTime(value, f.fields[kTime]);
            if (!when) {
                acc.count(RecordBucket::BadDateUnparseable, f.row, d.fields.date, value.text,
                          value.type == gis::FieldValue::Type::Null ? "geen datum" : "onleesbare datum");
                continue;
            }
            // A "to" date widens the interval (for hot times); an unreadable one is ignored, one
            // before the start is counted apart. The record belongs to the period it starts in.
            if (!d.fields.dateTo.empty())
                if (const auto to = dateWithTime(f.fields[kDateTo], f.fields[kTimeTo])) {
                    const LocalTime end = to->end > to->start ? to->end : to->start;
                    if (end < when->start) {
                        acc.count(RecordBucket::EndBeforeStart, f.row, d.fields.dateTo,
                                  f.fields[kDateTo].text + " < " + value.text, "einde voor het begin");
                        continue;
                    }
                    when->end = std::max(when->end, end);
                }
            seen.anyDate = true;
            seen.anyDateFinerThanYear = seen.anyDateFinerThanYear || !isWholeYears(*when);
            if (d.inPeriod && !d.inPeriod(*when)) {
                acc.count(RecordBucket::OutOfPeriod, f.row, d.fields.date, value.text, "buiten de perioden");
                continue;
            }
            seen.anyTimeOfDay = seen.anyTimeOfDay || gebiedscan::hasTimeOfDay(*when);
            seen.anySubYear = seen.anySubYear || !isWholeYears(*when);
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
    return false;
}

bool IncidentStream::next(Incident& incident)
{
    auto& d = *m_impl;
    d.started = true;
    if (d.ended) return false;
    while (d.position >= d.current.incidents.size()) {
        if (!d.popBatch()) {
            d.stop();
            d.ended = true;
            d.mergeFindings();
            d.progress->finish();
            d.finish();
            return false;
        }
        d.progress->update(static_cast<std::int64_t>(d.current.recordsRead));
    }
    incident = std::move(d.current.incidents[d.position++]);
    return true;
}

void IncidentStream::Impl::finish()
{
    // A file of only a header (or a filter that keeps nothing) is no scan of zeros.
    if (accounting.inputRecords == 0)
        throw InputError(tr(reader->description() + ": geen registraties om te lezen (een bestand met alleen een "
                                                    "kopregel, of een filter dat er geen overlaat)",
                            reader->description() +
                                ": no records to read (a file with only a header line, or a filter that keeps none)"));
    if (found.outsideAreaOfUse > 0) {
        std::string shown;
        for (const auto& [row, s] : found.areaOfUseShown) shown += (shown.empty() ? "" : ", ") + s;
        reporter->warning(
            tr(fmt::format("{} van {} registraties liggen buiten het gebied waarvoor het werk-CRS bedoeld "
                           "is ({}), bijv. {}: klopt het CRS van de registraties ({})?",
                           found.outsideAreaOfUse, accounting.inputRecords, reader->workingAreaOfUseName(), shown,
                           reader->sourceCrs()),
               fmt::format("{} of {} registrations lie outside the area the working CRS is meant for "
                           "({}), e.g. {}: is the CRS of the registrations ({}) right?",
                           found.outsideAreaOfUse, accounting.inputRecords, reader->workingAreaOfUseName(), shown,
                           reader->sourceCrs())));
    }
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
