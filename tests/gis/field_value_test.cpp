// The one text-to-number and field-to-time rule (gis::parseDecimal, numberOf, timeOf).
#include "gebiedscan/gis/field_value.hpp"

#include <gtest/gtest.h>

#include <clocale>

using namespace gebiedscan;
using gis::FieldValue;

namespace {

FieldValue text(const std::string& s)
{
    FieldValue v;
    v.type = FieldValue::Type::Text;
    v.text = s;
    return v;
}

FieldValue number(FieldValue::Type type, double x)
{
    FieldValue v;
    v.type = type;
    v.number = x;
    v.text = std::to_string(x);
    return v;
}

} // namespace

TEST(ParseDecimal, DecimalPointAndCommaSpacesAndRefusals)
{
    EXPECT_EQ(gis::parseDecimal("12.5").value_or(0), 12.5);
    EXPECT_EQ(gis::parseDecimal("12,5").value_or(0), 12.5);
    EXPECT_EQ(gis::parseDecimal(" -3,25 ").value_or(0), -3.25);
    EXPECT_EQ(gis::parseDecimal("7").value_or(0), 7.0);
    EXPECT_FALSE(gis::parseDecimal("1.234,5")); // thousands point and decimal comma: not guessed
    EXPECT_FALSE(gis::parseDecimal("12,5,0"));
    EXPECT_FALSE(gis::parseDecimal(""));
    EXPECT_FALSE(gis::parseDecimal("   "));
    EXPECT_FALSE(gis::parseDecimal("12 kg"));
    EXPECT_FALSE(gis::parseDecimal("inf"));
    EXPECT_FALSE(gis::parseDecimal("nan"));
    EXPECT_FALSE(gis::parseDecimal("1e999")); // out of range
}

TEST(ParseDecimal, IndependentOfTheProcessLocale)
{
    if (!std::setlocale(LC_ALL, "nl_NL.UTF-8")) GTEST_SKIP() << "nl_NL.UTF-8 not installed";
    EXPECT_EQ(gis::parseDecimal("155500.5").value_or(0), 155500.5);
    EXPECT_EQ(gis::parseDecimal("155500,5").value_or(0), 155500.5);
    std::setlocale(LC_ALL, "C");
}

TEST(NumberOf, TypedNumbersTextAndCbsSentinels)
{
    EXPECT_EQ(gis::numberOf(number(FieldValue::Type::Real, 2.75)).value_or(0), 2.75);
    EXPECT_EQ(gis::numberOf(number(FieldValue::Type::Integer, 42)).value_or(0), 42.0);
    EXPECT_EQ(gis::numberOf(text("0,5")).value_or(0), 0.5);
    // CBS: -99997 secret, -99995 missing, ... at or below -99990 is never a figure.
    EXPECT_FALSE(gis::numberOf(number(FieldValue::Type::Integer, -99997)));
    EXPECT_FALSE(gis::numberOf(number(FieldValue::Type::Real, -99990)));
    EXPECT_FALSE(gis::numberOf(text("-99995")));
    EXPECT_EQ(gis::numberOf(number(FieldValue::Type::Real, -99989.5)).value_or(0), -99989.5);
    EXPECT_FALSE(gis::numberOf(FieldValue{}));
    FieldValue date;
    date.type = FieldValue::Type::Date;
    date.text = "2023-05-01";
    EXPECT_FALSE(gis::numberOf(date));
}

TEST(TimeOf, TypedDatesTextAndIntegers)
{
    FieldValue date;
    date.type = FieldValue::Type::Date;
    date.time = *makeLocalTime(2023, 5, 1);
    const auto day = gis::timeOf(date);
    ASSERT_TRUE(day);
    EXPECT_EQ(day->start, *makeLocalTime(2023, 5, 1));
    EXPECT_EQ(day->end, *makeLocalTime(2023, 5, 2));
    FieldValue instant;
    instant.type = FieldValue::Type::DateTime;
    instant.time = *makeLocalTime(2023, 5, 1, 13, 45);
    const auto t = gis::timeOf(instant);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->start, t->end);
    EXPECT_EQ(t->start, *makeLocalTime(2023, 5, 1, 13, 45));
    const auto dutch = gis::timeOf(text("01-05-2023 13:45"));
    ASSERT_TRUE(dutch);
    EXPECT_EQ(dutch->start, *makeLocalTime(2023, 5, 1, 13, 45));
    FieldValue year;
    year.type = FieldValue::Type::Integer;
    year.number = 2017;
    year.text = "2017";
    const auto whole = gis::timeOf(year);
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->start, *makeLocalTime(2017, 1, 1));
    EXPECT_EQ(whole->end, *makeLocalTime(2018, 1, 1));
    EXPECT_FALSE(gis::timeOf(text("31-02-2023")));
    EXPECT_FALSE(gis::timeOf(text("gisteren")));
    EXPECT_FALSE(gis::timeOf(number(FieldValue::Type::Real, 20230501.0)));
    EXPECT_FALSE(gis::timeOf(FieldValue{}));
}
