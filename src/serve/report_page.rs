//! The CLI's report pages (`index.html`, `entries/*.html`) as the web app serves them.
//!
//! The files on disk stay exactly what `soloai screen` wrote; on the way out the server changes
//! three things a council member reading them inside the app needs:
//! - the contest is named as the council named it in the app (the run names it by the
//!   profile's title), and the profile by its title instead of its short name
//!   (`lang-son-2025`) — in the page's title, its header and its footer only, never in an
//!   entry's text;
//! - a link back to the contest's page in the app heads the page;
//! - every link to another page opens in the whole window (`target="_top"`), so "← Bảng tổng
//!   hợp" of an entry page shown inside the app's entry page no longer opens the dashboard
//!   inside that frame. Links within the page (`#…`) stay in it.
//!
//! Only markup the report writer itself produces is touched (`<title>`, `<header
//! class="top">`, `<footer>`, `<a href="`): an entry's text is escaped by the writer, so it
//! can hold none of these.

use crate::lang::Lang;
use crate::report::Report;
use crate::report::escape::html as esc;

/// How the served page names the contest and the profile.
#[derive(Debug, Clone, Default)]
pub struct Naming {
    /// What the run called the contest (`report.contest.name`: the profile's title).
    pub run_contest: String,
    /// The contest's name in the app.
    pub contest: String,
    /// The profile as the run recorded it (`report.profile`: a short name or a file name).
    pub run_profile: String,
    /// The profile in words (its title).
    pub profile: String,
}

impl Naming {
    /// The contest named `contest` in the app, screened into `report`: the run named the
    /// contest by its profile's title, which is also the profile's name in words.
    pub fn new(report: &Report, contest: &str) -> Naming {
        Naming {
            run_contest: report.contest.name.clone(),
            contest: contest.to_string(),
            run_profile: report.profile.clone(),
            profile: report.contest.name.clone(),
        }
    }
}

/// Replace `from` by `to` inside each `<open …>…</close>` span of `html` (the first `limit`).
fn replace_within(
    html: &str,
    open: &str,
    close: &str,
    from: &str,
    to: &str,
    limit: usize,
) -> String {
    if from.is_empty() || from == to {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    let mut done = 0;
    while done < limit {
        let Some(start) = rest.find(open) else { break };
        let Some(len) = rest[start..].find(close) else {
            break;
        };
        let end = start + len + close.len();
        out.push_str(&rest[..start]);
        out.push_str(&rest[start..end].replace(from, to));
        rest = &rest[end..];
        done += 1;
    }
    out.push_str(rest);
    out
}

/// The contest and the profile named in words (also for the copies in the report zip).
pub fn rename(html: &str, naming: &Naming) -> String {
    let mut page = html.to_string();
    if !naming.run_contest.is_empty() {
        let from = esc(&naming.run_contest);
        let to = esc(&naming.contest);
        page = replace_within(&page, "<title>", "</title>", &from, &to, 1);
        // In the header the contest stands at the start of a `sub` line.
        page = replace_within(
            &page,
            "<header class=\"top\">",
            "</header>",
            &format!("<div class=\"sub\">{from}"),
            &format!("<div class=\"sub\">{to}"),
            1,
        );
    }
    if !naming.profile.is_empty() {
        let from = esc(&naming.run_profile);
        let to = esc(&naming.profile);
        page = replace_within(&page, "<header class=\"top\">", "</header>", &from, &to, 1);
        page = replace_within(&page, "<footer>", "</footer>", &from, &to, 1);
    }
    page
}

/// [`rename`], the link back to the contest's page at the head, and links to other pages
/// opening in the whole window.
pub fn adapt(html: &str, contest_id: i64, naming: &Naming, lang: Lang) -> String {
    let page = rename(html, naming);
    let back = format!(
        "<header class=\"top\"><div class=\"sub no-print app-back\"><a href=\"/c/{contest_id}\">← {}: {}</a></div>",
        esc(lang.words().web.back_to_contest),
        esc(&naming.contest),
    );
    let page = page.replacen("<header class=\"top\">", &back, 1);
    // `<a href="#…"` stays in the frame; every other link leaves it.
    let mut out = String::with_capacity(page.len() + 1024);
    let mut rest = page.as_str();
    while let Some(at) = rest.find("<a href=\"") {
        out.push_str(&rest[..at]);
        let link = &rest[at + "<a href=\"".len()..];
        if link.starts_with('#') {
            out.push_str("<a href=\"");
        } else {
            out.push_str("<a target=\"_top\" href=\"");
        }
        rest = link;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "<html><head><title>Báo cáo — Bài &lt;A&gt;</title></head><body>\
        <header class=\"top\"><div class=\"sub no-print\"><a href=\"../index.html\">← Bảng tổng hợp</a></div>\
        <h1>Báo cáo: Tìm kiếm ý tưởng</h1><div class=\"sub\">Tìm kiếm ý tưởng</div></header>\
        <main><p>Trích: Tìm kiếm ý tưởng, lang-son-2025</p><a href=\"#p3\">đoạn 3</a>\
        <a href=\"E04.html\">Bài sau →</a></main>\
        <footer>soloai · lang-son-2025 · Lập lúc</footer></body></html>";

    fn naming() -> Naming {
        Naming {
            run_contest: "Tìm kiếm ý tưởng".into(),
            contest: "Cuộc thi <Cao Lộc> 2025".into(),
            run_profile: "lang-son-2025".into(),
            profile: "Tìm kiếm ý tưởng".into(),
        }
    }

    #[test]
    fn the_header_and_footer_name_the_contest_and_the_profile_in_words_and_the_text_stays() {
        let page = rename(ENTRY, &naming());
        assert!(
            page.contains("<div class=\"sub\">Cuộc thi &lt;Cao Lộc&gt; 2025</div></header>"),
            "{page}"
        );
        assert!(
            page.contains("<footer>soloai · Tìm kiếm ý tưởng · Lập lúc</footer>"),
            "{page}"
        );
        // An entry's own words are never rewritten, nor the entry's heading.
        assert!(
            page.contains("<p>Trích: Tìm kiếm ý tưởng, lang-son-2025</p>"),
            "{page}"
        );
        assert!(
            page.contains("<h1>Báo cáo: Tìm kiếm ý tưởng</h1>"),
            "{page}"
        );
    }

    #[test]
    fn links_leave_the_frame_and_the_page_leads_back_to_the_contest() {
        let page = adapt(ENTRY, 7, &naming(), Lang::Vi);
        assert!(
            page.contains(
                "<header class=\"top\"><div class=\"sub no-print app-back\"><a target=\"_top\" href=\"/c/7\">← Quay lại trang cuộc thi: Cuộc thi &lt;Cao Lộc&gt; 2025</a></div>"
            ),
            "{page}"
        );
        assert!(
            page.contains("<a target=\"_top\" href=\"../index.html\">"),
            "{page}"
        );
        assert!(
            page.contains("<a target=\"_top\" href=\"E04.html\">"),
            "{page}"
        );
        assert!(page.contains("<a href=\"#p3\">"), "{page}");
        assert_eq!(page.matches("<header").count(), 1);
    }
}
