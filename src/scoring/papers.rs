//! The papers of the marking round, laid out like the screening minutes (Nghị định 30/2020):
//!
//! - `bien-ban-cham-diem.docx` — the marking minutes: time and place, the jury present, the
//!   criteria with their source (an example says so), the averaging and tie-break rules, the
//!   sheets received, the ranking with each entry's average and prize, the problems found,
//!   the conclusion, signatures;
//! - `bang-diem.xlsx` — every member's total per entry, the averages, ranks and prizes, each
//!   member's marks per criterion, and the problems;
//! - `danh-sach-khen-thuong.docx` / `.xlsx` — the prize list proposed for award (danh sách đề
//!   nghị khen thưởng): author or group, unit, entry, prize, amount, and the total in figures
//!   and words; only when the profile has `[prizes]`;
//! - `ket-qua-cham.json` — the same, for other tools.
//!
//! Sizes grow with entries × members; the problems printed are capped at [`MAX_PRINTED`].

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};
use serde::Serialize;

use super::check::{Checked, Problem};
use super::money;
use super::tally::{EntryResult, Tally};
use super::{Round, ScoringError};
use crate::council::Role;
use crate::lang::Lang;
use crate::profile::{Averaging, PrizeRank, TieBreak};
use crate::report::escape::truncate_chars;
use crate::report::minutes::docx::{Cell, Document, Para, Properties, Row, Run, Table};
use crate::report::minutes::layout::{self, Signers, body, heading};
use crate::vocab::Marking;

pub const MINUTES_FILE: &str = "bien-ban-cham-diem.docx";
pub const SCORES_FILE: &str = "bang-diem.xlsx";
pub const PRIZES_DOCX: &str = "danh-sach-khen-thuong.docx";
pub const PRIZES_XLSX: &str = "danh-sach-khen-thuong.xlsx";
pub const RESULT_JSON: &str = "ket-qua-cham.json";
/// Problems printed in the minutes; the rest are counted (all are in bang-diem.xlsx).
pub const MAX_PRINTED: usize = 200;

/// Every file the round may write, for links (dashboard) and packages; their labels are in
/// `lang.words().marking_round.paper`. The list lives with the minutes so the dashboard can
/// link them.
pub use crate::report::minutes::LATER_PAPERS as FILES;

/// Whether the kind of an entry is a group's, in words.
fn kind_word(w: &Marking, group: bool) -> &'static str {
    if group { w.group } else { w.individual }
}

/// "72,5" / "72.5": two decimals at most.
pub fn score_text(value: f64, lang: Lang) -> String {
    let s = format!("{value:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

fn contest_phrase(round: &Round<'_>) -> String {
    let name = if round.report.contest.name.is_empty() {
        round.report.profile.as_str()
    } else {
        round.report.contest.name.as_str()
    };
    (round.lang.words().marking_round.contest_named)(name)
}

fn author_of(round: &Round<'_>) -> String {
    round
        .council
        .secretary()
        .map(|m| m.name.clone())
        .unwrap_or_else(|| format!("{} — {}", round.council.name, round.council.unit))
}

fn header(round: &Round<'_>, doc: &mut Document) {
    let lang = round.lang;
    let c = round.council;
    let (parent, issuer) = if c.name.is_empty() {
        (c.parent_unit.to_uppercase(), c.unit.to_uppercase())
    } else {
        (c.unit.to_uppercase(), c.name.to_uppercase())
    };
    let symbol = if c.scoring.symbol.is_empty() {
        c.screening.symbol.as_str()
    } else {
        c.scoring.symbol.as_str()
    };
    let symbol = if symbol.is_empty() {
        crate::report::minutes::SYMBOL
    } else {
        symbol
    };
    let date = c
        .scoring
        .date()
        .or_else(|| layout::local_date(&round.report.generated_at));
    doc.push(layout::national_header(
        (&parent, &issuer),
        &layout::number_line(Some(&c.scoring), symbol, lang),
        &layout::place_date(&c.place, date, lang),
        lang,
    ));
}

fn cells(texts: &[String], header: bool) -> Vec<Cell> {
    texts
        .iter()
        .map(|t| {
            let mut run = Run::new(t.as_str()).pt(12);
            if header {
                run = run.bold();
            }
            let mut p = Para::new().spacing(40, 40).run(run);
            if header {
                p = p.center();
            }
            Cell::new(vec![p])
        })
        .collect()
}

fn entry_label(round: &Round<'_>, r: &EntryResult) -> String {
    let e = round.entries()[r.entry];
    let mut s = format!(
        "{} — {}",
        e.id,
        truncate_chars(e.title.as_deref().unwrap_or(&e.file), 200)
    );
    if !e.authors.is_empty() {
        s.push_str(&format!(
            " — {}",
            truncate_chars(&e.authors.join("; "), 200)
        ));
    }
    s
}

/// The marking minutes (biên bản chấm điểm).
pub fn minutes_document(
    round: &Round<'_>,
    checked: &Checked,
    tally: &Tally,
    created: &str,
) -> Document {
    let lang = round.lang;
    let w = &lang.words().marking;
    let council = round.council;
    let contest = contest_phrase(round);
    let mut doc = Document {
        body_pt: 14,
        properties: Properties {
            title: lang.words().marking.doc_title.into(),
            subject: contest.clone(),
            creator: author_of(round),
            created: created.to_string(),
        },
        ..Document::default()
    };
    header(round, &mut doc);
    for p in layout::title(
        lang.words().marking.minutes_title,
        &[w.summary.to_string(), contest.clone()],
    ) {
        doc.push(p);
    }
    let sitting = &council.scoring;
    let date = sitting
        .date()
        .or_else(|| layout::local_date(&round.report.generated_at));
    doc.push(body(format!(
        "{}: {}",
        lang.words().marking.time,
        (lang.words().marking.started)(
            &layout::time_words(sitting.start(), lang),
            &layout::date_words(date, lang)
        )
    )));
    let venue = if sitting.venue.is_empty() {
        layout::BLANK
    } else {
        sitting.venue.as_str()
    };
    doc.push(body(format!("{}: {venue}.", lang.words().marking.place)));
    let jury = round.jury();
    doc.push(body(format!("{} ({}):", w.jury, jury.len())));
    for (i, (_, m)) in jury.iter().enumerate() {
        let position = if m.position.is_empty() {
            String::new()
        } else {
            format!(", {}", m.position)
        };
        doc.push(body(format!(
            "{}. {}{position} — {};",
            i + 1,
            m.name,
            m.role.label(lang)
        )));
    }

    // I. Criteria and rules.
    doc.push(heading(w.method));
    if round.scoring.example {
        doc.push(
            Para::new()
                .first_line(567)
                .spacing(60, 60)
                .run(Run::new(w.example).bold()),
        );
    }
    if !round.scoring.source.is_empty() {
        doc.push(body(format!(
            "{}: {}.",
            w.criteria_from, round.scoring.source
        )));
    }
    for (i, c) in round.scoring.criteria.iter().enumerate() {
        doc.push(body(format!(
            "{}. {} ({} {} {}).",
            i + 1,
            c.name,
            w.up_to,
            score_text(c.max, lang),
            w.points
        )));
    }
    doc.push(body(averaging_sentence(round, w)));
    if let Some(t) = tie_break_sentence(round) {
        doc.push(body(t));
    }

    // II. Results.
    doc.push(heading(w.results_heading));
    doc.push(body((lang.words().marking.tally_line)(
        round.entries().len(),
        checked.sheets.len(),
        jury.len(),
    )));
    let widths = vec![850, 3671, 1100, 1000, 1150, 1300];
    let head: Vec<String> = [w.rank, w.entry, w.kind, w.sheets, w.average, w.prize]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut rows = vec![Row::new(cells(&head, true)).header()];
    for r in &tally.results {
        let e = round.entries()[r.entry];
        let prize = match r.prize {
            Some(p) => p.label(lang).to_string(),
            None => w.none.to_string(),
        };
        let prize = if r.tie_unresolved && in_boundary_tie(tally, r.entry) {
            format!("{prize} ({})", w.tie)
        } else {
            prize
        };
        rows.push(Row::new(cells(
            &[
                r.rank
                    .map(|k| k.to_string())
                    .unwrap_or_else(|| w.none.into()),
                entry_label(round, r),
                kind_word(w, round.is_group(e)).to_string(),
                format!("{}/{}", r.totals.len(), markers(round, checked, r.entry)),
                r.average
                    .map(|a| score_text(a.value(), lang))
                    .unwrap_or_else(|| w.none.into()),
                prize,
            ],
            false,
        )));
    }
    doc.push(Table::new(widths, rows));

    // III. Problems.
    doc.push(heading(w.problems_heading));
    let problems = all_problems(round, checked, tally);
    if problems.is_empty() {
        doc.push(body(w.no_problems));
    }
    for p in problems.iter().take(MAX_PRINTED) {
        doc.push(body(format!("- {}", p.message)));
    }
    if problems.len() > MAX_PRINTED {
        doc.push(body((lang.words().marking.more_problems)(
            problems.len() - MAX_PRINTED,
            SCORES_FILE,
        )));
    }

    // Conclusion.
    doc.push(heading(w.conclusion_heading));
    doc.push(body(conclusion(round, tally, problems.len())).keep_next());
    let end = layout::time_words(sitting.end(), lang);
    let (closed, copies) = (
        (lang.words().marking.closed)(&end),
        lang.words().marking.copies.to_string(),
    );
    doc.push(body(closed).keep_next().keep_lines());
    doc.push(body(copies).keep_next().keep_lines());
    let signers = Signers::secretary_and_chair(round.report, lang);
    let signers = Signers {
        left: (signers.left.0, name_of(round, Role::Secretary)),
        right: (signers.right.0, name_of(round, Role::Chair)),
    };
    for p in signers.paragraphs(lang) {
        doc.push(p);
    }
    doc
}

/// Jury members who may mark this entry (no conflict).
fn markers(round: &Round<'_>, checked: &Checked, entry: usize) -> usize {
    round
        .jury()
        .iter()
        .filter(|(m, _)| !checked.conflicts.contains(&(*m, entry)))
        .count()
}

fn name_of(round: &Round<'_>, role: Role) -> String {
    round
        .council
        .members
        .iter()
        .find(|m| m.role == role)
        .map(|m| m.name.clone())
        .unwrap_or_default()
}

fn in_boundary_tie(tally: &Tally, entry: usize) -> bool {
    tally
        .boundary_ties
        .iter()
        .any(|t| t.entries.contains(&entry))
}

fn averaging_sentence(round: &Round<'_>, w: &Marking) -> String {
    match round.scoring.average {
        Averaging::Mean => w.mean.to_string(),
        Averaging::Trimmed => (w.trimmed_mean)(round.scoring.trim_when_at_least),
    }
}

fn tie_break_sentence(round: &Round<'_>) -> Option<String> {
    let lang = round.lang;
    if round.scoring.tie_break.is_empty() {
        return None;
    }
    let rules: Vec<String> = round
        .scoring
        .tie_break
        .iter()
        .map(|t| match t {
            TieBreak::Criterion(code) => {
                let name = round
                    .scoring
                    .criterion(code)
                    .map(|c| c.name.as_str())
                    .unwrap_or(code);
                (lang.words().marking.tie_criterion)(name)
            }
            TieBreak::EarlierSubmission => lang.words().marking.earlier_submission.to_string(),
        })
        .collect();
    Some((lang.words().marking.tie_rules)(&rules.join("; ")))
}

/// The check's problems plus what only the tally can see: entries without a counted mark and
/// ties at a prize boundary.
pub fn all_problems(round: &Round<'_>, checked: &Checked, tally: &Tally) -> Vec<Problem> {
    let lang = round.lang;
    let entries = round.entries();
    let mut out = checked.problems.clone();
    for r in &tally.results {
        if r.average.is_none() {
            let id = &entries[r.entry].id;
            out.push(Problem {
                code: "NO-MARKS",
                file: None,
                member: None,
                entry: Some(id.clone()),
                message: (lang.words().marking.no_marks)(id),
            });
        }
    }
    for t in &tally.boundary_ties {
        let ids: Vec<&str> = t.entries.iter().map(|&e| entries[e].id.as_str()).collect();
        out.push(Problem {
            code: "TIE",
            file: None,
            member: None,
            entry: Some(ids.join(", ")),
            message: (lang.words().marking.boundary_tie)(
                &ids.join(", "),
                t.group,
                &t.rank.label(lang).to_lowercase(),
            ),
        });
    }
    out
}

fn prize_counts(tally: &Tally, round: &Round<'_>) -> Vec<(PrizeRank, usize, usize, u64)> {
    let entries = round.entries();
    round
        .prizes
        .iter()
        .map(|p| {
            let mine = tally.results.iter().filter(|r| r.prize == Some(p.rank));
            let (mut ind, mut grp, mut amount) = (0, 0, 0);
            for r in mine {
                if round.is_group(entries[r.entry]) {
                    grp += 1;
                } else {
                    ind += 1;
                }
                amount += r.amount_vnd;
            }
            (p.rank, ind, grp, amount)
        })
        .collect()
}

fn conclusion(round: &Round<'_>, tally: &Tally, problems: usize) -> String {
    let lang = round.lang;
    let total: u64 = tally.results.iter().map(|r| r.amount_vnd).sum();
    let mut parts: Vec<String> = Vec::new();
    for (rank, ind, grp, _) in prize_counts(tally, round) {
        if ind + grp == 0 {
            continue;
        }
        parts.push((lang.words().marking.prize_part)(
            ind + grp,
            &rank.label(lang).to_lowercase(),
            ind,
            grp,
        ));
    }
    let mut s = if parts.is_empty() {
        lang.words().marking.conclusion_ranking.to_string()
    } else {
        (lang.words().marking.conclusion_prizes)(
            &parts.join(", "),
            &money::digits(total, lang),
            &money::words(total, lang),
        )
    };
    if problems > 0 {
        s.push_str(lang.words().marking.not_final);
    }
    s
}

/// The awarded entries, by rank then place.
fn awarded(tally: &Tally) -> Vec<&EntryResult> {
    let mut out: Vec<&EntryResult> = tally.results.iter().filter(|r| r.prize.is_some()).collect();
    out.sort_by_key(|r| r.prize);
    out
}

/// The prize list (danh sách đề nghị khen thưởng) as a document.
/// "; kèm Bằng khen …" after a prize the profile gives an honour with; empty otherwise.
fn honour(round: &Round<'_>, prize: PrizeRank) -> String {
    round
        .prizes
        .ranks
        .iter()
        .find(|rank| rank.rank == prize && !rank.honour.is_empty())
        .map(|rank| (round.lang.words().marking.with_honour)(&rank.honour))
        .unwrap_or_default()
}

pub fn prize_list_document(round: &Round<'_>, tally: &Tally, created: &str) -> Document {
    let lang = round.lang;
    let w = &lang.words().marking;
    let contest = contest_phrase(round);
    let mut doc = Document {
        body_pt: 14,
        properties: Properties {
            title: lang.words().marking.list_doc_title.into(),
            subject: contest.clone(),
            creator: author_of(round),
            created: created.to_string(),
        },
        ..Document::default()
    };
    header(round, &mut doc);
    for p in layout::title(w.list_title, &[w.list_summary.to_string(), contest]) {
        doc.push(p);
    }
    if round.scoring.example {
        doc.push(
            Para::new()
                .first_line(567)
                .spacing(60, 60)
                .run(Run::new(w.example).bold()),
        );
    }
    let widths = vec![600, 2000, 1700, 2171, 1300, 1300];
    let head: Vec<String> = [
        lang.words().marking.no,
        w.author,
        w.unit,
        lang.words().marking.title,
        lang.words().marking.prize_col,
        w.amount,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut rows = vec![Row::new(cells(&head, true)).header()];
    let entries = round.entries();
    let mut total = 0u64;
    for (i, r) in awarded(tally).iter().enumerate() {
        let e = entries[r.entry];
        total += r.amount_vnd;
        let prize = r
            .prize
            .map(|p| {
                format!(
                    "{} ({}){}",
                    p.label(lang),
                    kind_word(w, round.is_group(e)).to_lowercase(),
                    honour(round, p)
                )
            })
            .unwrap_or_default();
        rows.push(Row::new(cells(
            &[
                (i + 1).to_string(),
                truncate_chars(&e.authors.join("; "), 300).into_owned(),
                e.unit.clone().unwrap_or_default(),
                truncate_chars(e.title.as_deref().unwrap_or(&e.file), 300).into_owned(),
                prize,
                money::digits(r.amount_vnd, lang),
            ],
            false,
        )));
    }
    rows.push(Row::new(cells(
        &[
            String::new(),
            w.total.to_string(),
            String::new(),
            String::new(),
            String::new(),
            money::digits(total, lang),
        ],
        true,
    )));
    doc.push(Table::new(widths, rows));
    doc.push(
        Para::new()
            .spacing(120, 60)
            .keep_next()
            .run(Run::new(format!("{}: {}.", w.in_words, money::words(total, lang))).italic()),
    );
    let signers = Signers {
        left: (w.maker.to_string(), name_of(round, Role::Secretary)),
        right: (
            lang.words().marking.chair_caps.to_string(),
            name_of(round, Role::Chair),
        ),
    };
    for p in signers.paragraphs(lang) {
        doc.push(p);
    }
    doc
}

fn xlsx_err(path: &Path, e: XlsxError) -> ScoringError {
    crate::report::ReportError::build(path, e).into()
}

fn properties(round: &Round<'_>, title: &str, created: &str) -> DocProperties {
    let mut p = DocProperties::new()
        .set_title(title)
        .set_author(author_of(round));
    if let Ok(t) = ExcelDateTime::parse_from_str(created) {
        p = p.set_creation_datetime(&t);
    }
    p
}

/// `bang-diem.xlsx`: summary, detail and problems.
pub fn scores_workbook(
    round: &Round<'_>,
    checked: &Checked,
    tally: &Tally,
    created: &str,
) -> Result<Vec<u8>, XlsxError> {
    let lang = round.lang;
    let w = &lang.words().marking;
    let entries = round.entries();
    let jury = round.jury();
    let mut book = Workbook::new();
    book.set_properties(&properties(
        round,
        lang.words().marking.scores_title,
        created,
    ));
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_align(FormatAlign::Center);
    let text = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let num = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0.00");
    let struck = num.clone().set_font_strikethrough();

    // Summary: one row per entry, one column per member.
    let sheet = book.add_worksheet();
    sheet.set_name(w.summary_sheet)?;
    let mut col_heads: Vec<String> = vec![
        w.rank.into(),
        lang.words().marking.entry_id.into(),
        lang.words().marking.title.into(),
        w.kind.into(),
    ];
    col_heads.extend(jury.iter().map(|(_, m)| m.name.clone()));
    col_heads.extend([
        w.sheets.to_string(),
        w.average.to_string(),
        w.prize.to_string(),
        w.amount.to_string(),
    ]);
    for (c, h) in col_heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &head)?;
    }
    for (i, r) in tally.results.iter().enumerate() {
        let row = 1 + i as u32;
        let e = entries[r.entry];
        match r.rank {
            Some(k) => sheet.write_number_with_format(row, 0, k as f64, &text)?,
            None => sheet.write_string_with_format(row, 0, w.none, &text)?,
        };
        sheet.write_string_with_format(row, 1, &e.id, &text)?;
        sheet.write_string_with_format(
            row,
            2,
            truncate_chars(e.title.as_deref().unwrap_or(&e.file), 300).as_ref(),
            &text,
        )?;
        sheet.write_string_with_format(row, 3, kind_word(w, round.is_group(e)), &text)?;
        for (j, (m, _)) in jury.iter().enumerate() {
            let col = 4 + j as u16;
            if let Some((_, t)) = r.totals.iter().find(|(mm, _)| mm == m) {
                // A total the trimmed average dropped is struck through.
                let f = if r.dropped.contains(m) { &struck } else { &num };
                sheet.write_number_with_format(row, col, *t as f64 / 100.0, f)?;
            } else if checked.conflicts.contains(&(*m, r.entry)) {
                sheet.write_string_with_format(row, col, w.conflict, &text)?;
            } else {
                sheet.write_string_with_format(row, col, w.none, &text)?;
            }
        }
        let c = 4 + jury.len() as u16;
        sheet.write_string_with_format(
            row,
            c,
            format!("{}/{}", r.totals.len(), markers(round, checked, r.entry)),
            &text,
        )?;
        match r.average {
            Some(a) => sheet.write_number_with_format(row, c + 1, a.value(), &num)?,
            None => sheet.write_string_with_format(row, c + 1, w.none, &text)?,
        };
        sheet.write_string_with_format(
            row,
            c + 2,
            r.prize.map(|p| p.label(lang)).unwrap_or(w.none),
            &text,
        )?;
        sheet.write_number_with_format(row, c + 3, r.amount_vnd as f64, &text)?;
    }
    sheet.set_column_width(2, 45)?;
    sheet.set_freeze_panes(1, 2)?;

    // Detail: every counted mark per criterion.
    let detail = book.add_worksheet();
    detail.set_name(w.detail_sheet)?;
    let mut heads: Vec<String> = vec![w.member.into(), lang.words().marking.entry_id.into()];
    heads.extend(round.scoring.criteria.iter().map(|c| c.name.clone()));
    heads.push(lang.words().marking.sum.into());
    for (c, h) in heads.iter().enumerate() {
        detail.write_string_with_format(0, c as u16, h, &head)?;
    }
    for (i, m) in checked.marks.iter().enumerate() {
        let row = 1 + i as u32;
        detail.write_string_with_format(row, 0, &round.council.members[m.member].name, &text)?;
        detail.write_string_with_format(row, 1, &entries[m.entry].id, &text)?;
        for (k, s) in m.scores.iter().enumerate() {
            detail.write_number_with_format(row, 2 + k as u16, *s as f64 / 100.0, &num)?;
        }
        detail.write_number_with_format(
            row,
            2 + m.scores.len() as u16,
            m.scores.iter().sum::<i64>() as f64 / 100.0,
            &num,
        )?;
    }
    detail.set_column_width(0, 24)?;

    // Problems.
    let sheet = book.add_worksheet();
    sheet.set_name(w.problems_sheet)?;
    for (c, h) in [
        lang.words().marking.code,
        lang.words().marking.file,
        w.member,
        lang.words().marking.entry_short,
        lang.words().marking.message,
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(0, c as u16, *h, &head)?;
    }
    for (i, p) in all_problems(round, checked, tally).iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_string_with_format(row, 0, p.code, &text)?;
        sheet.write_string_with_format(row, 1, p.file.as_deref().unwrap_or_default(), &text)?;
        sheet.write_string_with_format(row, 2, p.member.as_deref().unwrap_or_default(), &text)?;
        sheet.write_string_with_format(row, 3, p.entry.as_deref().unwrap_or_default(), &text)?;
        sheet.write_string_with_format(row, 4, &p.message, &text)?;
    }
    sheet.set_column_width(4, 90)?;
    book.save_to_buffer()
}

/// The prize list as a workbook: one row per prize, a total formula and the total in words.
pub fn prize_list_workbook(
    round: &Round<'_>,
    tally: &Tally,
    created: &str,
) -> Result<Vec<u8>, XlsxError> {
    let lang = round.lang;
    let w = &lang.words().marking;
    let entries = round.entries();
    let mut book = Workbook::new();
    book.set_properties(&properties(
        round,
        lang.words().marking.list_doc_title,
        created,
    ));
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let text = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let money_fmt = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("#,##0");
    let bold_money = money_fmt.clone().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(lang.words().marking.prizes_sheet)?;
    let heads = [
        lang.words().marking.no,
        w.author,
        w.kind,
        w.unit,
        lang.words().marking.entry_id,
        lang.words().marking.title,
        lang.words().marking.prize_col,
        w.honour_col,
        w.amount,
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &head)?;
    }
    let list = awarded(tally);
    let mut total = 0u64;
    for (i, r) in list.iter().enumerate() {
        let row = 1 + i as u32;
        let e = entries[r.entry];
        total += r.amount_vnd;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &text)?;
        sheet.write_string_with_format(row, 1, e.authors.join("; "), &text)?;
        sheet.write_string_with_format(row, 2, kind_word(w, round.is_group(e)), &text)?;
        sheet.write_string_with_format(row, 3, e.unit.as_deref().unwrap_or_default(), &text)?;
        sheet.write_string_with_format(row, 4, &e.id, &text)?;
        sheet.write_string_with_format(
            row,
            5,
            truncate_chars(e.title.as_deref().unwrap_or(&e.file), 300).as_ref(),
            &text,
        )?;
        sheet.write_string_with_format(
            row,
            6,
            r.prize.map(|p| p.label(lang)).unwrap_or_default(),
            &text,
        )?;
        let honour = r
            .prize
            .and_then(|p| round.prizes.ranks.iter().find(|rank| rank.rank == p))
            .map(|rank| rank.honour.as_str())
            .unwrap_or_default();
        sheet.write_string_with_format(row, 7, honour, &text)?;
        sheet.write_number_with_format(row, 8, r.amount_vnd as f64, &money_fmt)?;
    }
    let last = 1 + list.len() as u32;
    sheet.write_string_with_format(last, 1, w.total, &head)?;
    let formula = if list.is_empty() {
        rust_xlsxwriter::Formula::new("=0").set_result("0")
    } else {
        rust_xlsxwriter::Formula::new(format!("=SUM(I2:I{last})")).set_result(total.to_string())
    };
    sheet.write_formula_with_format(last, 8, formula, &bold_money)?;
    sheet.write_string(
        last + 1,
        1,
        format!("{}: {}.", w.in_words, money::words(total, lang)),
    )?;
    sheet.set_column_width(1, 30)?;
    sheet.set_column_width(3, 30)?;
    sheet.set_column_width(5, 45)?;
    sheet.set_column_width(6, 18)?;
    sheet.set_column_width(7, 24)?;
    sheet.set_column_width(8, 16)?;
    book.save_to_buffer()
}

/// `ket-qua-cham.json`.
#[derive(Debug, Serialize)]
struct ResultJson<'a> {
    schema: &'static str,
    profile: &'a str,
    report_generated_at: &'a str,
    example_criteria: bool,
    criteria: Vec<(&'a str, f64)>,
    jury: Vec<&'a str>,
    sheets_received: usize,
    results: Vec<ResultRow<'a>>,
    total_amount_vnd: u64,
    problems: Vec<Problem>,
}

#[derive(Debug, Serialize)]
struct ResultRow<'a> {
    rank: Option<usize>,
    id: &'a str,
    title: Option<&'a str>,
    authors: &'a [String],
    unit: Option<&'a str>,
    group: bool,
    /// Member name → total.
    marks: Vec<(&'a str, f64)>,
    average: Option<f64>,
    tie_unresolved: bool,
    prize: Option<PrizeRank>,
    amount_vnd: u64,
}

pub fn result_json(round: &Round<'_>, checked: &Checked, tally: &Tally) -> String {
    let entries = round.entries();
    let doc = ResultJson {
        schema: "soloai.scoring/1",
        profile: &round.report.profile,
        report_generated_at: &round.report.generated_at,
        example_criteria: round.scoring.example,
        criteria: round
            .scoring
            .criteria
            .iter()
            .map(|c| (c.code.as_str(), c.max))
            .collect(),
        jury: round.jury().iter().map(|(_, m)| m.name.as_str()).collect(),
        sheets_received: checked.sheets.len(),
        results: tally
            .results
            .iter()
            .map(|r| {
                let e = entries[r.entry];
                ResultRow {
                    rank: r.rank,
                    id: &e.id,
                    title: e.title.as_deref(),
                    authors: &e.authors,
                    unit: e.unit.as_deref(),
                    group: round.is_group(e),
                    marks: r
                        .totals
                        .iter()
                        .map(|(m, t)| (round.council.members[*m].name.as_str(), *t as f64 / 100.0))
                        .collect(),
                    average: r.average.map(|a| (a.value() * 100.0).round() / 100.0),
                    tie_unresolved: r.tie_unresolved,
                    prize: r.prize,
                    amount_vnd: r.amount_vnd,
                }
            })
            .collect(),
        total_amount_vnd: tally.results.iter().map(|r| r.amount_vnd).sum(),
        problems: all_problems(round, checked, tally),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Write every paper of the round into `out_dir`; returns the paths.
pub fn write_papers(
    round: &Round<'_>,
    checked: &Checked,
    tally: &Tally,
    out_dir: &Path,
    created: &str,
) -> Result<Vec<PathBuf>, ScoringError> {
    std::fs::create_dir_all(out_dir).map_err(|e| crate::report::ReportError::io(out_dir, e))?;
    let mut written = Vec::new();
    let mut put = |name: &str, bytes: Result<Vec<u8>, ScoringError>| -> Result<(), ScoringError> {
        let path = out_dir.join(name);
        crate::report::write_atomic(&path, &bytes?)?;
        written.push(path);
        Ok(())
    };
    let doc_err = |name: &str| {
        let path = out_dir.join(name);
        move |cause: String| ScoringError::from(crate::report::ReportError::build(path, cause))
    };
    put(
        MINUTES_FILE,
        minutes_document(round, checked, tally, created)
            .to_bytes()
            .map_err(doc_err(MINUTES_FILE)),
    )?;
    put(
        SCORES_FILE,
        scores_workbook(round, checked, tally, created)
            .map_err(|e| xlsx_err(&out_dir.join(SCORES_FILE), e)),
    )?;
    if !round.prizes.is_empty() {
        put(
            PRIZES_DOCX,
            prize_list_document(round, tally, created)
                .to_bytes()
                .map_err(doc_err(PRIZES_DOCX)),
        )?;
        put(
            PRIZES_XLSX,
            prize_list_workbook(round, tally, created)
                .map_err(|e| xlsx_err(&out_dir.join(PRIZES_XLSX), e)),
        )?;
    }
    put(
        RESULT_JSON,
        Ok(result_json(round, checked, tally).into_bytes()),
    )?;
    Ok(written)
}
