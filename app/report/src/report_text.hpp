#pragma once
// The report's words and numbers in one language: Dutch by default ("1.234,5", "geheim"),
// English on request. Text is chosen here, never built from translated fragments elsewhere.
#include <QLocale>
#include <QString>

#include <cmath>

namespace gebiedscan::report {

class ReportText {
public:
    explicit ReportText(bool english = false)
        : m_english(english), m_locale(english ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                               : QLocale(QLocale::Dutch, QLocale::Netherlands))
    {}

    [[nodiscard]] bool english() const { return m_english; }
    /// The Dutch or the English text.
    [[nodiscard]] QString pick(const char* nl, const char* en) const { return QString::fromUtf8(m_english ? en : nl); }
    /// A number with `decimals` decimals and thousands separators (nl: 1.234,5; en: 1,234.5);
    /// NaN is the hidden word.
    [[nodiscard]] QString number(double v, int decimals = 0) const
    {
        if (std::isnan(v)) return hidden();
        if (decimals == 0) return m_locale.toString(static_cast<qlonglong>(std::llround(v)));
        return m_locale.toString(v, 'f', decimals);
    }
    /// A signed percentage: "+12,3 %" / "−4,0 %".
    [[nodiscard]] QString percent(double v) const
    {
        if (std::isnan(v)) return hidden();
        const QString s = m_locale.toString(std::abs(v), 'f', 1);
        return (v > 0   ? QStringLiteral("+")
                : v < 0 ? QStringLiteral("\u2212")
                        : QString()) +
               s + QStringLiteral("\u00a0%");
    }
    /// A p-value with its relation: "= 0,023", "< 0,001" (an exact 0 is only a very small p).
    [[nodiscard]] QString pValue(double p) const
    {
        if (std::isnan(p)) return hidden();
        if (p < 0.001) return QStringLiteral("< ") + m_locale.toString(0.001, 'f', 3);
        return QStringLiteral("= ") + m_locale.toString(p, 'g', 2);
    }
    /// What a suppressed value reads as.
    [[nodiscard]] QString hidden() const { return pick("geheim", "suppressed"); }
    [[nodiscard]] const QLocale& locale() const { return m_locale; }

private:
    bool m_english;
    QLocale m_locale;
};

} // namespace gebiedscan::report
