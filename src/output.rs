//! `--output`: fetch every page, print it in one format, and exit.

pub(crate) mod format;

use std::io::{self, BufWriter, Write};

use color_eyre::eyre::{Result, bail};

use crate::app::paging::{Cursor, EndReason, MAX_EMPTY_PAGES_IN_A_ROW, Paging};
use crate::aws::{self, ErrorKind, Source};
use crate::cli::OutputFormat;
use crate::query::{GroupSummary, Query};

/// Bytes collected before each write to `out`.
const WRITE_BUFFER_BYTES: usize = 64 * 1024;

/// The outcome of a run of `--output`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    /// The list ended early for the given reason; what was fetched was still written.
    Incomplete(String),
}

/// Fetches all pages of the query and writes them to `out`. A broken pipe (the reader
/// of a `| head` went away) ends the run quietly.
pub async fn run(
    source: &Source,
    query: &Query,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<Completeness> {
    let (groups, completeness) = fetch_groups(source, query).await?;
    match write(out, &groups, query, format) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(Completeness::Complete),
        Err(err) => Err(err.into()),
        Ok(()) => Ok(completeness),
    }
}

/// Writes `groups` through a buffer and flushes it. Standard output is line-buffered,
/// so without the buffer every line of the output would cost a write system call.
fn write(
    out: &mut impl Write,
    groups: &[GroupSummary],
    query: &Query,
    format: OutputFormat,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(WRITE_BUFFER_BYTES, out);
    match format {
        OutputFormat::Json => format::write_json(&mut out, groups, query.group_by)?,
        OutputFormat::Csv => format::write_csv(&mut out, groups)?,
        OutputFormat::Table => format::write_table(&mut out, groups, query.group_by)?,
    }
    out.flush()
}

/// Follows next tokens until the list ends and returns every group, failing if the list
/// ended early.
pub async fn fetch_all(source: &Source, query: &Query) -> Result<Vec<GroupSummary>> {
    match fetch_groups(source, query).await? {
        (groups, Completeness::Complete) => Ok(groups),
        (_, Completeness::Incomplete(reason)) => bail!("{reason}"),
    }
}

/// Follows next tokens with the interactive view's stopping rules. Like the view, it
/// restarts once from the first page after InvalidNextTokenException, and requests
/// once more a page whose response could not be read.
async fn fetch_groups(source: &Source, query: &Query) -> Result<(Vec<GroupSummary>, Completeness)> {
    let mut paging = Paging::default();
    let mut restarted = false;
    let mut page_retried = false;

    while let Some(token) = paging.start_request() {
        let err = match aws::fetch_page(source, query, token).await {
            Ok(page) => {
                paging.accept(page);
                page_retried = false;
                continue;
            }
            Err(err) => err,
        };

        paging.fail();
        match err.kind {
            ErrorKind::InvalidNextToken if !restarted => {
                restarted = true;
                paging = Paging::default();
            }
            ErrorKind::MalformedResponse if !page_retried => page_retried = true,
            _ => bail!("{err}"),
        }
    }

    let completeness = match paging.cursor() {
        Cursor::End(EndReason::RepeatedToken) => Completeness::Incomplete(
            "the service returned the same next token twice, so the output may be incomplete"
                .to_string(),
        ),
        Cursor::End(EndReason::TooManyEmptyPages) => Completeness::Incomplete(format!(
            "stopped after {MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row, so the output may be incomplete"
        )),
        _ => Completeness::Complete,
    };
    Ok((paging.into_rows(), completeness))
}
