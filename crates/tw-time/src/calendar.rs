//! What a recognised expression means, and how it resolves against an anchor.
//!
//! The grammar produces a symbolic [`Expr`]; [`Expr::resolve`] turns it into
//! a calendar value using the anchor. Keeping the two apart lets one parse
//! serve every anchor precision and keeps "never invent" in one place: each
//! rule here says what anchor precision it needs and returns `None` without it.

use chrono::{Datelike, Days, NaiveDate};

use crate::lexicon::CalUnit;
use crate::Anchor;

/// A calendar date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Date {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl Date {
    fn format(self) -> String {
        match self {
            Date::Year(y) => format!("{y:04}"),
            Date::Month(y, m) => format!("{y:04}-{m:02}"),
            Date::Day(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// Months since year 0 of the first month this date touches.
    fn first_month_index(self) -> i64 {
        match self {
            Date::Year(y) => month_index(y, 1),
            Date::Month(y, m) => month_index(y, m),
            Date::Day(d) => month_index(d.year(), d.month()),
        }
    }

    /// Months since year 0 of the last month this date touches.
    fn last_month_index(self) -> i64 {
        match self {
            Date::Year(y) => month_index(y, 12),
            _ => self.first_month_index(),
        }
    }
}

/// A resolved value: a date, or an interval between two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Value {
    pub start: Date,
    pub end: Date,
}

impl Value {
    fn point(date: Date) -> Value {
        Value {
            start: date,
            end: date,
        }
    }

    fn span(start: Date, end: Date) -> Value {
        Value { start, end }
    }

    /// ISO 8601: `2022`, `2022-08`, `2022-10-12`, or `start/end`.
    pub(crate) fn format(self) -> String {
        if self.start == self.end {
            self.start.format()
        } else {
            format!("{}/{}", self.start.format(), self.end.format())
        }
    }

    fn mid_month_index(self) -> i64 {
        (self.start.first_month_index() + self.end.last_month_index()).div_euclid(2)
    }
}

pub(crate) fn month_index(year: i32, month: u32) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

fn from_month_index(index: i64) -> Option<Date> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    Some(Date::Month(year, month))
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The Monday of the ISO week `weeks` weeks from the one holding `date`.
fn week_monday(date: NaiveDate, weeks: i64) -> Option<NaiveDate> {
    let back = i64::from(date.weekday().num_days_from_monday());
    add_days(date, weeks.checked_mul(7)?.checked_sub(back)?)
}

fn week_value(monday: NaiveDate) -> Option<Value> {
    Some(Value::span(
        Date::Day(monday),
        Date::Day(add_days(monday, 6)?),
    ))
}

/// Which year a sub-year period without an explicit year belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out: "May 1987".
    Explicit(i32),
    /// A two-digit year ("FY87", "86/87"): its century comes from the anchor.
    Short(u32),
    /// Relative to the anchor's year: "this year" 0, "last year" -1.
    Offset(i32),
    /// No year given: the occurrence nearest the anchor (needs a month).
    Nearest,
    /// "next March": the first occurrence after the anchor month.
    After,
    /// "last March": the latest occurrence before the anchor month.
    Before,
    /// A year the text names relative to something other than the anchor.
    Unknown,
}

impl YearRef {
    /// The year when it does not depend on the period: explicit, two-digit
    /// or anchor-relative references.
    fn fixed_year(self, anchor: Option<&Anchor>) -> Option<i32> {
        match self {
            YearRef::Explicit(y) => Some(y),
            YearRef::Short(yy) => {
                let anchor_year = anchor?.year;
                let yy = i32::try_from(yy).ok()?;
                // The century that puts the year closest to the anchor.
                let base = anchor_year.div_euclid(100) * 100;
                [base - 100, base, base + 100]
                    .into_iter()
                    .map(|century| century + yy)
                    .min_by_key(|y| (y - anchor_year).abs())
            }
            YearRef::Offset(offset) => anchor?.year.checked_add(offset),
            YearRef::Nearest | YearRef::After | YearRef::Before | YearRef::Unknown => None,
        }
    }
}

/// A period inside a year, waiting for its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    /// One month.
    Month(u32),
    /// Two months as one period ("May/June"); the second may be in the next year.
    Months(u32, u32),
    /// One day: month, day.
    Day(u32, u32),
    /// Days of one month: month, first, last ("May 1-10").
    Days(u32, u32, u32),
    /// Days across two months: month, day, month, day ("May 20-June 10").
    DaySpan(u32, u32, u32, u32),
    /// Half of a month: month, 1 or 2.
    MonthHalf(u32, u32),
    /// Quarter 1-4.
    Quarter(u32),
    /// Half-year 1 or 2.
    Half(u32),
    /// A season given by its first month; see [`crate`] docs.
    Season(u32),
    /// The first n months of a year.
    FirstMonths(u32),
    /// The last n months of a year.
    LastMonths(u32),
}

impl Period {
    /// The period in `year`, or `None` when it is not a real date.
    fn in_year(self, year: i32) -> Option<Value> {
        let month = |m: u32| Date::Month(year, m);
        let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d).map(Date::Day);
        let next = year.checked_add(1)?;
        Some(match self {
            Period::Month(m) => Value::point(month(m)),
            Period::Months(a, b) => {
                let end_year = if b < a { next } else { year };
                Value::span(month(a), Date::Month(end_year, b))
            }
            Period::Day(m, d) => Value::point(day(m, d)?),
            Period::Days(m, a, b) => Value::span(day(m, a)?, day(m, b)?),
            Period::DaySpan(m1, d1, m2, d2) => {
                let end_year = if m2 < m1 { next } else { year };
                let end = NaiveDate::from_ymd_opt(end_year, m2, d2)?;
                Value::span(day(m1, d1)?, Date::Day(end))
            }
            Period::MonthHalf(m, 1) => Value::span(day(m, 1)?, day(m, 15)?),
            Period::MonthHalf(m, _) => {
                Value::span(day(m, 16)?, Date::Day(last_day_of_month(year, m)?))
            }
            Period::Quarter(q) => Value::span(month(3 * q - 2), month(3 * q)),
            Period::Half(1) => Value::span(month(1), month(6)),
            Period::Half(_) => Value::span(month(7), month(12)),
            Period::Season(12) => Value::span(month(12), Date::Month(next, 2)),
            Period::Season(m) => Value::span(month(m), month(m + 2)),
            Period::FirstMonths(n) => Value::span(month(1), month(n)),
            Period::LastMonths(n) => Value::span(month(13 - n), month(12)),
        })
    }

    /// The month the period starts in (for "next"/"last" comparisons).
    fn first_month(self) -> u32 {
        match self {
            Period::Month(m)
            | Period::Months(m, _)
            | Period::Day(m, _)
            | Period::Days(m, _, _)
            | Period::DaySpan(m, _, _, _)
            | Period::MonthHalf(m, _)
            | Period::Season(m) => m,
            Period::Quarter(q) => 3 * q - 2,
            Period::Half(h) => 6 * h - 5,
            Period::FirstMonths(_) => 1,
            Period::LastMonths(n) => 13 - n,
        }
    }

    /// Resolve with a year reference.
    fn resolve(self, year: YearRef, anchor: Option<&Anchor>) -> Option<Value> {
        if let Some(y) = year.fixed_year(anchor) {
            return self.in_year(y);
        }
        let anchor_month = anchor?.month_index()?;
        let anchor_year = anchor?.year;
        let candidates = (-2..=2).filter_map(|d| anchor_year.checked_add(d));
        match year {
            // The occurrence whose middle is nearest the anchor month; on a
            // tie (six months either way) the past one, since news more
            // often reports than forecasts.
            YearRef::Nearest => candidates
                .filter_map(|y| self.in_year(y))
                .min_by_key(|v| (v.mid_month_index() - anchor_month).abs())
                .filter(|v| (v.mid_month_index() - anchor_month).abs() <= 6),
            YearRef::After => candidates
                .filter(|&y| month_index(y, self.first_month()) > anchor_month)
                .min()
                .and_then(|y| self.in_year(y)),
            YearRef::Before => candidates
                .filter(|&y| month_index(y, self.first_month()) < anchor_month)
                .max()
                .and_then(|y| self.in_year(y)),
            _ => None,
        }
    }
}

/// Which occurrence of a weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekdayRef {
    /// "last Friday": strictly before the anchor day.
    Last,
    /// "next Monday", "this coming Monday": strictly after the anchor day.
    Next,
    /// "this Monday": that day in the anchor's ISO week.
    This,
    /// A bare weekday in past-tense copy ("said on Monday"): the anchor day
    /// itself or the latest one before it.
    RecentPast,
    /// A bare weekday after a future cue ("will meet on Monday"): the
    /// anchor day itself or the first one after it.
    ComingFuture,
}

/// A recognised expression before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// Years: a single year (start == end), a pair ("1986/87") or a decade.
    Years(YearRef, YearRef),
    /// A fixed day written in full ("1987-03-26").
    Day(NaiveDate),
    /// A period inside a year.
    Period(Period, YearRef),
    /// A period relative to the anchor ("last week", "this month").
    Relative(CalUnit, Option<i64>),
    /// A weekday: ISO number (Monday 1) and which one.
    Weekday(u32, WeekdayRef),
    /// "N units ago".
    Ago(u32, CalUnit),
    /// "the past N units": the interval ending at the anchor.
    Past(u32, CalUnit),
    /// "the next N units": the interval starting at the anchor.
    Next(u32, CalUnit),
    /// "from X to Y", "between X and Y".
    Range(Box<Expr>, Box<Expr>),
    /// Recognised but never resolvable (durations, "recently", "the
    /// year-ago month", "the current season").
    Unresolvable,
}

impl Expr {
    pub(crate) fn resolve(&self, anchor: Option<&Anchor>) -> Option<Value> {
        match self {
            Expr::Years(a, b) => {
                let start = a.fixed_year(anchor)?;
                let end = b.fixed_year(anchor)?;
                (end >= start).then_some(Value::span(Date::Year(start), Date::Year(end)))
            }
            Expr::Day(d) => Some(Value::point(Date::Day(*d))),
            Expr::Period(period, year) => period.resolve(*year, anchor),
            Expr::Relative(unit, offset) => resolve_relative(*unit, *offset, anchor?),
            Expr::Weekday(weekday, which) => resolve_weekday(*weekday, *which, anchor?),
            Expr::Ago(n, unit) => resolve_ago(i64::from(*n), *unit, anchor?),
            Expr::Past(n, unit) => resolve_window(-i64::from(*n), *unit, anchor?),
            Expr::Next(n, unit) => resolve_window(i64::from(*n), *unit, anchor?),
            Expr::Range(start, end) => resolve_range(start, end, anchor),
            Expr::Unresolvable => None,
        }
    }

    /// True for expressions that name a calendar time (as opposed to
    /// durations and vague words), i.e. that may form a range or a bound.
    pub(crate) fn is_datelike(&self) -> bool {
        !matches!(self, Expr::Unresolvable)
    }

    /// True for a month-level or year-level expression with an explicit
    /// calendar name, used to allow bare "April to June" ranges.
    pub(crate) fn range_level(&self) -> Option<u8> {
        match self {
            Expr::Years(YearRef::Explicit(_), _) => Some(1),
            Expr::Period(Period::Month(_), _) => Some(2),
            _ => None,
        }
    }
}

fn resolve_relative(unit: CalUnit, offset: Option<i64>, anchor: &Anchor) -> Option<Value> {
    match unit {
        CalUnit::Year => {
            let offset = i32::try_from(offset?).ok()?;
            Some(Value::point(Date::Year(anchor.year.checked_add(offset)?)))
        }
        CalUnit::Month => Some(Value::point(from_month_index(
            anchor.month_index()?.checked_add(offset?)?,
        )?)),
        CalUnit::Quarter => {
            let index = anchor.month_index()?;
            let quarter_start = index - index.rem_euclid(3) + offset?.checked_mul(3)?;
            Some(Value::span(
                from_month_index(quarter_start)?,
                from_month_index(quarter_start + 2)?,
            ))
        }
        CalUnit::Day => Some(Value::point(Date::Day(add_days(anchor.date()?, offset?)?))),
        CalUnit::Week => week_value(week_monday(anchor.date()?, offset?)?),
        CalUnit::Weekend => {
            let date = anchor.date()?;
            // "the weekend" without a determiner is the latest one: this
            // week's when the anchor is itself on a weekend, else last week's.
            let offset = offset.unwrap_or(if date.weekday().number_from_monday() >= 6 {
                0
            } else {
                -1
            });
            let saturday = add_days(week_monday(date, offset)?, 5)?;
            Some(Value::span(
                Date::Day(saturday),
                Date::Day(add_days(saturday, 1)?),
            ))
        }
        CalUnit::Decade | CalUnit::Hour => None,
    }
}

fn resolve_weekday(weekday: u32, which: WeekdayRef, anchor: &Anchor) -> Option<Value> {
    let date = anchor.date()?;
    let today = i64::from(date.weekday().number_from_monday());
    let target = i64::from(weekday);
    let delta = match which {
        WeekdayRef::Last => -((today - target - 1).rem_euclid(7) + 1),
        WeekdayRef::Next => (target - today - 1).rem_euclid(7) + 1,
        WeekdayRef::This => target - today,
        WeekdayRef::RecentPast => -(today - target).rem_euclid(7),
        WeekdayRef::ComingFuture => (target - today).rem_euclid(7),
    };
    Some(Value::point(Date::Day(add_days(date, delta)?)))
}

fn resolve_ago(n: i64, unit: CalUnit, anchor: &Anchor) -> Option<Value> {
    match unit {
        CalUnit::Year => resolve_relative(CalUnit::Year, Some(-n), anchor),
        CalUnit::Decade => resolve_relative(CalUnit::Year, Some(-n.checked_mul(10)?), anchor),
        CalUnit::Month => resolve_relative(CalUnit::Month, Some(-n), anchor),
        CalUnit::Quarter => resolve_relative(CalUnit::Quarter, Some(-n), anchor),
        CalUnit::Week => resolve_relative(CalUnit::Week, Some(-n), anchor),
        CalUnit::Day => resolve_relative(CalUnit::Day, Some(-n), anchor),
        CalUnit::Weekend | CalUnit::Hour => None,
    }
}

/// "the past/next n units": from the anchor back or forward n units, at the
/// precision of the unit.
fn resolve_window(n: i64, unit: CalUnit, anchor: &Anchor) -> Option<Value> {
    let (here, there) = match unit {
        CalUnit::Year | CalUnit::Decade => {
            let years = if unit == CalUnit::Decade {
                n.checked_mul(10)?
            } else {
                n
            };
            let there = anchor.year.checked_add(i32::try_from(years).ok()?)?;
            (Date::Year(anchor.year), Date::Year(there))
        }
        CalUnit::Month | CalUnit::Quarter => {
            let months = if unit == CalUnit::Quarter {
                n.checked_mul(3)?
            } else {
                n
            };
            let index = anchor.month_index()?;
            (
                from_month_index(index)?,
                from_month_index(index.checked_add(months)?)?,
            )
        }
        CalUnit::Week | CalUnit::Day => {
            let days = if unit == CalUnit::Week {
                n.checked_mul(7)?
            } else {
                n
            };
            let date = anchor.date()?;
            (Date::Day(date), Date::Day(add_days(date, days)?))
        }
        CalUnit::Weekend | CalUnit::Hour => return None,
    };
    Some(if n < 0 {
        Value::span(there, here)
    } else {
        Value::span(here, there)
    })
}

/// A range's ends help each other: "from May to July 1987" takes the year
/// from its end, "from May to July" puts July after May.
fn resolve_range(start: &Expr, end: &Expr, anchor: Option<&Anchor>) -> Option<Value> {
    let start_value = match (start, end) {
        (Expr::Period(p, YearRef::Nearest), Expr::Period(q, end_year)) => {
            match end_year.fixed_year(anchor) {
                Some(y) => {
                    let y = if p.first_month() > q.first_month() {
                        y.checked_sub(1)?
                    } else {
                        y
                    };
                    p.in_year(y)?
                }
                None => start.resolve(anchor)?,
            }
        }
        _ => start.resolve(anchor)?,
    };
    let end_value = match end {
        Expr::Period(q, YearRef::Nearest) => {
            let start_month = start_value.start.first_month_index();
            let start_year = i32::try_from(start_month.div_euclid(12)).ok()?;
            [start_year, start_year.checked_add(1)?]
                .into_iter()
                .filter_map(|y| q.in_year(y))
                .find(|v| v.start.first_month_index() >= start_month)?
        }
        _ => end.resolve(anchor)?,
    };
    if end_value.end.last_month_index() < start_value.start.first_month_index() {
        return None;
    }
    Some(Value::span(start_value.start, end_value.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(s: &str) -> Anchor {
        Anchor::from_iso(s).unwrap()
    }

    #[test]
    fn nearest_month_crosses_year_boundaries() {
        let p = |m, a: &str| {
            Period::Month(m)
                .resolve(YearRef::Nearest, Some(&anchor(a)))
                .map(Value::format)
        };
        assert_eq!(p(5, "1987-03"), Some("1987-05".into()));
        assert_eq!(p(12, "1987-04"), Some("1986-12".into()));
        assert_eq!(p(8, "2022-11"), Some("2022-08".into()));
        assert_eq!(p(1, "2022-11"), Some("2023-01".into()));
        // A tie at six months goes to the past.
        assert_eq!(p(9, "1987-03"), Some("1986-09".into()));
        assert_eq!(p(5, "1987"), None);
    }

    #[test]
    fn weekdays_count_from_the_anchor() {
        // 1987-03-26 was a Thursday.
        let a = anchor("1987-03-26");
        let w = |d, r| resolve_weekday(d, r, &a).map(Value::format);
        assert_eq!(w(5, WeekdayRef::Last), Some("1987-03-20".into()));
        assert_eq!(w(4, WeekdayRef::Last), Some("1987-03-19".into()));
        assert_eq!(w(1, WeekdayRef::Next), Some("1987-03-30".into()));
        assert_eq!(w(4, WeekdayRef::Next), Some("1987-04-02".into()));
        assert_eq!(w(4, WeekdayRef::RecentPast), Some("1987-03-26".into()));
        assert_eq!(w(1, WeekdayRef::RecentPast), Some("1987-03-23".into()));
        assert_eq!(w(1, WeekdayRef::ComingFuture), Some("1987-03-30".into()));
        assert_eq!(w(1, WeekdayRef::This), Some("1987-03-23".into()));
    }

    #[test]
    fn extreme_years_do_not_panic() {
        let a = Anchor {
            year: i32::MAX,
            month: Some(12),
            day: Some(31),
        };
        for unit in [CalUnit::Year, CalUnit::Month, CalUnit::Day, CalUnit::Week] {
            let _ = resolve_relative(unit, Some(1), &a);
            let _ = resolve_window(i64::from(u32::MAX), unit, &a);
        }
        let _ = Period::Season(12).resolve(YearRef::Nearest, Some(&a));
    }
}
