// A day of the proleptic Gregorian calendar, with the arithmetic date resolution needs.
// Plain value type; all functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace annotator {

struct CalendarDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..daysInMonth

    friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);
bool isValidDate(int year, int month, int day);

// Days since 1970-01-01 (negative before), and back.
long toDayNumber(CalendarDate date);
CalendarDate fromDayNumber(long days);
CalendarDate addDays(CalendarDate date, long days);

// 1 = Monday … 7 = Sunday (ISO 8601).
int isoWeekday(CalendarDate date);

struct IsoWeek {
    int year;  // the ISO week-numbering year, which can differ from date.year near New Year
    int week;  // 1..53
};
IsoWeek isoWeek(CalendarDate date);

// "2018-04-10" only (the form of --date and of the JSON input's "date").
std::optional<CalendarDate> parseIsoDate(std::string_view text);
std::string formatIsoDate(CalendarDate date);

}  // namespace annotator
