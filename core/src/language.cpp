#include "gebiedscan/core/language.hpp"

#include <atomic>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace gebiedscan {

namespace {

TextLanguage fromEnvironment()
{
    const char* value = std::getenv("GEBIEDSCAN_LANG");
    return value != nullptr && std::string_view(value).substr(0, 2) == "en" ? TextLanguage::English
                                                                            : TextLanguage::Dutch;
}

std::atomic<TextLanguage>& current()
{
    static std::atomic<TextLanguage> language{fromEnvironment()};
    return language;
}

} // namespace

TextLanguage textLanguage()
{
    return current().load(std::memory_order_relaxed);
}

void setTextLanguage(TextLanguage language)
{
    current().store(language, std::memory_order_relaxed);
}

std::string tr(std::string dutch, std::string english)
{
    return textLanguage() == TextLanguage::English ? std::move(english) : std::move(dutch);
}

} // namespace gebiedscan
