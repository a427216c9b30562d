#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gebiedscan {

/// How a numeric indicator is cut into classes for a choropleth map.
enum class ClassificationMethod {
    Quantile,      ///< equal counts per class; R `quantile(type = 7)` as classInt "quantile"
    NaturalBreaks, ///< Jenks / Fisher optimal breaks (minimum within-class sum of squares), classInt "jenks"
    EqualInterval, ///< equal-width classes between min and max, classInt "equal"
    Manual         ///< user-given break values
};

/// Class boundaries of a classification: `breaks` holds k+1 ascending values, breaks[0] the
/// minimum and breaks[k] the maximum (classInt's `brks`). Class i covers (breaks[i], breaks[i+1]],
/// the first class also includes breaks[0]: `cut(x, breaks, include.lowest = TRUE, right = TRUE)`,
/// the closure classInt uses for "jenks". One closure for every method keeps legends consistent.
struct Classification {
    ClassificationMethod method = ClassificationMethod::Quantile;
    std::vector<double> breaks;

    /// Number of classes (0 when there are no breaks).
    [[nodiscard]] std::size_t classCount() const { return breaks.size() < 2 ? 0 : breaks.size() - 1; }
    /// Class index of a value in [0, classCount()), or nullopt for values outside all classes or
    /// a NaN (a missing/suppressed value is never put into a class).
    [[nodiscard]] std::optional<std::size_t> classOf(double value) const;
    /// Share of the classified values of `values` in the fullest class (0 when none is
    /// classified): the viewer and map_legend switch to quantiles when one class holds too much.
    [[nodiscard]] double fullestShare(const std::vector<double>& values) const;
};

/// Classifies `values` (NaN entries are ignored: they stand for NULL / "geheim") into at most
/// `classes` classes. Duplicate break values are merged, so fewer classes come back when the data
/// have few distinct values; an empty input gives an empty classification.
/// `manualBreaks` is used only for ClassificationMethod::Manual: inner or full breaks, sorted
/// and deduplicated; the data minimum and maximum are added when they lie outside.
[[nodiscard]] Classification classify(std::vector<double> values, std::size_t classes, ClassificationMethod method,
                                      const std::vector<double>& manualBreaks = {});

/// R `quantile(x, probs, type = 7)` of sorted values (no NaN). `p` in [0, 1].
[[nodiscard]] double quantileType7(const std::vector<double>& sorted, double p);

/// Fisher-Jenks natural breaks of sorted values (no NaN): k+1 breaks, breaks[0] = min,
/// breaks[k] = max, inner breaks are the upper values of classes 1..k-1 (as classInt "jenks").
/// O(k n^2) time: callers with large n should sample (classInt does the same for "fisher").
[[nodiscard]] std::vector<double> jenksBreaks(const std::vector<double>& sorted, std::size_t k);

/// Short stable name of a method ("quantile", "jenks", "equal", "manual"), for settings files.
[[nodiscard]] std::string methodName(ClassificationMethod method);
/// Inverse of methodName; nullopt for an unknown name.
[[nodiscard]] std::optional<ClassificationMethod> methodFromName(const std::string& name);

} // namespace gebiedscan
