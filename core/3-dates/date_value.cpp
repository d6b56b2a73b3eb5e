#include "3-dates/date_value.h"

#include <cstdio>
#include <cstdlib>

namespace annotator {
namespace {

std::string format(const char* pattern, int a, int b = 0, int c = 0) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, pattern, a, b, c);
    return buffer;
}

std::string weekValue(CalendarDate date, bool weekend) {
    const IsoWeek week = isoWeek(date);
    return format("%04d-W%02d", week.year, week.week) + (weekend ? "-WE" : "");
}

// A month `offset` months from the reference month.
std::pair<int, int> addMonths(int year, int month, int offset) {
    const int index = year * 12 + (month - 1) + offset;
    return {index / 12, index % 12 + 1};
}

// The weekday nearest the reference in the given direction.
CalendarDate placeWeekday(int weekday, CalendarDate reference, Direction direction, Tense tense) {
    const int today = isoWeekday(reference);
    if (direction == Direction::ThisWeek) return addDays(reference, weekday - today);
    if (direction == Direction::FromTense) {
        if (weekday == today) return reference;
        direction = tense == Tense::Future ? Direction::Future : Direction::Past;
    }
    if (direction == Direction::Past) {
        const int back = (today - weekday + 7) % 7;
        return addDays(reference, -(back == 0 ? 7 : back));
    }
    const int ahead = (weekday - today + 7) % 7;
    return addDays(reference, ahead == 0 ? 7 : ahead);
}

// The year of a month (and day) given without one: for a month alone, the nearest such
// month in the tense's direction; for a day, the year that puts it nearest the reference.
int placeYear(int month, std::optional<int> day, CalendarDate reference, Tense tense) {
    if (!day) {
        if (tense == Tense::Future) return month >= reference.month ? reference.year : reference.year + 1;
        return month <= reference.month ? reference.year : reference.year - 1;
    }
    int best = reference.year;
    long bestDistance = -1;
    for (int year = reference.year - 1; year <= reference.year + 1; ++year) {
        if (!isValidDate(year, month, *day)) continue;
        const long distance = std::labs(toDayNumber({year, month, *day}) - toDayNumber(reference));
        if (bestDistance < 0 || distance < bestDistance) best = year, bestDistance = distance;
    }
    return best;
}

std::string timeSuffix(const DateExpression& expression) {
    if (expression.hour) return format("T%02d:%02d", *expression.hour, expression.minute.value_or(0));
    if (!expression.partOfDay.empty()) return std::string("T").append(expression.partOfDay);
    return {};
}

}  // namespace

bool DateExpression::hasDate() const {
    return year || month || day || weekday || decade || quarter || !season.empty() || relativeUnit;
}

bool DateExpression::isRelative() const {
    if (relativeUnit || weekday) return !(year && month && day);
    if (decade) return false;
    if (!year) return hasDate();  // a month, day, season or quarter without a year
    return false;
}

std::string resolve(const DateExpression& e, std::optional<CalendarDate> reference, Tense tense) {
    if (!e.hasDate()) return timeSuffix(e);
    if (e.isRelative() && !reference) return {};

    std::string date;
    if (e.decade) {
        date = format("%03dX", *e.decade);
    } else if (e.relativeUnit && (!e.season.empty() || e.quarter)) {
        const int year = reference->year + e.offset;
        date = !e.season.empty() ? format("%04d-", year) + std::string(e.season) : format("%04d-Q%d", year, *e.quarter);
    } else if (e.relativeUnit) {
        switch (*e.relativeUnit) {
            case Unit::Day: date = formatIsoDate(addDays(*reference, e.offset)); break;
            case Unit::Week: date = weekValue(addDays(*reference, 7L * e.offset), false); break;
            case Unit::Weekend: date = weekValue(addDays(*reference, 7L * e.offset), true); break;
            case Unit::Month: {
                const auto [year, month] = addMonths(reference->year, reference->month, e.offset);
                date = format("%04d-%02d", year, month);
                break;
            }
            case Unit::Year: date = format("%04d", reference->year + e.offset); break;
        }
    } else if (e.weekday && !(e.month && e.day)) {
        date = formatIsoDate(placeWeekday(*e.weekday, *reference, e.direction, tense));
    } else if (e.month) {
        const int year = e.year ? *e.year : placeYear(*e.month, e.day, *reference, tense);
        if (e.day && !isValidDate(year, *e.month, *e.day)) return {};
        date = e.day ? formatIsoDate({year, *e.month, *e.day}) : format("%04d-%02d", year, *e.month);
    } else {
        const int year = e.year ? *e.year : reference->year;
        if (!e.season.empty()) date = format("%04d-", year) + std::string(e.season);
        else if (e.quarter) date = format("%04d-Q%d", year, *e.quarter);
        else date = format("%04d", year);
    }
    // A time or part of day attaches only to a day.
    const std::string time = timeSuffix(e);
    if (!time.empty() && date.size() != 10) return date;
    return date + time;
}

}  // namespace annotator
