//! The totals line on the list's bottom border, marked partial until every page is
//! loaded.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;
use crate::app::drilldown::DrillDown;
use crate::app::totals::with_separators;

/// Builds the summary totals, such as " 1,234 compliant · 56 noncompliant packs in 100
/// groups · partial ".
pub fn summary_line(app: &App, theme: &Theme) -> Line<'static> {
    let totals = app.totals;
    let noun = if totals.groups == 1 {
        "group"
    } else {
        "groups"
    };
    let mut spans = vec![
        Span::raw(format!(
            " {} compliant · ",
            with_separators(totals.compliant)
        )),
        Span::styled(
            format!("{} noncompliant", with_separators(totals.noncompliant)),
            noncompliant_style(totals.noncompliant, theme),
        ),
        Span::raw(format!(
            " packs in {} {noun} ",
            with_separators(totals.groups as u64)
        )),
    ];
    spans.extend(partial_mark(app.paging.is_ended(), theme));
    Line::from(spans)
}

/// Builds the drill-down totals, such as " 12 packs: 9 compliant · 2 noncompliant · 1
/// insufficient data · partial ".
pub fn packs_line(drill: &DrillDown, theme: &Theme) -> Line<'static> {
    let totals = drill.totals;
    let noun = if totals.packs() == 1 { "pack" } else { "packs" };
    let mut spans = vec![
        Span::raw(format!(
            " {} {noun}: {} compliant · ",
            with_separators(totals.packs()),
            with_separators(totals.compliant)
        )),
        Span::styled(
            format!("{} noncompliant", with_separators(totals.noncompliant)),
            noncompliant_style(totals.noncompliant, theme),
        ),
        Span::raw(format!(
            " · {} insufficient data ",
            with_separators(totals.other)
        )),
    ];
    spans.extend(partial_mark(drill.list.paging.is_ended(), theme));
    Line::from(spans)
}

fn noncompliant_style(count: u64, theme: &Theme) -> ratatui::style::Style {
    if count > 0 {
        theme.noncompliant
    } else {
        theme.muted
    }
}

fn partial_mark(ended: bool, theme: &Theme) -> Option<Span<'static>> {
    (!ended).then(|| Span::styled("· partial ", theme.warning))
}
