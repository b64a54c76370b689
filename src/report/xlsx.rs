//! `summary.xlsx`: the entries table, unit quotas and every check, one sheet each, with
//! filters on and the header row frozen, for councils that sort and annotate in Excel. Every
//! sheet prints on A4 landscape, one page wide, the header row repeated on each page and the
//! page number in the footer; dates are real dates (dd/mm/yyyy) and shares real numbers.
//!
//! Untrusted text is always written as a string cell, never a formula; a cell that would
//! look like a formula when edited (`=`, `+`, `-`, `@`, tab, CR) also gets Excel's "quote
//! prefix" so it stays text even after someone retypes it.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::escape::{looks_like_formula, truncate_chars, without_controls};
use super::model::{Report, Verdict};
use super::table::{self, Cell};
use super::write::write_atomic;
use super::{ReportError, Reporter};
use crate::lang::Lang;
use crate::vocab::{self, Captions};

pub struct XlsxReporter;

/// Excel's limit is 32,767 characters per cell; stay clear of it.
const MAX_CELL_CHARS: usize = 32_000;

struct Formats {
    header: Format,
    text: Format,
    guarded: Format,
    percent: Format,
    number: Format,
    date: Format,
    pass: Format,
    fail: Format,
    cannot_tell: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(11)
            .set_align(FormatAlign::Top);
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
            date: base.clone().set_num_format("dd/mm/yyyy"),
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
    let sizes: Vec<(f64, usize)> = headers
        .iter()
        .zip(widths)
        .map(|(caption, width)| (*width * 0.9, caption.chars().count()))
        .collect();
    sheet.set_row_height(0, row_height(&sizes))?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A4 landscape, one page wide (as many pages tall as needed), the header row on every
/// page, the page number in the footer.
fn print_setup(sheet: &mut Worksheet, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_footer(format!("&C{}", lang.words().sheet.page_footer));
    Ok(())
}

/// Points per line of 11 pt text, and how many characters of a column's width fit a line.
const LINE_HEIGHT: f64 = 14.5;

/// The height a row needs for its wrapped text: the longest cell's line count at its
/// column's width. Stored in the file, so LibreOffice and Excel print whole rows without
/// recomputing heights.
fn row_height(cells: &[(f64, usize)]) -> f64 {
    let lines = cells
        .iter()
        .map(|&(width, chars)| {
            let per_line = (width * 1.1).max(4.0);
            ((chars as f64) / per_line).ceil().max(1.0)
        })
        .fold(1.0, f64::max);
    (lines * LINE_HEIGHT + 3.0).min(409.0)
}

/// An ISO date (`2025-07-28`) as an Excel date; `None` for anything else.
fn excel_date(text: &str) -> Option<ExcelDateTime> {
    let day = text.trim().get(..10)?;
    let mut parts = day.split('-');
    let y: u16 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    ExcelDateTime::from_ymd(y, m, d).ok()
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
    sheet.set_name(lang.words().sheet.entries)?;
    let headers = table::headers(lang);
    header_row(sheet, &headers, &table::WIDTHS, &formats)?;
    print_setup(sheet, lang)?;
    let verdict_col = u16::try_from(table::VERDICT_COLUMN).unwrap_or(u16::MAX);
    for (r, (entry, cells)) in report
        .entries
        .iter()
        .zip(table::rows(report, lang))
        .enumerate()
    {
        let row = rows_u32(r + 1);
        let sizes: Vec<(f64, usize)> = cells
            .iter()
            .zip(table::WIDTHS)
            .map(|(cell, width)| match cell {
                Cell::Text(t) => (width, t.chars().count()),
                _ => (width, 1),
            })
            .collect();
        sheet.set_row_height(row, row_height(&sizes))?;
        for (col, cell) in cells.into_iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            match cell {
                Cell::Share(Some(share)) if share.is_finite() => {
                    sheet.write_number_with_format(
                        row,
                        col,
                        // Four decimals: 1 − 0.41 is 0.59, not 0.5900000000000001.
                        (share.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0,
                        &formats.percent,
                    )?;
                }
                Cell::Share(_) | Cell::Date(None) => {}
                Cell::Date(Some(text)) => match excel_date(&text) {
                    Some(date) => {
                        sheet.write_datetime_with_format(row, col, &date, &formats.date)?;
                    }
                    None => put_text(sheet, row, col, &text, &formats, None)?,
                },
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
    sheet.set_name(lang.words().sheet.units)?;
    print_setup(sheet, lang)?;
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
            &vocab::unit_kind(&unit.unit_kind, lang),
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
    sheet.set_name(lang.words().sheet.checks)?;
    print_setup(sheet, lang)?;
    let headers = [c.id, c.rule, c.code, c.result, c.evidence];
    header_row(sheet, &headers, &[8.0, 34.0, 20.0, 14.0, 70.0], &formats)?;
    let mut row = 0u32;
    for entry in &report.entries {
        for check in entry.checks.iter().chain(&entry.eligibility) {
            row = row.saturating_add(1);
            sheet.set_row_height(
                row,
                row_height(&[
                    (34.0, vocab::check_name(&check.code, lang).chars().count()),
                    (70.0, check.evidence.chars().count()),
                ]),
            )?;
            put_text(sheet, row, 0, &entry.id, &formats, None)?;
            put_text(
                sheet,
                row,
                1,
                &vocab::check_name(&check.code, lang),
                &formats,
                None,
            )?;
            put_text(sheet, row, 2, &check.code, &formats, None)?;
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
