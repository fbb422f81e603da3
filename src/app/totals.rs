//! Running totals of the loaded rows, kept as pages arrive so drawing never sums the
//! whole list.

use crate::query::{GroupSummary, PackComplianceType, PackRow};

/// Compliant and noncompliant packs over the loaded summary groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupTotals {
    pub compliant: u64,
    pub noncompliant: u64,
    pub groups: usize,
}

impl GroupTotals {
    pub fn add(&mut self, groups: &[GroupSummary]) {
        for group in groups {
            self.compliant += u64::from(group.compliant);
            self.noncompliant += u64::from(group.noncompliant);
        }
        self.groups += groups.len();
    }
}

/// Loaded drill-down packs by compliance type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PackTotals {
    pub compliant: u64,
    pub noncompliant: u64,
    /// INSUFFICIENT_DATA packs and any type this version does not know.
    pub other: u64,
}

impl PackTotals {
    pub fn add(&mut self, packs: &[PackRow]) {
        for pack in packs {
            match pack.compliance {
                PackComplianceType::Compliant => self.compliant += 1,
                PackComplianceType::NonCompliant => self.noncompliant += 1,
                PackComplianceType::InsufficientData | PackComplianceType::Unknown => {
                    self.other += 1;
                }
            }
        }
    }

    pub fn packs(&self) -> u64 {
        self.compliant + self.noncompliant + self.other
    }
}

/// Formats a count with a comma between each group of three digits: 1,234,567.
pub fn with_separators(count: u64) -> String {
    let digits = count.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_totals_add_pages() {
        let group = |compliant, noncompliant| GroupSummary {
            name: "g".into(),
            compliant,
            noncompliant,
        };
        let mut totals = GroupTotals::default();
        totals.add(&[group(3, 1), group(0, 0)]);
        totals.add(&[group(u32::MAX, u32::MAX)]);
        assert_eq!(totals.compliant, 3 + u64::from(u32::MAX));
        assert_eq!(totals.noncompliant, 1 + u64::from(u32::MAX));
        assert_eq!(totals.groups, 3, "empty groups count too");
    }

    #[test]
    fn app_totals_follow_pages_and_restart() {
        use crate::action::{Action, Command, PageResult};
        use crate::app::App;
        use crate::query::{Filters, GroupBy, Page, Query};

        let query = Query {
            aggregator: "org".into(),
            group_by: GroupBy::Account,
            filters: Filters::default(),
            page_size: 2,
        };
        let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
        app.start();
        let page = |generation, token: Option<&str>| {
            Action::PageLoaded(PageResult {
                generation,
                result: Ok(Page {
                    groups: vec![
                        GroupSummary {
                            name: "a".into(),
                            compliant: 2,
                            noncompliant: 1,
                        },
                        GroupSummary {
                            name: "b".into(),
                            compliant: 5,
                            noncompliant: 0,
                        },
                    ],
                    next_token: token.map(String::from),
                }),
                received_at: std::time::SystemTime::UNIX_EPOCH,
            })
        };
        app.update(page(0, Some("t1")));
        app.update(page(0, None));
        assert_eq!(app.totals.compliant, 14, "two pages of 7 compliant");
        assert_eq!(app.totals.noncompliant, 2);
        assert_eq!(app.totals.groups, 4);

        app.update(Action::Command(Command::ToggleGroupBy));
        assert_eq!(
            app.totals,
            GroupTotals::default(),
            "a new query starts from zero"
        );
        app.update(page(0, None));
        assert_eq!(app.totals.groups, 0, "a late page of the old query counted");
    }

    #[test]
    fn separators_every_three_digits() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (1_234_567, "1,234,567"),
        ];
        for (count, expected) in cases {
            assert_eq!(with_separators(count), expected, "{count}");
        }
    }
}
