//! `bien-ban-so-loai.docx`: the screening minutes (biên bản sơ loại) the council signs — the
//! contest, the date, the members with signature lines, each entry's verdict and the entries
//! proposed for forwarding to the next round. Laid out like a Vietnamese administrative
//! document (issuing body and national motto side by side, Times New Roman), so it can be
//! printed as is or edited in Word before signing.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, Table, TableCell,
    TableRow, WidthType,
};

use super::escape::without_controls;
use super::model::{EntryStatus, Report, Verdict};
use super::words::{self, Captions};
use super::write::write_atomic;
use super::{ReportError, Reporter};
use crate::lang::Lang;

pub struct MinutesReporter;

/// Sizes in half-points, as Word counts them.
const BODY: usize = 28;
const TABLE: usize = 22;
const HEADER: usize = 24;
/// A4 text width with Decree 30/2020's margins (left 30 mm, right 20 mm), in twentieths of a point.
const TEXT_WIDTH: usize = 9071;

fn run(text: &str) -> Run {
    Run::new()
        .add_text(without_controls(text, false).as_ref())
        .fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .cs("Times New Roman")
                .east_asia("Times New Roman"),
        )
        .size(BODY)
}

fn para(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text))
        .line_spacing(LineSpacing::new().after(120))
}

fn centered(text: &str, bold: bool) -> Paragraph {
    let r = if bold { run(text).bold() } else { run(text) };
    Paragraph::new().add_run(r).align(AlignmentType::Center)
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text).bold())
        .line_spacing(LineSpacing::new().before(200).after(120))
}

fn cell(text: &str, bold: bool, width: usize) -> TableCell {
    let r = run(text).size(TABLE);
    let r = if bold { r.bold() } else { r };
    TableCell::new()
        .add_paragraph(Paragraph::new().add_run(r))
        .width(width, WidthType::Dxa)
}

fn centered_cell(lines: &[(&str, bool, bool)], width: usize, size: usize) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    for &(text, bold, italic) in lines {
        let mut r = run(text).size(size);
        if bold {
            r = r.bold();
        }
        if italic {
            r = r.italic();
        }
        cell = cell.add_paragraph(Paragraph::new().add_run(r).align(AlignmentType::Center));
    }
    cell
}

/// "ngày 02 tháng 6 năm 2025" (or "June 2, 2025") from the report's RFC 3339 timestamp;
/// dotted blanks to fill in by hand when the timestamp is not a date.
fn date_words(generated_at: &str, lang: Lang) -> String {
    let parts: Option<(u32, u32, u32)> = (|| {
        let date = generated_at.get(..10)?;
        let mut it = date.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
    })();
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match (parts, lang) {
        // Decree 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero.
        (Some((y, m, d)), Lang::Vi) if m < 3 => format!("ngày {d:02} tháng {m:02} năm {y}"),
        (Some((y, m, d)), Lang::Vi) => format!("ngày {d:02} tháng {m} năm {y}"),
        (Some((y, m, d)), Lang::En) => format!(
            "{} {d}, {y}",
            MONTHS.get(m as usize - 1).copied().unwrap_or("")
        ),
        (None, Lang::Vi) => "ngày ..... tháng ..... năm ........".to_string(),
        (None, Lang::En) => "........................".to_string(),
    }
}

/// Profiles give the contest's own name ("Tìm kiếm ý tưởng, …"); the minutes call it
/// Cuộc thi "…" unless the name already says so.
fn contest_phrase(name: String, lang: Lang) -> String {
    if name.to_lowercase().starts_with("cuộc thi") {
        return name;
    }
    match lang {
        Lang::Vi => format!("Cuộc thi “{name}”"),
        Lang::En => format!("the “{name}” contest"),
    }
}

/// The minutes as .docx bytes.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, String> {
    let c = Captions::new(lang);
    let name = if report.contest.name.is_empty() {
        report.profile.clone()
    } else {
        report.contest.name.clone()
    };
    let contest = contest_phrase(name, lang);
    let organizer = if report.contest.organizer.is_empty() {
        "..............................".to_string()
    } else {
        report.contest.organizer.to_uppercase()
    };
    let date = date_words(&report.generated_at, lang);

    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1701)
                .right(1134),
        )
        .default_fonts(RunFonts::new().ascii("Times New Roman"))
        .default_size(BODY);

    // Issuing body and national motto, side by side without borders.
    let motto = Table::without_borders(vec![TableRow::new(vec![
        centered_cell(
            &[
                (&organizer, true, false),
                (
                    lang.pick("HỘI ĐỒNG SƠ LOẠI", "SCREENING COUNCIL"),
                    true,
                    false,
                ),
            ],
            3700,
            HEADER,
        ),
        centered_cell(
            &[
                (
                    lang.pick(
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "SOCIALIST REPUBLIC OF VIETNAM",
                    ),
                    true,
                    false,
                ),
                (
                    lang.pick(
                        "Độc lập - Tự do - Hạnh phúc",
                        "Independence - Freedom - Happiness",
                    ),
                    true,
                    false,
                ),
                ("", false, false),
                (&date, false, true),
            ],
            TEXT_WIDTH - 3700,
            HEADER,
        ),
    ])])
    .set_grid(vec![3700, TEXT_WIDTH - 3700]);
    doc = doc.add_table(motto).add_paragraph(para(""));

    doc = doc
        .add_paragraph(centered(lang.pick("BIÊN BẢN", "MINUTES"), true))
        .add_paragraph(centered(
            lang.pick(
                "Sơ loại bài dự thi",
                "Preliminary screening of the entries to",
            ),
            true,
        ))
        .add_paragraph(centered(&contest, true))
        .add_paragraph(para(""));

    doc = doc.add_paragraph(para(&match lang {
        Lang::Vi => format!(
            "Hôm nay, {date}, Hội đồng tiến hành sơ loại các bài dự thi {contest}. \
             Việc kiểm tra hình thức và mức độ trùng lặp được hỗ trợ bởi phần mềm soloai \
             (bộ tiêu chí: {}); Hội đồng đã xem xét căn cứ của từng bài và thống nhất kết quả dưới đây.",
            report.profile
        ),
        Lang::En => format!(
            "On {date} the council screened the entries to {contest}. Form and similarity \
             checks were assisted by the soloai software (profile: {}); the council reviewed \
             the evidence for each entry and agreed on the results below.",
            report.profile
        ),
    }));

    // I. Members.
    doc = doc.add_paragraph(heading(
        lang.pick("I. THÀNH PHẦN HỘI ĐỒNG", "I. MEMBERS OF THE COUNCIL"),
    ));
    if report.contest.council.is_empty() {
        for i in 1..=5 {
            doc = doc.add_paragraph(para(&format!(
                "{i}. ............................................ — ............................"
            )));
        }
    } else {
        for (i, member) in report.contest.council.iter().enumerate() {
            doc = doc.add_paragraph(para(&format!(
                "{}. {} — {}",
                i + 1,
                member.name,
                member.role
            )));
        }
    }

    // II. Results.
    let count = |v: Verdict| report.entries.iter().filter(|e| e.verdict == v).count();
    let unread = report
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Error)
        .count();
    doc = doc
        .add_paragraph(heading(lang.pick(
            "II. KẾT QUẢ SƠ LOẠI",
            "II. SCREENING RESULTS",
        )))
        .add_paragraph(para(&match lang {
            Lang::Vi => format!(
                "Tổng số bài dự thi: {}; Đạt: {}; Không đạt: {}; Chưa xác định: {}; Cần nộp lại (không đọc được tệp): {}.",
                report.entries.len(),
                count(Verdict::Pass),
                count(Verdict::Fail),
                count(Verdict::CannotTell),
                count(Verdict::Resubmit).max(unread)
            ),
            Lang::En => format!(
                "Entries: {}; pass: {}; fail: {}; cannot tell: {}; must be resubmitted (unreadable file): {}.",
                report.entries.len(),
                count(Verdict::Pass),
                count(Verdict::Fail),
                count(Verdict::CannotTell),
                count(Verdict::Resubmit).max(unread)
            ),
        }));
    let widths = [650, 1100, 2250, 1500, 900, 1271, 1400];
    let head = [
        lang.pick("STT", "No."),
        c.id,
        lang.pick("Tên bài dự thi / Tác giả", "Title / Authors"),
        c.unit,
        c.originality,
        lang.pick("Kết quả", "Verdict"),
        lang.pick("Ghi chú", "Notes"),
    ];
    let mut rows = vec![TableRow::new(
        head.iter()
            .zip(widths)
            .map(|(h, w)| cell(h, true, w))
            .collect(),
    )];
    for (i, entry) in report.entries.iter().enumerate() {
        let title = match (&entry.title, entry.authors.is_empty()) {
            (Some(t), false) => format!("{t} — {}", entry.authors.join("; ")),
            (Some(t), true) => t.clone(),
            (None, false) => format!("{} — {}", entry.file, entry.authors.join("; ")),
            (None, true) => entry.file.clone(),
        };
        let mut notes: Vec<String> = entry
            .flags
            .iter()
            .map(|f| words::flag_name(&f.code, lang))
            .collect();
        if entry.forward {
            notes.insert(
                0,
                lang.pick("Đề nghị chuyển vòng chấm", "Proposed for forwarding")
                    .to_string(),
            );
        }
        let texts = [
            (i + 1).to_string(),
            entry.id.clone(),
            title,
            entry.unit.clone().unwrap_or_default(),
            entry.originality.map(words::percent).unwrap_or_default(),
            entry.verdict.label(lang).to_string(),
            notes.join("; "),
        ];
        rows.push(TableRow::new(
            texts
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(col, (t, w))| cell(t, col == 5, w))
                .collect(),
        ));
    }
    doc = doc.add_table(
        Table::new(rows)
            .set_grid(widths.to_vec())
            .width(TEXT_WIDTH, WidthType::Dxa),
    );

    // III. Forwarded entries.
    doc = doc.add_paragraph(heading(lang.pick(
        "III. CÁC BÀI DỰ THI ĐỀ NGHỊ CHUYỂN VÒNG CHẤM",
        "III. ENTRIES PROPOSED FOR FORWARDING",
    )));
    let forwarded: Vec<_> = report.entries.iter().filter(|e| e.forward).collect();
    if forwarded.is_empty() {
        doc = doc.add_paragraph(para(lang.pick("Không có bài nào.", "None.")));
    }
    for (i, entry) in forwarded.iter().enumerate() {
        let mut line = format!(
            "{}. {} — {}",
            i + 1,
            entry.id,
            entry.title.as_deref().unwrap_or(&entry.file)
        );
        if !entry.authors.is_empty() {
            line.push_str(&format!(" — {}", entry.authors.join("; ")));
        }
        if let Some(unit) = &entry.unit {
            line.push_str(&format!(" ({unit})"));
        }
        doc = doc.add_paragraph(para(&line));
    }

    // IV. Units short of their quota.
    let short: Vec<_> = report.units.iter().filter(|u| u.is_short()).collect();
    if !short.is_empty() {
        doc = doc.add_paragraph(heading(lang.pick(
            "IV. CÁC ĐƠN VỊ CHƯA ĐẠT CHỈ TIÊU SỐ BÀI DỰ THI",
            "IV. UNITS SHORT OF THEIR QUOTA",
        )));
        for unit in short {
            let line = match (lang, unit.owes_explanation()) {
                (Lang::Vi, true) => format!(
                    "- {}: không có bài dự thi (chỉ tiêu {}), phải có văn bản giải trình.",
                    unit.unit, unit.quota_min
                ),
                (Lang::Vi, false) => format!(
                    "- {}: {} bài (chỉ tiêu tối thiểu {}).",
                    unit.unit, unit.entries, unit.quota_min
                ),
                (Lang::En, true) => format!(
                    "- {}: no entry (quota {}); owes an explanation letter.",
                    unit.unit, unit.quota_min
                ),
                (Lang::En, false) => format!(
                    "- {}: {} entries (minimum {}).",
                    unit.unit, unit.entries, unit.quota_min
                ),
            };
            doc = doc.add_paragraph(para(&line));
        }
    }

    doc = doc.add_paragraph(para("")).add_paragraph(para(lang.pick(
        "Biên bản được lập thành 02 bản, các thành viên Hội đồng thống nhất ký tên dưới đây.",
        "These minutes are made in two copies and signed by the members of the council below.",
    )));

    // Signature lines: one column per member, two per row.
    let sign_hint = lang.pick("(Ký, ghi rõ họ tên)", "(Signature and full name)");
    let members: Vec<(String, String)> = if report.contest.council.is_empty() {
        vec![
            (
                lang.pick("CHỦ TỊCH HỘI ĐỒNG", "CHAIR").to_string(),
                String::new(),
            ),
            (lang.pick("THƯ KÝ", "SECRETARY").to_string(), String::new()),
            (lang.pick("THÀNH VIÊN", "MEMBER").to_string(), String::new()),
            (lang.pick("THÀNH VIÊN", "MEMBER").to_string(), String::new()),
        ]
    } else {
        report
            .contest
            .council
            .iter()
            .map(|m| (m.role.to_uppercase(), m.name.clone()))
            .collect()
    };
    let mut sign_rows = Vec::new();
    for pair in members.chunks(2) {
        let mut cells: Vec<TableCell> = pair
            .iter()
            .map(|(role, name)| {
                centered_cell(
                    &[
                        (role, true, false),
                        (sign_hint, false, true),
                        ("", false, false),
                        ("", false, false),
                        ("", false, false),
                        (name, true, false),
                        ("", false, false),
                    ],
                    TEXT_WIDTH / 2,
                    BODY,
                )
            })
            .collect();
        if cells.len() == 1 {
            cells.push(centered_cell(&[("", false, false)], TEXT_WIDTH / 2, BODY));
        }
        sign_rows.push(TableRow::new(cells).cant_split());
    }
    doc = doc.add_paragraph(para("")).add_table(
        Table::without_borders(sign_rows).set_grid(vec![TEXT_WIDTH / 2, TEXT_WIDTH / 2]),
    );

    let mut buffer = Cursor::new(Vec::new());
    doc.build().pack(&mut buffer).map_err(|e| e.to_string())?;
    Ok(buffer.into_inner())
}

impl Reporter for MinutesReporter {
    fn name(&self) -> &'static str {
        "bien-ban-so-loai.docx"
    }

    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError> {
        let path = out_dir.join("bien-ban-so-loai.docx");
        let bytes = render(report, lang).map_err(|e| ReportError::build(&path, e))?;
        write_atomic(&path, &bytes)?;
        Ok(vec![path])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contest_is_named_once() {
        assert_eq!(
            contest_phrase("Tìm kiếm ý tưởng".into(), Lang::Vi),
            "Cuộc thi “Tìm kiếm ý tưởng”"
        );
        assert_eq!(
            contest_phrase("Cuộc thi “Tìm kiếm ý tưởng”".into(), Lang::Vi),
            "Cuộc thi “Tìm kiếm ý tưởng”"
        );
        assert_eq!(
            contest_phrase("Ideas".into(), Lang::En),
            "the “Ideas” contest"
        );
    }

    #[test]
    fn dates_read_like_an_administrative_document() {
        assert_eq!(
            date_words("2025-06-02T08:30:00Z", Lang::Vi),
            "ngày 02 tháng 6 năm 2025"
        );
        assert_eq!(
            date_words("2025-02-15", Lang::Vi),
            "ngày 15 tháng 02 năm 2025"
        );
        assert_eq!(date_words("2025-06-02T08:30:00Z", Lang::En), "June 2, 2025");
        assert!(date_words("garbage", Lang::Vi).contains("....."));
        assert!(date_words("2025-13-40", Lang::En).contains("....."));
    }
}
