//! Reads the render bench's results from criterion's output directory.

use std::path::Path;
use std::time::Duration;

/// The median time to draw one frame with 100 and with 100,000 groups loaded.
pub struct RenderEstimates {
    pub small: Duration,
    pub large: Duration,
}

pub const SMALL_GROUPS: usize = 100;
pub const LARGE_GROUPS: usize = 100_000;

/// Reads `render/<groups>/new/estimates.json` under `dir` for both group counts.
pub fn read(dir: &Path) -> Result<RenderEstimates, String> {
    Ok(RenderEstimates {
        small: median(dir, SMALL_GROUPS)?,
        large: median(dir, LARGE_GROUPS)?,
    })
}

fn median(dir: &Path, groups: usize) -> Result<Duration, String> {
    let path = dir.join(format!("render/{groups}/new/estimates.json"));
    let text = std::fs::read_to_string(&path).map_err(|err| {
        format!(
            "{}: {err}; run `cargo bench --bench render` first",
            path.display()
        )
    })?;
    let estimates: serde_json::Value = serde_json::from_str(&text)
        .map_err(|err| format!("{} is not valid JSON: {err}", path.display()))?;
    let nanoseconds = estimates["median"]["point_estimate"]
        .as_f64()
        .ok_or(format!("{} has no median estimate", path.display()))?;
    Ok(Duration::from_secs_f64(nanoseconds / 1e9))
}
