//! Dates: the ISO 8601 values measures and claims carry, as day ranges.

use chrono::{Datelike, Months, NaiveDate};

/// The first and last day a value can mean: `2022` is 2022-01-01..=2022-12-31,
/// `2022-08` the days of August, `2022-11/2023-03` from the first day of
/// November to the last day of March. `None` for anything else, including
/// open intervals (`2022/..`): an unknown bound is never guessed.
pub(crate) fn day_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let value = value.trim();
    if let Some((a, b)) = value.split_once('/') {
        let (start, _) = partial(a)?;
        let (_, end) = partial(b)?;
        return (start <= end).then_some((start, end));
    }
    partial(value)
}

/// A single `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part is dropped).
pub(crate) fn partial(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let value = value.trim();
    let date = value.get(..10.min(value.len()))?;
    if value.len() > 10 && !matches!(value.as_bytes()[10], b'T' | b' ') {
        return None;
    }
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => {
            let y = number(y, 4)? as i32;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        [y, m] => {
            let first = NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, 1)?;
            Some((first, last_of_month(first)?))
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// A full `YYYY-MM-DD` date, nothing else.
pub(crate) fn full_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 10 {
        return None;
    }
    partial(value).map(|(d, _)| d)
}

fn last_of_month(first: NaiveDate) -> Option<NaiveDate> {
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// Consecutive windows of `months` months from `start`: window `k` runs from
/// `start + k * months` to the day before window `k + 1` starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Windows {
    pub(crate) start: NaiveDate,
    pub(crate) months: u32,
}

impl Windows {
    /// The first day of window `k`.
    pub(crate) fn start_of(&self, k: u32) -> Option<NaiveDate> {
        self.start
            .checked_add_months(Months::new(k.checked_mul(self.months)?))
    }

    /// The last day of window `k`.
    pub(crate) fn end_of(&self, k: u32) -> Option<NaiveDate> {
        self.start_of(k + 1)?.pred_opt()
    }

    /// The window holding `day`, `None` before the first window.
    pub(crate) fn index_of(&self, day: NaiveDate) -> Option<u32> {
        if day < self.start {
            return None;
        }
        let months =
            (day.year() - self.start.year()) * 12 + day.month() as i32 - self.start.month() as i32;
        // An estimate from whole months, then corrected against the real
        // window bounds (month-end clamping can shift a bound by a few days).
        let mut k = (months.max(0) as u32) / self.months;
        while k > 0 && self.start_of(k).is_some_and(|s| s > day) {
            k -= 1;
        }
        while self.start_of(k + 1).is_some_and(|s| s <= day) {
            k += 1;
        }
        Some(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        full_date(s).unwrap()
    }

    #[test]
    fn ranges_cover_the_precision() {
        let cases = [
            ("2022", Some(("2022-01-01", "2022-12-31"))),
            ("2022-02", Some(("2022-02-01", "2022-02-28"))),
            ("2024-02", Some(("2024-02-01", "2024-02-29"))),
            ("2022-10-12", Some(("2022-10-12", "2022-10-12"))),
            ("2022-10-12T09:30:00Z", Some(("2022-10-12", "2022-10-12"))),
            ("2022-11/2023-03", Some(("2022-11-01", "2023-03-31"))),
            ("1986/1987", Some(("1986-01-01", "1987-12-31"))),
            ("2023/2022", None),
            ("2022/..", None),
            ("2022-13", None),
            ("2022-02-30", None),
            ("last year", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = day_range(input);
            let want = want.map(|(a, b)| (d(a), d(b)));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn windows_are_consecutive() {
        let w = Windows {
            start: d("2017-12-22"),
            months: 12,
        };
        assert_eq!(w.index_of(d("2017-12-21")), None);
        assert_eq!(w.index_of(d("2017-12-22")), Some(0));
        assert_eq!(w.index_of(d("2018-12-21")), Some(0));
        assert_eq!(w.index_of(d("2018-12-22")), Some(1));
        assert_eq!(w.end_of(0), Some(d("2018-12-21")));
        let y = Windows {
            start: d("2018-01-01"),
            months: 12,
        };
        assert_eq!(y.index_of(d("2022-08-31")), Some(4));
        assert_eq!(y.start_of(4), Some(d("2022-01-01")));
        assert_eq!(y.end_of(4), Some(d("2022-12-31")));
    }

    proptest::proptest! {
        #[test]
        fn every_day_falls_in_its_window(offset in 0u64..20_000, start_day in 1u32..=31, months in 1u32..=24) {
            let start = NaiveDate::from_ymd_opt(2001, 1, start_day).unwrap();
            let w = Windows { start, months };
            let day = start + chrono::Days::new(offset);
            let k = w.index_of(day).unwrap();
            proptest::prop_assert!(w.start_of(k).unwrap() <= day);
            proptest::prop_assert!(day <= w.end_of(k).unwrap());
        }
    }
}
