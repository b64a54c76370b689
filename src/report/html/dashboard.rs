//! `index.html`: every entry on one sortable, filterable page, with the unit quotas and the
//! copy clusters below. The table is written out in full (it reads and prints without
//! JavaScript); the script only sorts and filters rows that are already there.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{document, entry_page_names, share_bar};
use crate::lang::Lang;
use crate::report::escape::{self, html as esc};
use crate::report::model::{EntryStatus, Report, Verdict};
use crate::report::words::{self, Captions};
use crate::report::write::write_atomic;
use crate::report::{ReportError, Reporter};

pub struct DashboardReporter;

impl Reporter for DashboardReporter {
    fn name(&self) -> &'static str {
        "index.html"
    }

    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError> {
        let path = out_dir.join("index.html");
        let later = crate::report::minutes::later_papers(out_dir, lang);
        write_atomic(&path, render_with(report, lang, &later).as_bytes())?;
        Ok(vec![path])
    }
}

/// The dashboard as one HTML string, linking also the later papers found beside it (the
/// marking round's, as (file, label)).
pub fn render_with(report: &Report, lang: Lang, later: &[(&str, &str)]) -> String {
    let c = Captions::new(lang);
    let pages = entry_page_names(report);
    let mut body = String::new();

    let heading = lang.pick(
        "Kết quả sơ loại bài dự thi",
        "Preliminary screening results",
    );
    let contest = if report.contest.name.is_empty() {
        report.profile.as_str()
    } else {
        report.contest.name.as_str()
    };
    let _ = write!(
        body,
        "<header class=\"top\"><h1>{}</h1><div class=\"sub\">{}{}</div><div class=\"sub\">{}: {} · {}: {}</div></header>\n<main>\n",
        esc(heading),
        esc(contest),
        if report.contest.organizer.is_empty() {
            String::new()
        } else {
            format!(" — {}", esc(&report.contest.organizer))
        },
        lang.pick("Bộ tiêu chí", "Profile"),
        esc(&report.profile),
        lang.pick("Lập lúc", "Generated"),
        esc(&report.generated_at),
    );

    // The other files of the same run, side by side in the output folder.
    let _ = writeln!(
        body,
        "<p class=\"downloads no-print\">{}: <a href=\"summary.xlsx\">{}</a> · <a href=\"summary.csv\">CSV</a> · \
         <a href=\"bien-ban-so-loai.docx\">{}</a> · <a href=\"report.json\">report.json</a>{}</p>",
        esc(lang.pick("Tệp kèm theo", "Files")),
        esc(lang.pick("Bảng tổng hợp (Excel)", "Summary (Excel)")),
        esc(lang.pick("Biên bản sơ loại (Word)", "Screening minutes (Word)")),
        later
            .iter()
            .map(|(file, label)| format!(" · <a href=\"{}\">{}</a>", esc(file), esc(label)))
            .collect::<String>(),
    );
    body.push_str(&cards(report, lang));
    body.push_str(&entries_table(report, lang, c, &pages));
    if !report.units.is_empty() {
        body.push_str(&units_table(report, lang, c));
    }
    if !report.clusters.is_empty() {
        body.push_str(&clusters(report, lang, &pages));
    }
    if !report.skipped.is_empty() {
        body.push_str(&skipped(report, lang));
    }
    if !report.input_problems.is_empty() {
        // Rows of the manifest, units.csv or the excluded list that could not be read (rules).
        let _ = writeln!(
            body,
            "<section><h2>{}</h2><ul>",
            esc(lang.pick(
                "Dòng không đọc được trong danh sách",
                "Rows of the lists that could not be read"
            ))
        );
        for p in &report.input_problems {
            let _ = writeln!(body, "<li>{}</li>", esc(&p.message));
        }
        body.push_str("</ul></section>\n");
    }
    let _ = write!(
        body,
        "<section><h2>{}</h2><p class=\"note\">{}</p><p class=\"note\">{}</p></section>\n</main>\n",
        lang.pick("Cách đọc báo cáo", "How to read this report"),
        esc(&words::thresholds_sentence(&report.thresholds, lang)),
        esc(lang.pick(
            "Tỷ lệ nguyên gốc là phần nội dung của bài không trùng với nguồn nào (không tính đoạn được loại trừ). Màu: xanh từ 80% trở lên, vàng từ 50% đến dưới 80%, đỏ dưới 50%. Kết quả do phần mềm đề xuất; Hội đồng xem căn cứ và quyết định.",
            "Originality is the share of the entry's text not matched by any source (excluded passages not counted). Colours: green from 80%, amber 50% to under 80%, red under 50%. Verdicts are proposals; the council reviews the evidence and decides."
        )),
    );
    let _ = writeln!(
        body,
        "<footer>soloai · {} · {}</footer>",
        esc(&report.profile),
        esc(&report.generated_at)
    );
    let words_json = serde_json::json!({
        "shown": lang.pick("Hiển thị {n}/{total} bài", "Showing {n} of {total} entries"),
    });
    let _ = writeln!(
        body,
        "<script type=\"application/json\" id=\"words\">{}</script>",
        escape::json_for_script(&words_json)
    );
    document(lang, &format!("{heading} — {contest}"), &body, Some(SCRIPT))
}

fn cards(report: &Report, lang: Lang) -> String {
    let count = |f: &dyn Fn(&crate::report::model::EntryReport) -> bool| {
        report.entries.iter().filter(|e| f(e)).count()
    };
    let items = [
        (
            "",
            report.entries.len(),
            lang.pick("Tổng số bài", "Entries"),
        ),
        (
            "pass",
            count(&|e| e.verdict == Verdict::Pass),
            Verdict::Pass.label(lang),
        ),
        (
            "fail",
            count(&|e| e.verdict == Verdict::Fail),
            Verdict::Fail.label(lang),
        ),
        (
            "",
            count(&|e| e.verdict == Verdict::CannotTell),
            Verdict::CannotTell.label(lang),
        ),
        (
            "warn",
            count(&|e| !e.flags.is_empty()),
            lang.pick("Có cảnh báo", "Flagged"),
        ),
        (
            "fail",
            count(&|e| e.status == EntryStatus::Error),
            lang.pick("Không đọc được tệp", "Could not read"),
        ),
        (
            "pass",
            count(&|e| e.forward),
            lang.pick("Đề nghị chuyển vòng chấm", "Proposed for forwarding"),
        ),
    ];
    let mut out = String::from("<div class=\"cards\">");
    for (class, n, label) in items {
        let _ = write!(
            out,
            "<div class=\"card {class}\"><div class=\"n\">{n}</div><div class=\"l\">{}</div></div>",
            esc(label)
        );
    }
    out.push_str("</div>\n");
    out
}

fn entries_table(report: &Report, lang: Lang, c: &Captions, pages: &[String]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<section><h2>{}</h2>\n<div class=\"filters no-print\">\
         <input type=\"search\" id=\"q\" placeholder=\"{}\" aria-label=\"{}\">\
         <select id=\"f-verdict\" aria-label=\"{}\"><option value=\"\">{}</option>\
         <option value=\"pass\">{}</option><option value=\"fail\">{}</option><option value=\"cannot-tell\">{}</option></select>\
         <select id=\"f-area\" aria-label=\"{}\"><option value=\"\">{}</option>",
        lang.pick("Danh sách bài dự thi", "Entries"),
        esc(lang.pick(
            "Tìm theo mã, tên bài, tác giả, đơn vị… (gõ không dấu cũng được)",
            "Search id, title, author, unit…"
        )),
        esc(lang.pick("Tìm kiếm", "Search")),
        esc(c.verdict),
        esc(lang.pick("Mọi kết quả", "All verdicts")),
        Verdict::Pass.label(lang),
        Verdict::Fail.label(lang),
        Verdict::CannotTell.label(lang),
        esc(c.area),
        esc(lang.pick("Mọi lĩnh vực", "All areas")),
    );
    let mut areas: Vec<&str> = report
        .entries
        .iter()
        .filter_map(|e| e.area.as_deref())
        .collect();
    areas.sort_unstable();
    areas.dedup();
    for area in areas {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            esc(area),
            esc(&words::area(area, lang))
        );
    }
    let _ = writeln!(
        out,
        "</select><label><input type=\"checkbox\" id=\"f-flagged\"> {}</label>\
         <span class=\"note\" id=\"shown\"></span></div>",
        esc(lang.pick("Chỉ bài có cảnh báo", "Flagged only")),
    );

    let _ = write!(out, "<table id=\"entries\"><thead><tr>");
    for (caption, kind) in [
        (c.id, "text"),
        (c.title, "text"),
        (c.unit, "text"),
        (c.area, "text"),
        (c.originality, "num"),
        (c.checks, "num"),
        (c.flags, "num"),
        (c.verdict, "text"),
    ] {
        let _ = write!(
            out,
            "<th data-type=\"{kind}\"><button type=\"button\">{}</button></th>",
            esc(caption)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");

    for (entry, page) in report.entries.iter().zip(pages) {
        let band = words::band(entry.originality);
        let failing = entry
            .checks
            .iter()
            .filter(|ch| ch.verdict != Verdict::Pass)
            .count();
        let _ = write!(
            out,
            "<tr data-verdict=\"{}\" data-flags=\"{}\" data-area=\"{}\">",
            entry.verdict.code(),
            entry.flags.len(),
            esc(entry.area.as_deref().unwrap_or("")),
        );
        // Id, linking to the entry's page.
        let _ = write!(
            out,
            "<td data-sort=\"{}\"><a href=\"{}\">{}</a></td>",
            esc(&entry.id),
            esc(page),
            esc(&entry.id)
        );
        // Title, authors, file.
        let _ = write!(
            out,
            "<td class=\"title\" data-sort=\"{}\">{}<div class=\"small\">{}</div><div class=\"file\">{}</div></td>",
            esc(entry.title.as_deref().unwrap_or(&entry.file)),
            esc(entry.title.as_deref().unwrap_or("—")),
            esc(&entry.authors.join("; ")),
            esc(&entry.file),
        );
        let _ = write!(
            out,
            "<td>{}</td>",
            esc(entry.unit.as_deref().unwrap_or("—"))
        );
        // Area, with the declared one when they differ.
        let area = entry
            .area
            .as_deref()
            .map_or_else(|| "—".to_string(), |a| words::area(a, lang));
        let declared = match (&entry.declared_area, &entry.area) {
            (Some(d), Some(a)) if d.trim().to_lowercase() != a.trim().to_lowercase() => format!(
                "<div class=\"chip fail\">{}: {}</div>",
                esc(c.declared_area),
                esc(d)
            ),
            _ => String::new(),
        };
        let _ = write!(out, "<td class=\"area\">{}{declared}</td>", esc(&area));
        // Originality with its colour band.
        let _ = write!(
            out,
            "<td class=\"num\" data-sort=\"{}\">{}</td>",
            entry.originality.map_or(-1.0, |o| o),
            match entry.originality {
                Some(o) => format!(
                    "<span class=\"pct {band}\">{}</span>{}",
                    words::percent(o),
                    share_bar(Some(o), band)
                ),
                None => "—".to_string(),
            }
        );
        // Form checks: how many passed, and each one that did not.
        let _ = write!(out, "<td data-sort=\"{failing}\">");
        if entry.checks.is_empty() {
            out.push('—');
        } else {
            let _ = write!(
                out,
                "<span class=\"chip ok\" title=\"{}\">✓ {}/{}</span>",
                esc(lang.pick("Số tiêu chí đạt", "Checks passed")),
                entry.checks.len() - failing,
                entry.checks.len()
            );
        }
        // Each failed rule by its code; the ones that could not tell as one grey chip, so
        // a scanned entry does not bury its row under ten of them.
        for check in entry.checks.iter().filter(|ch| ch.verdict == Verdict::Fail) {
            let _ = write!(
                out,
                "<span class=\"chip fail\" title=\"{}: {} — {}\">{}</span>",
                esc(&words::check_name(&check.code, lang)),
                esc(check.verdict.label(lang)),
                esc(&check.evidence),
                esc(&check.code)
            );
        }
        let unsure: Vec<&str> = entry
            .checks
            .iter()
            .filter(|ch| ch.verdict == Verdict::CannotTell)
            .map(|ch| ch.code.as_str())
            .collect();
        if !unsure.is_empty() {
            let _ = write!(
                out,
                "<span class=\"chip cannot-tell\" title=\"{}: {}\">? {}</span>",
                esc(Verdict::CannotTell.label(lang)),
                esc(&unsure.join(", ")),
                unsure.len()
            );
        }
        out.push_str("</td>");
        // Flags.
        let _ = write!(out, "<td data-sort=\"{}\">", entry.flags.len());
        for flag in &entry.flags {
            let _ = write!(
                out,
                "<span class=\"chip flag\" title=\"{}\">{}</span>",
                esc(&flag.message),
                esc(&words::flag_name(&flag.code, lang))
            );
        }
        if entry.flags.is_empty() {
            out.push('—');
        }
        out.push_str("</td>");
        // Verdict and forwarding.
        let _ = writeln!(
            out,
            "<td data-sort=\"{}\"><span class=\"badge {}\">{}</span>{}</td></tr>",
            entry.verdict.code(),
            entry.verdict.code(),
            esc(entry.verdict.label(lang)),
            if entry.forward {
                format!("<span class=\"fwd\">→ {}</span>", esc(c.forward))
            } else {
                String::new()
            }
        );
    }
    out.push_str("</tbody></table></section>\n");
    out
}

fn units_table(report: &Report, lang: Lang, c: &Captions) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section><h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        lang.pick(
            "Chỉ tiêu bài dự thi theo đơn vị",
            "Entries per unit against quota"
        ),
        esc(c.unit),
        esc(c.unit_kind),
        esc(c.entries),
        esc(c.quota_min),
        esc(c.meets_quota),
    );
    for unit in &report.units {
        // The QUOTA rule's status (check::quota); its sentence is the cell's tooltip.
        let (class, label) = match unit.status.as_str() {
            "met" => ("pass", Verdict::Pass.label(lang).to_string()),
            "encouraged" => ("pass", lang.pick("Khuyến khích", "Encouraged").to_string()),
            "no-quota" => (
                "cannot-tell",
                match &unit.counted_for {
                    Some(p) => format!("{} {p}", lang.pick("Tính cho", "Counts for")),
                    None => lang.pick("Không có chỉ tiêu", "No quota").to_string(),
                },
            ),
            "cannot-tell" => ("cannot-tell", Verdict::CannotTell.label(lang).to_string()),
            _ => ("fail", Verdict::Fail.label(lang).to_string()),
        };
        let letter = if unit.owes_explanation() {
            format!(
                " <span class=\"small\">{}</span>",
                esc(lang.pick(
                    "Không có bài — phải có văn bản giải trình",
                    "No entry — owes an explanation letter"
                ))
            )
        } else {
            String::new()
        };
        let status = format!(
            "<span class=\"badge {class}\" title=\"{}\">{}</span>{letter}",
            esc(&unit.evidence),
            esc(&label)
        );
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{status}</td></tr>",
            esc(&unit.unit),
            esc(&words::unit_kind(&unit.unit_kind, lang)),
            unit.entries,
            unit.quota_min,
        );
    }
    out.push_str("</tbody></table></section>\n");
    out
}

/// Items of the entries folder not read (links, FIFOs, devices…), with the reason (hostile).
fn skipped(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section><h2>{}</h2><ul>",
        lang.pick(
            "Mục không đọc trong thư mục bài dự thi",
            "Items not read in the entries folder"
        ),
    );
    for item in &report.skipped {
        let _ = writeln!(
            out,
            "<li><code>{}</code>: {}</li>",
            esc(&crate::terminal::visible(&item.path)),
            esc(&item.message)
        );
    }
    out.push_str("</ul></section>\n");
    out
}

fn clusters(report: &Report, lang: Lang, pages: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section><h2>{}</h2><p class=\"note\">{}</p><ol>",
        lang.pick("Nhóm bài sao chép lẫn nhau", "Copy clusters"),
        esc(lang.pick(
            "Các bài trong một nhóm trùng nguyên văn hoặc gần nguyên văn với nhau; xem xét như một trường hợp.",
            "Entries in one cluster copy each other exactly or nearly; treat each cluster as one case."
        )),
    );
    for cluster in &report.clusters {
        out.push_str("<li>");
        for (i, id) in cluster.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match report.entries.iter().position(|e| &e.id == id) {
                Some(at) => {
                    let page = pages.get(at).map_or("", String::as_str);
                    let _ = write!(out, "<a href=\"{}\">{}</a>", esc(page), esc(id));
                }
                None => out.push_str(&esc(id)),
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol></section>\n");
    out
}

/// Sorting by any column and filtering by text, verdict, area and flags. Search folds
/// diacritics so "thu tuc" finds "thủ tục"; `#q=…` in the address pre-fills the search. Sets `data-ready` on <html> so a headless check
/// can see the script ran under the CSP.
const SCRIPT: &str = r##"
(function () {
  "use strict";
  var table = document.getElementById("entries");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var words = JSON.parse(document.getElementById("words").textContent);
  var q = document.getElementById("q");
  var fVerdict = document.getElementById("f-verdict");
  var fArea = document.getElementById("f-area");
  var fFlagged = document.getElementById("f-flagged");
  var shown = document.getElementById("shown");
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d").replace(/\u0110/g, "D").toLowerCase();
  }
  var haystacks = rows.map(function (r) { return fold(r.textContent); });
  function apply() {
    var needle = fold(q.value.trim());
    var n = 0;
    rows.forEach(function (r, i) {
      var ok = (!needle || haystacks[i].indexOf(needle) >= 0) &&
        (!fVerdict.value || r.getAttribute("data-verdict") === fVerdict.value) &&
        (!fArea.value || r.getAttribute("data-area") === fArea.value) &&
        (!fFlagged.checked || r.getAttribute("data-flags") !== "0");
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = words.shown.replace("{n}", String(n)).replace("{total}", String(rows.length));
  }
  function key(row, col, numeric) {
    var cell = row.cells[col];
    if (!cell) { return numeric ? -Infinity : ""; }
    var v = cell.getAttribute("data-sort");
    if (v === null) { v = cell.textContent; }
    return numeric ? (parseFloat(v) || 0) : fold(v.trim());
  }
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "num";
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (a, b) {
        var x = key(a, col, numeric), y = key(b, col, numeric);
        if (numeric) { return (x - y) * dir; }
        return x.localeCompare(y, "vi") * dir;
      });
      sorted.forEach(function (r) { body.appendChild(r); });
    });
  });
  [q, fVerdict, fArea, fFlagged].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  /* A link such as index.html#q=thu%20tuc opens the dashboard already filtered. */
  var hash = window.location.hash;
  if (hash.indexOf("#q=") === 0) {
    try { q.value = decodeURIComponent(hash.slice(3)); } catch (e) { q.value = ""; }
  }
  apply();
  document.documentElement.setAttribute("data-ready", "1");
})();
"##;
