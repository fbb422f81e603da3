//! The lower bound for the bytes of one screen update: repainting only the rows that
//! changed.

/// The rows that differ between two screens and the bytes needed to repaint them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaint {
    pub changed_rows: Vec<u16>,
    pub bytes: usize,
}

/// Estimates the bytes of the smallest repaint from `before` to `after`. Each row that
/// differs costs one cursor move to its first changed cell, then the cells' text up to
/// its last changed cell. Each run of equal style costs one SGR sequence that resets
/// and sets attributes and colours. An encoder could save a few bytes with shorter
/// style switches or by skipping unchanged cells inside a row, so this estimates the
/// bound rather than proving it.
pub fn lower_bound(before: &vt100::Screen, after: &vt100::Screen) -> Repaint {
    let (rows, cols) = after.size();
    let mut repaint = Repaint {
        changed_rows: Vec::new(),
        bytes: 0,
    };
    for row in 0..rows.get() {
        let changed: Vec<u16> = (0..cols.get())
            .filter(|&col| !same_cell(before.cell(row, col), after.cell(row, col)))
            .collect();
        let (Some(&first), Some(&last)) = (changed.first(), changed.last()) else {
            continue;
        };
        repaint.changed_rows.push(row);
        repaint.bytes += format!("\x1b[{};{}H", row + 1, first + 1).len();
        repaint.bytes += span_bytes(after, row, first, last);
    }
    repaint
}

fn span_bytes(screen: &vt100::Screen, row: u16, first: u16, last: u16) -> usize {
    let mut bytes = 0;
    let mut current: Option<String> = None;
    for col in first..=last {
        let Some(cell) = screen.cell(row, col) else {
            continue;
        };
        if cell.is_wide_continuation() {
            continue;
        }
        let style = sgr(cell);
        if current.as_deref() != Some(style.as_str()) {
            bytes += style.len();
            current = Some(style);
        }
        bytes += cell.contents().len().max(1);
    }
    bytes
}

fn same_cell(a: Option<&vt100::Cell>, b: Option<&vt100::Cell>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.contents() == b.contents() && sgr(a) == sgr(b),
        (None, None) => true,
        _ => false,
    }
}

/// Returns the SGR sequence that resets the style and sets this cell's.
fn sgr(cell: &vt100::Cell) -> String {
    let mut parameters = vec!["0".to_string()];
    let flags = [
        (cell.bold(), "1"),
        (cell.dim(), "2"),
        (cell.italic(), "3"),
        (cell.underline(), "4"),
        (cell.inverse(), "7"),
    ];
    for (on, code) in flags {
        if on {
            parameters.push(code.to_string());
        }
    }
    parameters.extend(color(cell.fgcolor(), 30, 90, 38));
    parameters.extend(color(cell.bgcolor(), 40, 100, 48));
    format!("\x1b[{}m", parameters.join(";"))
}

/// Returns the SGR parameter for a colour, given the codes of the 8 basic colours,
/// the 8 bright ones, and the extended form.
fn color(color: vt100::Color, basic: u16, bright: u16, extended: u16) -> Option<String> {
    match color {
        vt100::Color::Default => None,
        vt100::Color::Idx(index) if index < 8 => Some((basic + u16::from(index)).to_string()),
        vt100::Color::Idx(index) if index < 16 => Some((bright + u16::from(index) - 8).to_string()),
        vt100::Color::Idx(index) => Some(format!("{extended};5;{index}")),
        vt100::Color::Rgb(r, g, b) => Some(format!("{extended};2;{r};{g};{b}")),
    }
}
