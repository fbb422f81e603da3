//! `--output`: fetch every page, print it in one format, and exit.

mod format;

use std::io::{self, BufWriter, Write};

use color_eyre::eyre::{Result, bail};

use crate::app::paging::{Cursor, EndReason, Paging};
use crate::aws::{self, Source};
use crate::cli::OutputFormat;
use crate::query::{GroupBy, GroupSummary, Query};

/// Bytes collected before each write to `out`.
const WRITE_BUFFER_BYTES: usize = 64 * 1024;

/// Fetches all pages of the query and writes them to `out`.
pub async fn run(
    source: &Source,
    query: &Query,
    format: OutputFormat,
    out: &mut impl Write,
) -> Result<()> {
    let groups = fetch_all(source, query).await?;
    write_groups(out, &groups, format, query.group_by)?;
    Ok(())
}

/// Writes `groups` in `format` through a buffer and flushes it. Standard output is
/// line-buffered, so without the buffer every line of the output would cost a write
/// system call.
pub fn write_groups(
    out: &mut impl Write,
    groups: &[GroupSummary],
    format: OutputFormat,
    group_by: GroupBy,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(WRITE_BUFFER_BYTES, out);
    match format {
        OutputFormat::Json => format::write_json(&mut out, groups, group_by)?,
        OutputFormat::Csv => format::write_csv(&mut out, groups)?,
        OutputFormat::Table => format::write_table(&mut out, groups, group_by)?,
    }
    out.flush()
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
    Ok(paging.into_rows())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that counts the writes it receives.
    #[derive(Default)]
    struct CountingWriter {
        writes: usize,
        bytes: Vec<u8>,
    }

    impl Write for CountingWriter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.writes += 1;
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn groups(count: usize) -> Vec<GroupSummary> {
        (0..count)
            .map(|i| GroupSummary {
                name: format!("{i:012}"),
                compliant: 3,
                noncompliant: 1,
            })
            .collect()
    }

    #[test]
    fn output_is_written_in_large_chunks() {
        let groups = groups(2_000);
        for format in [OutputFormat::Json, OutputFormat::Csv, OutputFormat::Table] {
            let mut out = CountingWriter::default();
            write_groups(&mut out, &groups, format, GroupBy::Account).expect("write to memory");
            let max_writes = out.bytes.len().div_ceil(WRITE_BUFFER_BYTES) + 1;
            assert!(
                out.writes <= max_writes,
                "{format:?}: {} writes for {} bytes, expected at most {max_writes}",
                out.writes,
                out.bytes.len()
            );
            assert!(
                out.bytes.ends_with(b"\n"),
                "{format:?}: output must be complete and end with a newline"
            );
        }
    }
}
