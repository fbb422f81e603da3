//! UTC dates from Unix seconds, with no time zone database.

/// Formats Unix seconds as `YYYY-MM-DD HH:MM` in UTC.
pub fn utc_date_time(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_date(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        of_day / 3600,
        of_day / 60 % 60
    )
}

/// Converts days since 1970-01-01 to a proleptic Gregorian year, month and day.
///
/// The calendar repeats every 400 years (146,097 days). Counting from 0000-03-01 puts
/// the leap day at the end of each year, so the month follows from the day of the year
/// by the fixed 153-day cycle of March to July and August to December.
fn civil_date(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        let cases = [
            (0, "1970-01-01 00:00"),
            (951_782_400, "2000-02-29 00:00"),
            (1_735_732_800, "2025-01-01 12:00"),
            (1_709_251_199, "2024-02-29 23:59"),
            (-86_400, "1969-12-31 00:00"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(utc_date_time(seconds), expected, "{seconds}");
        }
    }
}
