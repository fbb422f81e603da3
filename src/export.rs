//! Writes the rows of the view on screen to a CSV or JSON file. The event loop runs
//! it on a blocking thread, and the app only prepares the request.

mod packs;

use std::fs::OpenOptions;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::output::format::{write_csv, write_json};
use crate::query::{GroupBy, GroupSummary, PackRow};

/// The file format, chosen by the path's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    /// Picks the format from the extension of `path`, ignoring case.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            _ => None,
        }
    }
}

/// The rows to write, in the order the view shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTable {
    Groups {
        group_by: GroupBy,
        rows: Vec<GroupSummary>,
    },
    Packs(Vec<PackRow>),
}

impl ExportTable {
    pub fn len(&self) -> usize {
        match self {
            ExportTable::Groups { rows, .. } => rows.len(),
            ExportTable::Packs(rows) => rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Returns the row noun for `count` rows, such as "groups".
    pub fn noun(&self, count: usize) -> &'static str {
        match (self, count) {
            (ExportTable::Groups { .. }, 1) => "group",
            (ExportTable::Groups { .. }, _) => "groups",
            (ExportTable::Packs(_), 1) => "conformance pack",
            (ExportTable::Packs(_), _) => "conformance packs",
        }
    }
}

/// One export for the event loop to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub path: PathBuf,
    pub format: ExportFormat,
    pub table: ExportTable,
}

/// Writes the request's rows to a new file and returns the number of rows written, or
/// a message in plain words. An existing file is never overwritten.
pub fn write(request: &ExportRequest) -> Result<usize, String> {
    let path = &request.path;
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|err| open_error(path, &err))?;
    let mut out = BufWriter::new(file);

    write_table(&mut out, request)
        .and_then(|()| out.flush())
        .map_err(|err| format!("failed to write {}: {err}", path.display()))?;
    tracing::info!(path = %path.display(), rows = request.table.len(), "exported");
    Ok(request.table.len())
}

fn write_table(out: &mut impl Write, request: &ExportRequest) -> io::Result<()> {
    match (&request.table, request.format) {
        (ExportTable::Groups { rows, .. }, ExportFormat::Csv) => write_csv(out, rows),
        (ExportTable::Groups { rows, group_by }, ExportFormat::Json) => {
            write_json(out, rows, *group_by)
        }
        (ExportTable::Packs(rows), ExportFormat::Csv) => packs::write_csv(out, rows),
        (ExportTable::Packs(rows), ExportFormat::Json) => packs::write_json(out, rows),
    }
}

/// Explains why the file could not be created, and what to do instead.
fn open_error(path: &Path, err: &io::Error) -> String {
    let shown = path.display();
    match err.kind() {
        io::ErrorKind::AlreadyExists => {
            format!("{shown} already exists: type another file name, or remove it first")
        }
        io::ErrorKind::NotFound => {
            let folder = path
                .parent()
                .map_or_else(String::new, |p| format!(" {}", p.display()));
            format!("the folder{folder} does not exist: create it or type another path")
        }
        io::ErrorKind::PermissionDenied => {
            format!("permission denied to create {shown}: choose a folder you can write to")
        }
        io::ErrorKind::IsADirectory => {
            format!("{shown} is a folder: add a file name ending in .csv or .json")
        }
        _ => format!("failed to create {shown}: {err}"),
    }
}

/// Expands a leading `~/` to the home folder, as a shell would.
pub fn expand_home(path: &str, home: Option<&Path>) -> PathBuf {
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests;
