//! `--output`: fetch every page, print it in one format, and exit.

pub(crate) mod format;

use std::io::Write;

use color_eyre::eyre::{Result, bail};

use crate::app::paging::{Cursor, EndReason, Paging};
use crate::aws::{self, Source};
use crate::cli::OutputFormat;
use crate::query::{GroupSummary, Query};

/// Fetches all pages of the query and writes them to `out`.
pub async fn run(
    source: &Source,
    query: &Query,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<()> {
    let groups = fetch_all(source, query).await?;
    match format {
        OutputFormat::Json => format::write_json(out, &groups, query.group_by)?,
        OutputFormat::Csv => format::write_csv(out, &groups)?,
        OutputFormat::Table => format::write_table(out, &groups, query.group_by)?,
    }
    out.flush()?;
    Ok(())
}

/// Follows next tokens until the list ends, with the same stopping rules as the
/// interactive view. A list that ends early is reported on stderr, not hidden.
pub async fn fetch_all(source: &Source, query: &Query) -> Result<Vec<GroupSummary>> {
    let mut paging = Paging::default();

    while let Some(token) = paging.start_request() {
        match aws::fetch_page(source, query, token).await {
            Ok(page) => {
                paging.accept(page);
            }
            Err(err) => bail!("{err}"),
        }
    }

    match paging.cursor() {
        Cursor::End(EndReason::RepeatedToken) => {
            eprintln!(
                "packscope: warning: the service returned the same next token twice; the output may be incomplete"
            );
        }
        Cursor::End(EndReason::TooManyEmptyPages) => {
            eprintln!(
                "packscope: warning: stopped after {} empty pages in a row; the output may be incomplete",
                crate::app::paging::MAX_EMPTY_PAGES_IN_A_ROW
            );
        }
        _ => {}
    }
    Ok(paging.rows().to_vec())
}
