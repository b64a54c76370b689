//! `report.json`: the machine-readable report (format in [`super::model`]).

use std::path::{Path, PathBuf};

use super::write::write_atomic;
use super::{Report, ReportError, Reporter};
use crate::lang::Lang;

pub struct JsonReporter;

/// Pretty JSON with a trailing newline, so diffs between runs read line by line.
pub fn to_json(report: &Report) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(report)?;
    json.push('\n');
    Ok(json)
}

impl Reporter for JsonReporter {
    fn name(&self) -> &'static str {
        "report.json"
    }

    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        _lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError> {
        let path = out_dir.join("report.json");
        let json = to_json(report).map_err(|e| ReportError::build(&path, e))?;
        write_atomic(&path, json.as_bytes())?;
        Ok(vec![path])
    }
}
