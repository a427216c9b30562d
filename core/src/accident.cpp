#include "gebiedscan/core/accident.hpp"

#include "gebiedscan/core/error.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <unordered_map>

namespace gebiedscan {

namespace {

std::string lower(std::string_view s)
{
    std::string out;
    for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

Accident fromRecord(const AccidentRecord& r)
{
    Accident a;
    a.id = r.accidentId.empty() ? "rij " + std::to_string(r.row) : r.accidentId;
    a.row = r.row;
    a.year = r.year;
    a.date = r.date;
    a.severity = r.severity;
    a.hospital = r.hospital;
    a.aolId = r.aolId;
    a.segmentId = r.segmentId;
    a.junctionId = r.junctionId;
    a.point = r.point;
    return a;
}

// Group key of a party row: everything the parties of one accident share.
std::string groupKey(const AccidentRecord& r)
{
    std::string k;
    if (r.point) {
        const auto bx = std::bit_cast<std::uint64_t>(r.point->x), by = std::bit_cast<std::uint64_t>(r.point->y);
        k.append(reinterpret_cast<const char*>(&bx), sizeof bx);
        k.append(reinterpret_cast<const char*>(&by), sizeof by);
    }
    k += '|' + std::to_string(r.year.value_or(-1)) + '|' + std::to_string(r.date ? r.date->seconds : -1) + '|' +
         severityCode(r.severity) + '|' + r.aolId + '|' + r.segmentId + '|' + r.junctionId;
    return k;
}

} // namespace

std::optional<Severity> parseSeverity(std::string_view text)
{
    const auto t = lower(trim(text));
    if (t == "dod" || t == "dodelijk" || t == "doden" || t == "fatal") return Severity::Fatal;
    if (t == "let" || t == "letsel" || t == "injury") return Severity::Injury;
    if (t == "ums" || t == "materieel" || t == "materiele schade" || t == "damage") return Severity::DamageOnly;
    return std::nullopt;
}

const char* severityCode(Severity s)
{
    switch (s) {
    case Severity::Fatal: return "DOD";
    case Severity::Injury: return "LET";
    case Severity::DamageOnly: return "UMS";
    case Severity::Unknown: break;
    }
    return "ONB";
}

SeverityMask parseSeverityList(std::string_view text)
{
    SeverityMask mask = 0;
    std::size_t start = 0;
    const std::string s(text);
    while (start <= s.size()) {
        auto end = s.find_first_of(",;+ ", start);
        if (end == std::string::npos) end = s.size();
        const auto item = trim(std::string_view(s).substr(start, end - start));
        if (!item.empty()) {
            const auto sev = parseSeverity(item);
            if (!sev) throw InputError("onbekende ernst '" + item + "': gebruik DOD, LET en/of UMS");
            mask |= severityBit(*sev);
        }
        start = end + 1;
    }
    if (mask == 0) throw InputError("lege ernstlijst: gebruik DOD, LET en/of UMS");
    return mask;
}

std::string severityListText(SeverityMask mask)
{
    std::string out;
    for (auto s : {Severity::Fatal, Severity::Injury, Severity::DamageOnly, Severity::Unknown})
        if (mask & severityBit(s)) {
            if (!out.empty()) out += ',';
            out += severityCode(s);
        }
    return out;
}

DeduplicationResult deduplicateAccidents(const std::vector<AccidentRecord>& records)
{
    DeduplicationResult out;
    out.accidentOfRecord.assign(records.size(), -1);
    std::unordered_map<std::string, std::int32_t> byId;
    // Key groups: record indices in input order.
    std::unordered_map<std::string, std::vector<std::size_t>> groups;
    std::vector<std::string> groupOrder;
    // First pass: decide the representative of every row; key groups are resolved afterwards but
    // accidents are numbered in the order of their representing rows.
    std::vector<char> represents(records.size(), 0);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        if (!r.accidentId.empty()) {
            ++out.recordsById;
            if (byId.emplace(r.accidentId, static_cast<std::int32_t>(i)).second) represents[i] = 1;
            continue;
        }
        if (r.partyNumber) {
            ++out.recordsByKey;
            const bool hasLocation = r.point || !r.segmentId.empty() || !r.junctionId.empty();
            if (!hasLocation) {
                represents[i] = *r.partyNumber <= 1 ? 1 : 0;
                continue;
            }
            auto key = groupKey(r);
            auto [it, inserted] = groups.try_emplace(key);
            if (inserted) groupOrder.push_back(key);
            it->second.push_back(i);
            continue;
        }
        represents[i] = 1;
    }
    for (const auto& key : groupOrder) {
        const auto& rows = groups[key];
        std::map<int, std::vector<std::size_t>> byParty;
        for (auto i : rows) byParty[*records[i].partyNumber].push_back(i);
        if (byParty.find(1) == byParty.end()) ++out.groupsWithoutPartyOne;
        // The most frequent party number, lowest number on ties (party 1 when it is among them).
        const std::vector<std::size_t>* best = nullptr;
        for (const auto& [party, list] : byParty)
            if (!best || list.size() > best->size()) best = &list;
        for (auto i : *best) represents[i] = 1;
    }
    // Number the accidents in input order of their representing rows.
    std::vector<std::int32_t> accidentOfRow(records.size(), -1);
    for (std::size_t i = 0; i < records.size(); ++i)
        if (represents[i]) {
            accidentOfRow[i] = static_cast<std::int32_t>(out.accidents.size());
            out.accidents.push_back(fromRecord(records[i]));
        }
    out.accidentOfRecord = accidentOfRow;
    // Count merged rows on their accident, so the party rows stay accounted for.
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (represents[i]) continue;
        ++out.duplicateRows;
        const auto& r = records[i];
        std::int32_t target = -1;
        if (!r.accidentId.empty()) target = accidentOfRow[static_cast<std::size_t>(byId[r.accidentId])];
        if (target >= 0) ++out.accidents[static_cast<std::size_t>(target)].rows;
    }
    for (const auto& key : groupOrder) {
        const auto& rows = groups[key];
        std::int32_t first = -1;
        int merged = 0;
        for (auto i : rows) {
            if (represents[i]) {
                if (first < 0) first = accidentOfRow[i];
            } else {
                ++merged;
            }
        }
        if (first >= 0) out.accidents[static_cast<std::size_t>(first)].rows += merged;
    }
    return out;
}

} // namespace gebiedscan
