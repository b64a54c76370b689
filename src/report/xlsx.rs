//! `summary.xlsx`: the entries table, unit quotas and every check, one sheet each, with
//! filters on and the header row frozen, for councils that sort and annotate in Excel.
//!
//! Untrusted text is always written as a string cell, never a formula; a cell that would
//! look like a formula when edited (`=`, `+`, `-`, `@`, tab, CR) also gets Excel's "quote
//! prefix" so it stays text even after someone retypes it.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::escape::{looks_like_formula, truncate_chars, without_controls};
use super::model::{Report, Verdict};
use super::table::{self, Cell};
use super::words::{self, Captions};
use super::write::write_atomic;
use super::{ReportError, Reporter};
use crate::lang::Lang;

pub struct XlsxReporter;

/// Excel's limit is 32,767 characters per cell; stay clear of it.
const MAX_CELL_CHARS: usize = 32_000;

struct Formats {
    header: Format,
    text: Format,
    guarded: Format,
    percent: Format,
    number: Format,
    pass: Format,
    fail: Format,
    cannot_tell: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12);
        Formats {
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xDCE6F1))
                .set_border_bottom(FormatBorder::Thin),
            text: base.clone().set_text_wrap(),
            guarded: base.clone().set_text_wrap().set_quote_prefix(),
            percent: base.clone().set_num_format("0%"),
            number: base.clone().set_num_format("0"),
            pass: base.clone().set_font_color(Color::RGB(0x1E7B45)).set_bold(),
            fail: base.clone().set_font_color(Color::RGB(0xB42318)).set_bold(),
            cannot_tell: base.set_font_color(Color::RGB(0x5F6B7A)),
        }
    }

    fn verdict(&self, verdict: Verdict) -> &Format {
        match verdict {
            Verdict::Pass => &self.pass,
            Verdict::Fail => &self.fail,
            Verdict::CannotTell | Verdict::Resubmit => &self.cannot_tell,
        }
    }
}

/// Write untrusted text as a string cell (quote-prefixed when it looks like a formula).
fn put_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    formats: &Formats,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    let clean = without_controls(text, true);
    let clean = truncate_chars(&clean, MAX_CELL_CHARS);
    let format = if looks_like_formula(&clean) {
        &formats.guarded
    } else {
        format.unwrap_or(&formats.text)
    };
    sheet.write_string_with_format(row, col, clean.as_ref(), format)?;
    Ok(())
}

fn header_row(
    sheet: &mut Worksheet,
    headers: &[&str],
    widths: &[f64],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (col, (caption, width)) in headers.iter().zip(widths).enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, *caption, &formats.header)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn last_col(headers: &[&str]) -> u16 {
    u16::try_from(headers.len().saturating_sub(1)).unwrap_or(0)
}

fn rows_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The workbook as bytes.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let c = Captions::new(lang);
    let mut workbook = Workbook::new();

    // Sheet 1: one row per entry.
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("Bài dự thi", "Entries"))?;
    let headers = table::headers(lang);
    let widths = [
        14.0, 28.0, 12.0, 36.0, 24.0, 24.0, 20.0, 12.0, 22.0, 22.0, 11.0, 14.0, 12.0, 36.0, 30.0,
        36.0, 36.0,
    ];
    header_row(sheet, &headers, &widths, &formats)?;
    let verdict_col = 11u16;
    for (r, (entry, cells)) in report
        .entries
        .iter()
        .zip(table::rows(report, lang))
        .enumerate()
    {
        let row = rows_u32(r + 1);
        for (col, cell) in cells.into_iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            match cell {
                Cell::Share(Some(share)) if share.is_finite() => {
                    sheet.write_number_with_format(
                        row,
                        col,
                        share.clamp(0.0, 1.0),
                        &formats.percent,
                    )?;
                }
                Cell::Share(_) => {}
                Cell::Text(text) => {
                    let format = (col == verdict_col).then(|| formats.verdict(entry.verdict));
                    put_text(sheet, row, col, &text, &formats, format)?;
                }
            }
        }
    }
    sheet.autofilter(0, 0, rows_u32(report.entries.len()), last_col(&headers))?;

    // Sheet 2: units against their quota.
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("Chỉ tiêu đơn vị", "Unit quotas"))?;
    let headers = [
        c.unit,
        c.unit_kind,
        c.entries,
        c.quota_min,
        c.meets_quota,
        c.owes_explanation,
    ];
    header_row(
        sheet,
        &headers,
        &[36.0, 24.0, 10.0, 14.0, 14.0, 16.0],
        &formats,
    )?;
    for (r, unit) in report.units.iter().enumerate() {
        let row = rows_u32(r + 1);
        put_text(sheet, row, 0, &unit.unit, &formats, None)?;
        put_text(
            sheet,
            row,
            1,
            &words::unit_kind(&unit.unit_kind, lang),
            &formats,
            None,
        )?;
        sheet.write_number_with_format(row, 2, unit.entries as f64, &formats.number)?;
        sheet.write_number_with_format(row, 3, unit.quota_min as f64, &formats.number)?;
        let meets = if unit.meets_quota {
            Verdict::Pass
        } else {
            Verdict::Fail
        };
        put_text(
            sheet,
            row,
            4,
            meets.label(lang),
            &formats,
            Some(formats.verdict(meets)),
        )?;
        put_text(
            sheet,
            row,
            5,
            if unit.owes_explanation() { c.yes } else { c.no },
            &formats,
            None,
        )?;
    }
    sheet.autofilter(0, 0, rows_u32(report.units.len()), last_col(&headers))?;

    // Sheet 3: every check and eligibility finding, one per row.
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("Tiêu chí", "Checks"))?;
    let headers = [
        c.id,
        c.code,
        lang.pick("Tiêu chí", "Rule"),
        lang.pick("Kết quả", "Verdict"),
        c.evidence,
    ];
    header_row(sheet, &headers, &[14.0, 20.0, 34.0, 16.0, 60.0], &formats)?;
    let mut row = 0u32;
    for entry in &report.entries {
        for check in entry.checks.iter().chain(&entry.eligibility) {
            row = row.saturating_add(1);
            put_text(sheet, row, 0, &entry.id, &formats, None)?;
            put_text(sheet, row, 1, &check.code, &formats, None)?;
            put_text(
                sheet,
                row,
                2,
                &words::check_name(&check.code, lang),
                &formats,
                None,
            )?;
            put_text(
                sheet,
                row,
                3,
                check.verdict.label(lang),
                &formats,
                Some(formats.verdict(check.verdict)),
            )?;
            put_text(sheet, row, 4, &check.evidence, &formats, None)?;
        }
    }
    sheet.autofilter(0, 0, row, last_col(&headers))?;

    workbook.save_to_buffer()
}

impl Reporter for XlsxReporter {
    fn name(&self) -> &'static str {
        "summary.xlsx"
    }

    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError> {
        let path = out_dir.join("summary.xlsx");
        let bytes = render(report, lang).map_err(|e| ReportError::build(&path, e))?;
        write_atomic(&path, &bytes)?;
        Ok(vec![path])
    }
}
