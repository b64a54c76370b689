//! `index.html`: every entry on one sortable, filterable page, with the unit quotas and the
//! copy clusters below. The table is written out in full (it reads and prints without
//! JavaScript); the script only sorts and filters rows that are already there.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::entry_page::corpus_note;
use super::{document_with_class, entry_page_names, share_bar};
use crate::lang::Lang;
use crate::report::escape::{self, html as esc};
use crate::report::model::{EntryReport, Report, Verdict};
use crate::report::words;
use crate::report::write::write_atomic;
use crate::report::{ReportError, Reporter};
use crate::vocab::{self, Captions};

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
    let words = lang.words();
    let d = &words.dashboard;
    let c = Captions::new(lang);
    let pages = entry_page_names(report);
    let mut body = String::new();

    let contest = if report.contest.name.is_empty() {
        report.profile.as_str()
    } else {
        report.contest.name.as_str()
    };
    let _ = write!(
        body,
        "<header class=\"top\"><h1>{}</h1><div class=\"sub\">{}{}</div><div class=\"sub\">{}: {} · {}: <span class=\"run-time\">{}</span></div></header>\n<main>\n",
        esc(d.heading),
        esc(contest),
        if report.contest.organizer.is_empty() {
            String::new()
        } else {
            format!(" — {}", esc(&report.contest.organizer))
        },
        esc(d.profile),
        esc(&report.profile),
        esc(d.generated),
        esc(&vocab::date_time(&report.generated_at, lang)),
    );
    body.push_str(&corpus_note(report, lang));

    // The other files of the same run, side by side in the output folder.
    let _ = writeln!(
        body,
        "<p class=\"downloads no-print\">{}: <a href=\"summary.xlsx\">{}</a> · <a href=\"summary.csv\">{}</a> · \
         <a href=\"bien-ban-so-loai.docx\">{}</a> · <a href=\"report.json\">{}</a>{}</p>",
        esc(d.files),
        esc(d.summary_xlsx),
        esc(d.summary_csv),
        esc(d.minutes_docx),
        esc(d.report_json),
        later
            .iter()
            .map(|(file, label)| format!(" · <a href=\"{}\">{}</a>", esc(file), esc(label)))
            .collect::<String>(),
    );
    body.push_str(&cards(report, lang));
    body.push_str(&entries_table(report, lang, c, &pages));
    let identical = report.identical_files();
    if !identical.is_empty() {
        body.push_str(&id_groups(
            report,
            d.duplicates_heading,
            d.duplicates_note,
            &identical,
            &pages,
        ));
    }
    if !report.skipped.is_empty() {
        body.push_str(&skipped(report, lang));
    }
    if !report.input_problems.is_empty() {
        // Rows of the manifest, units.csv or the excluded list that could not be read (rules).
        let _ = writeln!(
            body,
            "<section><h2>{}</h2><ul>",
            esc(d.input_problems_heading)
        );
        for p in &report.input_problems {
            let _ = writeln!(body, "<li>{}</li>", esc(&p.message));
        }
        body.push_str("</ul></section>\n");
    }
    if !report.units.is_empty() {
        body.push_str(&units_table(report, lang, c));
    }
    if !report.clusters.is_empty() {
        body.push_str(&id_groups(
            report,
            d.clusters_heading,
            d.clusters_note,
            &report.clusters,
            &pages,
        ));
    }
    let _ = write!(
        body,
        "<section><h2>{}</h2><p class=\"note\">{}</p><p class=\"note\">{}</p><p class=\"note\">{}</p></section>\n</main>\n",
        esc(d.how_heading),
        esc(words.entry_page.similarity_sentence),
        esc(&vocab::thresholds_sentence(&report.thresholds, lang)),
        esc(d.how_bands),
    );
    let _ = writeln!(
        body,
        "<footer>soloai · {} · {}: <span class=\"run-time\">{}</span> · {}</footer>",
        esc(&report.profile),
        esc(d.generated),
        esc(&vocab::date_time(&report.generated_at, lang)),
        esc(d.footer_note),
    );
    let words_json = serde_json::json!({ "shown": d.shown });
    let _ = writeln!(
        body,
        "<script type=\"application/json\" id=\"words\">{}</script>",
        escape::json_for_script(&words_json)
    );
    document_with_class(
        lang,
        &format!("{} — {contest}", d.heading),
        &body,
        Some(SCRIPT),
        "dashboard",
    )
}

fn cards(report: &Report, lang: Lang) -> String {
    let d = &lang.words().dashboard;
    let mut items: Vec<(&str, usize, &str)> = vec![("", report.entries.len(), d.total)];
    // The four verdicts add up to the total.
    for (verdict, n) in report.verdict_counts() {
        let class = match verdict {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Resubmit => "warn",
            Verdict::CannotTell => "",
        };
        items.push((class, n, verdict.label(lang)));
    }
    let flagged = report
        .entries
        .iter()
        .filter(|e| !e.flags.is_empty())
        .count();
    let forward = report.entries.iter().filter(|e| e.forward).count();
    items.push(("warn", flagged, d.flagged));
    items.push(("pass", forward, lang.words().captions.forward));
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

/// The area an entry is filed under: the one its author registered, else the detected one.
fn filed_area(entry: &EntryReport) -> Option<&str> {
    entry
        .declared_area
        .as_deref()
        .filter(|a| !a.trim().is_empty())
        .or(entry.area.as_deref())
}

fn entries_table(report: &Report, lang: Lang, c: &Captions, pages: &[String]) -> String {
    let d = &lang.words().dashboard;
    let mut out = String::new();
    let _ = write!(
        out,
        "<section><h2>{}</h2>\n<div class=\"filters no-print\">\
         <input type=\"search\" id=\"q\" placeholder=\"{}\" aria-label=\"{}\">\
         <select id=\"f-verdict\" aria-label=\"{}\"><option value=\"\">{}</option>",
        esc(d.entries_heading),
        esc(d.search_placeholder),
        esc(d.search),
        esc(c.verdict),
        esc(d.all_verdicts),
    );
    for verdict in Verdict::ALL {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            verdict.code(),
            esc(verdict.label(lang))
        );
    }
    let _ = write!(
        out,
        "</select><select id=\"f-area\" aria-label=\"{}\"><option value=\"\">{}</option>",
        esc(c.declared_area),
        esc(d.all_areas),
    );
    let mut areas: Vec<String> = report
        .entries
        .iter()
        .filter_map(filed_area)
        .map(vocab::area_letter)
        .collect();
    areas.sort_by_key(|a| vocab::area_order(a));
    areas.dedup();
    for area in areas {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            esc(&area),
            esc(&vocab::area(&area, lang))
        );
    }
    let _ = writeln!(
        out,
        "</select><label><input type=\"checkbox\" id=\"f-flagged\"> {}</label>\
         <span class=\"note\" id=\"shown\"></span></div>",
        esc(d.flagged_only),
    );

    out.push_str(
        "<table id=\"entries\"><colgroup><col class=\"c-id\"><col class=\"c-title\"><col class=\"c-unit\">\
         <col class=\"c-area\"><col class=\"c-pct\"><col class=\"c-checks\"><col class=\"c-flags\"><col class=\"c-verdict\"></colgroup><thead><tr>",
    );
    for (caption, kind) in [
        (c.id, "text"),
        (c.title, "text"),
        (c.unit, "text"),
        (c.declared_area, "text"),
        (c.similarity, "num"),
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
            .filter(|ch| ch.verdict == Verdict::Fail)
            .count();
        let area = filed_area(entry).map(vocab::area_letter);
        let _ = write!(
            out,
            "<tr data-verdict=\"{}\" data-flags=\"{}\" data-area=\"{}\">",
            entry.verdict.code(),
            entry.flags.len(),
            esc(area.as_deref().unwrap_or("")),
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
        // The registered area, with the detected one beside it.
        let registered = entry
            .declared_area
            .as_deref()
            .filter(|a| !a.trim().is_empty())
            .map_or_else(|| "—".to_string(), |a| vocab::area(a, lang));
        let detected = match (&entry.declared_area, &entry.area) {
            (Some(dcl), Some(a)) if vocab::area_letter(dcl) == vocab::area_letter(a) => {
                String::new()
            }
            (Some(_), Some(a)) => format!(
                "<div class=\"chip fail\">{}: {}</div>",
                esc(c.detected_area),
                esc(&vocab::area_letter(a))
            ),
            (None, Some(a)) => format!(
                "<div class=\"sub2\">{}: {}</div>",
                esc(c.detected_area),
                esc(&vocab::area(a, lang))
            ),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<td class=\"area\" data-sort=\"{}\">{}{detected}</td>",
            vocab::area_order(area.as_deref().unwrap_or("")).0,
            esc(&registered)
        );
        // Similarity (the headline figure), originality beside it.
        let _ = write!(
            out,
            "<td class=\"num\" data-sort=\"{}\">{}</td>",
            entry.originality.map_or(-1.0, |o| 1.0 - o),
            match entry.originality {
                Some(o) => format!(
                    "<span class=\"pct {band}\">{}</span>{}<div class=\"sub2\">{}: {}</div>",
                    vocab::percent(1.0 - o),
                    share_bar(Some(1.0 - o), band),
                    esc(c.originality),
                    vocab::percent(o),
                ),
                None => "—".to_string(),
            }
        );
        // Form checks: all passed (green), or how many failed (red), never a green tick on a
        // failing entry.
        let _ = write!(out, "<td data-sort=\"{failing}\">");
        if entry.checks.is_empty() {
            out.push('—');
        } else if failing == 0 {
            let _ = write!(
                out,
                "<span class=\"chip ok\" title=\"{}\">✓ {}/{}</span>",
                esc(d.checks_passed),
                entry.checks.len(),
                entry.checks.len()
            );
        } else {
            let _ = write!(
                out,
                "<span class=\"chip fail\">{}</span>",
                esc(&(d.checks_failed)(failing, entry.checks.len()))
            );
        }
        let unsure = entry
            .checks
            .iter()
            .filter(|ch| ch.verdict == Verdict::CannotTell)
            .count();
        if unsure > 0 {
            let names: Vec<String> = entry
                .checks
                .iter()
                .filter(|ch| ch.verdict == Verdict::CannotTell)
                .map(|ch| vocab::check_name(&ch.code, lang))
                .collect();
            let _ = write!(
                out,
                "<span class=\"chip cannot-tell\" title=\"{}\">{}: {unsure}</span>",
                esc(&names.join("; ")),
                esc(Verdict::CannotTell.label(lang)),
            );
        }
        out.push_str("</td>");
        // Flags, by name.
        let _ = write!(out, "<td data-sort=\"{}\">", entry.flags.len());
        for flag in &entry.flags {
            let _ = write!(
                out,
                "<span class=\"chip flag\" title=\"{}\">{}</span>",
                esc(&flag.message),
                esc(&vocab::flag_name(&flag.code, lang))
            );
        }
        if entry.flags.is_empty() {
            out.push('—');
        }
        out.push_str("</td>");
        // Verdict and forwarding.
        let _ = writeln!(
            out,
            "<td class=\"verdict\" data-sort=\"{}\"><span class=\"badge {}\">{}</span>{}</td></tr>",
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
        esc(lang.words().dashboard.units_heading),
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
            "encouraged" => ("pass", lang.words().dashboard.quota_encouraged.to_string()),
            "no-quota" => (
                "cannot-tell",
                match &unit.counted_for {
                    Some(p) => format!("{} {p}", lang.words().dashboard.quota_counts_for),
                    None => lang.words().dashboard.quota_none.to_string(),
                },
            ),
            "cannot-tell" => ("cannot-tell", Verdict::CannotTell.label(lang).to_string()),
            _ => ("fail", Verdict::Fail.label(lang).to_string()),
        };
        let letter = if unit.owes_explanation() {
            format!(
                " <span class=\"small\">{}</span>",
                esc(lang.words().dashboard.unit_no_entry)
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
            esc(&vocab::unit_kind(&unit.unit_kind, lang)),
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
        esc(lang.words().dashboard.skipped_heading),
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

/// A list of groups of entries (identical files, copy clusters), each id linking to its page.
fn id_groups(
    report: &Report,
    heading: &str,
    note: &str,
    groups: &[Vec<String>],
    pages: &[String],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section><h2>{}</h2><p class=\"note\">{}</p><ol>",
        esc(heading),
        esc(note),
    );
    for group in groups {
        out.push_str("<li>");
        for (i, id) in group.iter().enumerate() {
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
