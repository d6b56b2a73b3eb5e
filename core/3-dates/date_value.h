// What a date or time expression says, before and after it is placed on the calendar.
//
// A DateExpression holds the parts the text gives ("April 10" → month 4, day 10; "last
// month" → one month back; "on Monday" → weekday 1, direction from the tense). resolve()
// places it against the reference date and writes a TIMEX3 value at the precision the
// text gives: 2018, 2018-03, 2018-04-10, 2018-W15, 2018-W15-WE, 2018-SU, 2018-Q1, 199X,
// 2018-04-10TMO, 2018-04-10T14:30, T14:30. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "calendar.h"

namespace annotator {

enum class Tense : uint8_t { Past, Future };

// Which way a weekday, month or season without a year lies from the reference date.
enum class Direction : uint8_t {
    FromTense,  // "on Monday": the reference day itself if it matches, else by tense
    Past,       // "last Monday": strictly before
    Future,     // "next Monday": strictly after
    ThisWeek,   // "this Friday": in the reference date's week
};

enum class Unit : uint8_t { Day, Week, Weekend, Month, Year };

struct DateExpression {
    // Parts the text states.
    std::optional<int> year, month, day;
    std::optional<int> weekday;   // 1 Monday … 7 Sunday
    std::optional<int> decade;    // 199 for "the 1990s"
    std::optional<int> quarter;   // 1..4
    std::string_view season;      // SP SU FA WI
    std::string_view partOfDay;   // MO AF EV NI
    std::optional<int> hour, minute;

    // Parts relative to the reference date: `offset` units from it ("last month": Month, -1;
    // "two weeks ago": Week, -2; "yesterday": Day, -1). With a season: years from it.
    std::optional<Unit> relativeUnit;
    int offset = 0;
    Direction direction = Direction::FromTense;

    bool hasDate() const;  // anything beyond a time of day
    bool hasTime() const { return hour.has_value() || !partOfDay.empty(); }
    // Whether resolve() needs a reference date.
    bool isRelative() const;
};

// The TIMEX3 value, or an empty string when the expression needs a reference date and
// none is known (a null value, never a guess).
std::string resolve(const DateExpression& expression, std::optional<CalendarDate> reference, Tense tense);

}  // namespace annotator
