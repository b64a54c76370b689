//! The scoring sheet (phiếu chấm điểm), one XLSX per jury member.
//!
//! Sheet "Phiếu chấm": the council's unit and name, the title, the contest, the member, the
//! criteria's source (in bold red when the criteria are only the profile's example), then one
//! row per forwarded entry: STT, mã bài, title, one score cell per criterion, the total and a
//! note. The worksheet is protected (no password: it prevents accidents, not fraud; `collect`
//! checks everything again): only score and note cells are unlocked; each score cell takes a
//! number from 0 to the criterion's maximum (data validation with a Vietnamese message); the
//! total is a locked formula. Where a conflict of interest keeps the member from marking an
//! entry, the row's score cells stay locked and grey and the note says why.
//!
//! A very hidden sheet "soloai" records the schema, the member, the report and the criteria
//! with their maxima, so [`super::read`] knows whose sheet it is and which column is which.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};

use super::{Round, SHEETS_DIR, ScoringError, slug};
use crate::council::Member;
use crate::report::escape::truncate_chars;

pub const SHEET_NAME: &str = "Phiếu chấm";
pub const META_SHEET: &str = "soloai";
pub const SCHEMA: &str = "soloai.scoring-sheet/1";
/// Row of the column headings and of the first entry (0-based).
pub const HEADER_ROW: u32 = 9;
pub const FIRST_ROW: u32 = 10;
/// Columns: STT, mã bài, tên bài, then the criteria.
pub const ID_COL: u16 = 1;
pub const FIRST_SCORE_COL: u16 = 3;

/// `phieu-cham-01-hoang-van-thang.xlsx`: the member's place in the council and name.
pub fn file_name(member_index: usize, member: &Member) -> String {
    format!(
        "phieu-cham-{:02}-{}.xlsx",
        member_index + 1,
        slug(&member.name)
    )
}

/// A score written with at most two decimals and no trailing zeros ("30", "7.5").
fn points(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub fn column_letter(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push((b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The sheet of one member, as .xlsx bytes. `created` is RFC 3339 (document properties).
pub fn sheet_bytes(
    round: &Round<'_>,
    member_index: usize,
    member: &Member,
    created: &str,
) -> Result<Vec<u8>, XlsxError> {
    let lang = round.lang;
    let w = &lang.words().scoring_sheet;
    let criteria = &round.scoring.criteria;
    let entries = round.entries();
    let ncrit = criteria.len() as u16;
    let total_col = FIRST_SCORE_COL + ncrit;
    let note_col = total_col + 1;

    let mut workbook = Workbook::new();
    let mut props = DocProperties::new()
        .set_title(format!("{} — {}", w.title, member.name))
        .set_author(
            round
                .council
                .secretary()
                .map(|m| m.name.as_str())
                .unwrap_or("soloai"),
        );
    if let Ok(t) = ExcelDateTime::parse_from_str(created) {
        props = props.set_creation_datetime(&t);
    }
    workbook.set_properties(&props);

    let font = |f: Format| f.set_font_name("Times New Roman").set_font_size(12);
    let plain = font(Format::new());
    let bold = plain.clone().set_bold();
    let center_bold = bold.clone().set_align(FormatAlign::Center);
    let title = font(Format::new())
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let italic_center = plain.clone().set_italic().set_align(FormatAlign::Center);
    let warning = bold.clone().set_font_color(Color::Red).set_text_wrap();
    let wrap = plain.clone().set_text_wrap();
    let cell = |f: Format| {
        f.set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter)
    };
    let head = cell(bold.clone())
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(0xD9E1F2));
    let text = cell(plain.clone());
    let score = cell(plain.clone())
        .set_unlocked()
        .set_num_format("0.##")
        .set_align(FormatAlign::Center);
    let blocked = cell(plain.clone()).set_background_color(Color::RGB(0xBFBFBF));
    let note = cell(plain.clone()).set_unlocked();
    let total = cell(bold.clone())
        .set_num_format("0.##")
        .set_align(FormatAlign::Center);

    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    // A row nobody marked yet totals "" (the formula's own value): cached as an empty string,
    // not the writer's default 0, so a blank sheet shows blank totals in readers that trust
    // the cache (LibreOffice does for files saved as by Excel).
    sheet.set_formula_result_default("");
    let last_col = note_col;
    sheet.write_string_with_format(0, 0, round.council.unit.to_uppercase(), &plain)?;
    sheet.write_string_with_format(1, 0, round.council.name.to_uppercase(), &bold)?;
    sheet.merge_range(3, 0, 3, last_col, w.title, &title)?;
    let contest = if round.report.contest.name.is_empty() {
        round.report.profile.clone()
    } else {
        round.report.contest.name.clone()
    };
    sheet.merge_range(4, 0, 4, last_col, &contest, &italic_center)?;
    let mut who = format!("{}: {}", w.marker, member.name);
    if !member.position.is_empty() {
        who.push_str(&format!(", {}", member.position));
    }
    who.push_str(&format!(" — {}", member.role.label(lang)));
    sheet.merge_range(5, 0, 5, last_col, &who, &bold)?;
    if round.scoring.example {
        sheet.merge_range(6, 0, 6, last_col, w.example, &warning)?;
        sheet.set_row_height(6, 32)?;
    } else if !round.scoring.source.is_empty() {
        let line = format!("{}: {}", w.source, round.scoring.source);
        sheet.merge_range(6, 0, 6, last_col, &line, &wrap)?;
    }
    sheet.merge_range(7, 0, 7, last_col, w.how, &wrap)?;
    sheet.set_row_height(7, 32)?;

    // Column headings.
    sheet.write_string_with_format(HEADER_ROW, 0, w.no, &head)?;
    sheet.write_string_with_format(HEADER_ROW, ID_COL, w.id, &head)?;
    sheet.write_string_with_format(HEADER_ROW, 2, w.entry, &head)?;
    for (i, c) in criteria.iter().enumerate() {
        let label = format!("{} ({} {})", c.name, w.up_to, points(c.max));
        sheet.write_string_with_format(HEADER_ROW, FIRST_SCORE_COL + i as u16, &label, &head)?;
    }
    let total_label = format!(
        "{} ({} {})",
        w.total,
        w.up_to,
        points(round.scoring.max_total())
    );
    sheet.write_string_with_format(HEADER_ROW, total_col, &total_label, &head)?;
    sheet.write_string_with_format(HEADER_ROW, note_col, w.note, &head)?;
    sheet.set_row_height(HEADER_ROW, 48)?;
    sheet.set_column_width(0, 5)?;
    sheet.set_column_width(ID_COL, 10)?;
    sheet.set_column_width(2, 45)?;
    for i in 0..ncrit {
        sheet.set_column_width(FIRST_SCORE_COL + i, 14)?;
    }
    sheet.set_column_width(total_col, 12)?;
    sheet.set_column_width(note_col, 28)?;

    for (n, entry) in entries.iter().enumerate() {
        let row = FIRST_ROW + n as u32;
        sheet.write_number_with_format(row, 0, (n + 1) as f64, &text)?;
        sheet.write_string_with_format(row, ID_COL, &entry.id, &text)?;
        let mut label = entry.title.clone().unwrap_or_else(|| entry.file.clone());
        if !entry.authors.is_empty() {
            label.push_str(&format!(" — {}", entry.authors.join("; ")));
        }
        sheet.write_string_with_format(row, 2, truncate_chars(&label, 300).as_ref(), &text)?;
        let conflict = round.council.conflict(&member.name, entry);
        for (i, c) in criteria.iter().enumerate() {
            let col = FIRST_SCORE_COL + i as u16;
            if conflict.is_some() {
                sheet.write_blank(row, col, &blocked)?;
                continue;
            }
            sheet.write_blank(row, col, &score)?;
            let max = points(c.max);
            let validation = DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, c.max))
                .set_input_title(w.input_title)?
                .set_input_message(format!("{}: 0 – {max}", c.name))?
                .set_error_title(w.bad_title)?
                .set_error_message(format!("{} {max}.", w.bad_message))?
                .set_error_style(DataValidationErrorStyle::Stop);
            sheet.add_data_validation(row, col, row, col, &validation)?;
        }
        let first = column_letter(FIRST_SCORE_COL);
        let last = column_letter(total_col - 1);
        let r = row + 1;
        let formula = Formula::new(format!(
            "=IF(COUNT({first}{r}:{last}{r})=0,\"\",SUM({first}{r}:{last}{r}))"
        ))
        .set_result("");
        sheet.write_formula_with_format(row, total_col, formula, &total)?;
        match conflict {
            Some(c) => {
                let mut why = w.conflict.to_string();
                if !c.reason.is_empty() {
                    why.push_str(&format!(" ({})", c.reason));
                }
                sheet.write_string_with_format(row, note_col, &why, &blocked)?;
            }
            None => {
                sheet.write_blank(row, note_col, &note)?;
            }
        }
    }

    // Signature.
    let after = FIRST_ROW + entries.len() as u32 + 2;
    let date = crate::report::minutes::layout::place_date(
        &round.council.place,
        round.council.scoring.date(),
        lang,
    );
    sheet.merge_range(after, 2, after, last_col, &date, &italic_center)?;
    sheet.merge_range(after + 1, 2, after + 1, last_col, w.sign, &center_bold)?;
    sheet.merge_range(
        after + 2,
        2,
        after + 2,
        last_col,
        w.sign_hint,
        &italic_center,
    )?;
    sheet.merge_range(
        after + 6,
        2,
        after + 6,
        last_col,
        &member.name,
        &center_bold,
    )?;

    sheet.set_freeze_panes(FIRST_ROW, FIRST_SCORE_COL)?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);

    write_meta(workbook.add_worksheet(), round, member_index, member)?;
    workbook.save_to_buffer()
}

fn write_meta(
    sheet: &mut Worksheet,
    round: &Round<'_>,
    member_index: usize,
    member: &Member,
) -> Result<(), XlsxError> {
    sheet.set_name(META_SHEET)?;
    let rows: [(&str, String); 5] = [
        ("schema", SCHEMA.to_string()),
        ("member", member.name.clone()),
        ("member_index", member_index.to_string()),
        ("profile", round.report.profile.clone()),
        ("report", round.report.generated_at.clone()),
    ];
    for (r, (k, v)) in rows.iter().enumerate() {
        sheet.write_string(r as u32, 0, *k)?;
        sheet.write_string(r as u32, 1, v)?;
    }
    sheet.write_string(5, 0, "criteria")?;
    sheet.write_string(6, 0, "max")?;
    for (i, c) in round.scoring.criteria.iter().enumerate() {
        sheet.write_string(5, 1 + i as u16, &c.code)?;
        sheet.write_number(6, 1 + i as u16, c.max)?;
    }
    sheet.set_very_hidden(true);
    sheet.protect();
    Ok(())
}

/// Write every jury member's sheet into `out_dir/phieu-cham/` (atomically, one by one) and
/// return their paths.
pub fn write_sheets(
    round: &Round<'_>,
    out_dir: &Path,
    created: &str,
) -> Result<Vec<PathBuf>, ScoringError> {
    let dir = out_dir.join(SHEETS_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| crate::report::ReportError::io(&dir, e))?;
    let _lock = super::lock_folder(out_dir, round.lang)?;
    let mut written = Vec::new();
    for (index, member) in round.jury() {
        let path = dir.join(file_name(index, member));
        let bytes = sheet_bytes(round, index, member, created)
            .map_err(|e| crate::report::ReportError::build(&path, e))?;
        crate::report::write_atomic(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_and_points() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(3), "D");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(points(30.0), "30");
        assert_eq!(points(7.5), "7.5");
        assert_eq!(points(0.25), "0.25");
    }
}
