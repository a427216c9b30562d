#pragma once
// The language of the text a user reads (errors, warnings) in the layers below app: Dutch, or
// English with GEBIEDSCAN_LANG=en, as the command line and the report choose it. A message is
// written where it is made as a tr("Nederlands", "English") pair, so no text exists in one
// language only.
#include <string>

namespace gebiedscan {

enum class TextLanguage { Dutch, English };

/// English when GEBIEDSCAN_LANG starts with "en", else Dutch; read once per process. LANG is not
/// followed (many machines run with LANG=en_US while the tool speaks Dutch).
[[nodiscard]] TextLanguage textLanguage();

/// Overrides GEBIEDSCAN_LANG for the rest of the process (tests that check both languages).
void setTextLanguage(TextLanguage language);

/// Sets the language for one scope and restores the previous one (tests).
class ScopedTextLanguage {
public:
    explicit ScopedTextLanguage(TextLanguage language) : m_previous(textLanguage()) { setTextLanguage(language); }
    ~ScopedTextLanguage() { setTextLanguage(m_previous); }
    ScopedTextLanguage(const ScopedTextLanguage&) = delete;
    ScopedTextLanguage& operator=(const ScopedTextLanguage&) = delete;

private:
    TextLanguage m_previous;
};

/// The Dutch or the English text, whichever the user reads.

[[nodiscard]] std::string tr(std::string dutch, std::string english);

} // namespace gebiedscan
