//! Every sentence of the council's papers, Vietnamese and English, in one place (until the
//! shared vocabulary module takes them).

use crate::lang::Lang;

pub struct Words {
    pub title: &'static str,
    pub summary_screening: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub attendance: &'static str,
    pub absent: &'static str,
    pub chaired_by: &'static str,
    pub recorded_by: &'static str,
    pub members_heading: &'static str,
    pub results_heading: &'static str,
    pub decisions_heading: &'static str,
    pub forwarded_heading: &'static str,
    pub units_heading: &'static str,
    pub conclusion_heading: &'static str,
    pub no: &'static str,
    pub title_authors: &'static str,
    pub result: &'static str,
    pub note: &'static str,
    pub proposed: &'static str,
    pub by_council: &'static str,
    pub none: &'static str,
    pub flag: &'static str,
    pub decision: &'static str,
    pub reason: &'static str,
    pub decided_by: &'static str,
    pub accepted: &'static str,
    pub dismissed: &'static str,
    pub dismissed_note: &'static str,
    pub properties_title: &'static str,
}

impl Words {
    pub fn new(lang: Lang) -> Words {
        let p = |vi, en| lang.pick(vi, en);
        Words {
            title: p("BIÊN BẢN", "MINUTES"),
            summary_screening: p(
                "Họp sơ loại bài dự thi",
                "Preliminary screening of the entries to",
            ),
            time: p("Thời gian", "Time"),
            place: p("Địa điểm", "Place"),
            attendance: p("Thành phần tham dự", "Present"),
            absent: p("Vắng mặt", "Absent"),
            chaired_by: p("Chủ trì", "Chaired by"),
            recorded_by: p("Thư ký", "Minutes taken by"),
            members_heading: p("I. THÀNH PHẦN HỘI ĐỒNG", "I. MEMBERS OF THE COUNCIL"),
            results_heading: p("II. KẾT QUẢ SƠ LOẠI", "II. SCREENING RESULTS"),
            decisions_heading: p(
                "Ý kiến của Hội đồng về các cảnh báo",
                "The council's decisions on the flags",
            ),
            forwarded_heading: p(
                "III. CÁC BÀI DỰ THI ĐỀ NGHỊ CHUYỂN VÒNG CHẤM",
                "III. ENTRIES PROPOSED FOR FORWARDING",
            ),
            units_heading: p(
                "IV. CÁC ĐƠN VỊ CHƯA ĐẠT CHỈ TIÊU SỐ BÀI DỰ THI",
                "IV. UNITS SHORT OF THEIR QUOTA",
            ),
            conclusion_heading: p("KẾT LUẬN", "CONCLUSION"),
            no: p("STT", "No."),
            title_authors: p("Tên bài dự thi / Tác giả", "Title / Authors"),
            result: p("Kết quả", "Verdict"),
            note: p("Ghi chú", "Notes"),
            proposed: p("Đề nghị chuyển vòng chấm", "Proposed for forwarding"),
            by_council: p(
                "Chuyển vòng chấm theo quyết định của Hội đồng",
                "Forwarded by the council's decision",
            ),
            none: p("Không có bài nào.", "None."),
            flag: p("Cảnh báo", "Flag"),
            decision: p("Quyết định", "Decision"),
            reason: p("Lý do", "Reason"),
            decided_by: p("Người quyết định, thời điểm", "Decided by, when"),
            accepted: p("Xác nhận", "Confirmed"),
            dismissed: p("Bỏ qua", "Dismissed"),
            dismissed_note: p("Hội đồng bỏ qua cảnh báo", "Flag dismissed by the council"),
            properties_title: p("Biên bản sơ loại bài dự thi", "Screening minutes"),
        }
    }
}

/// Cuộc thi “…” unless the name already says so.
pub fn contest_phrase(name: &str, lang: Lang) -> String {
    if name.to_lowercase().starts_with("cuộc thi") {
        return name.to_string();
    }
    match lang {
        Lang::Vi => format!("Cuộc thi “{name}”"),
        Lang::En => format!("the “{name}” contest"),
    }
}

/// "Bắt đầu vào hồi 08 giờ 00 phút, ngày 08 tháng 7 năm 2025."
pub fn started(time: &str, date: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Bắt đầu vào hồi {time}, {date}."),
        Lang::En => format!("Started at {time} on {date}."),
    }
}

/// The opening sentence of the proceedings.
pub fn opening(council: &str, entries: usize, contest: &str, profile: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "{council} đã xem xét {entries} bài dự thi {contest}. Việc kiểm tra hình \
             thức và mức độ trùng lặp được hỗ trợ bởi phần mềm soloai (bộ tiêu chí: {profile}); \
             Hội đồng đã xem xét căn cứ của từng bài và thống nhất kết quả dưới đây."
        ),
        Lang::En => format!(
            "{council} screened {entries} entries to {contest}. Form and similarity checks \
             were assisted by the soloai software (profile: {profile}); the council reviewed \
             the evidence for each entry and agreed on the results below."
        ),
    }
}

/// "Tổng số bài dự thi: 4; Đạt: 2; …".
pub fn tally(
    total: usize,
    pass: usize,
    fail: usize,
    cannot_tell: usize,
    unread: usize,
    lang: Lang,
) -> String {
    match lang {
        Lang::Vi => format!(
            "Tổng số bài dự thi: {total}; Đạt: {pass}; Không đạt: {fail}; Chưa xác định: \
             {cannot_tell}; Cần nộp lại (không đọc được tệp): {unread}."
        ),
        Lang::En => format!(
            "Entries: {total}; pass: {pass}; fail: {fail}; cannot tell: {cannot_tell}; must \
             be resubmitted (unreadable file): {unread}."
        ),
    }
}

pub fn unit_short(unit: &str, entries: usize, quota: usize, owes: bool, lang: Lang) -> String {
    match (lang, owes) {
        (Lang::Vi, true) => {
            format!("- {unit}: không có bài dự thi (chỉ tiêu {quota}), phải có văn bản giải trình.")
        }
        (Lang::Vi, false) => format!("- {unit}: {entries} bài (chỉ tiêu tối thiểu {quota})."),
        (Lang::En, true) => {
            format!("- {unit}: no entry (quota {quota}); owes an explanation letter.")
        }
        (Lang::En, false) => format!("- {unit}: {entries} entries (minimum {quota})."),
    }
}

/// The conclusion: how many entries go on, and to whom.
pub fn conclusion(forwarded: usize, by_council: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            let mut s = format!(
                "Hội đồng thống nhất đề nghị gửi {forwarded} bài dự thi tại mục III về Ban Tổ \
                 chức cuộc thi để chấm điểm"
            );
            if by_council > 0 {
                s.push_str(&format!(
                    " (trong đó {by_council} bài theo quyết định của Hội đồng sau khi xem xét cảnh báo)"
                ));
            }
            s.push_str("; các bài còn lại không đủ điều kiện chuyển vòng chấm vì các lý do đã ghi tại mục II.");
            s
        }
        Lang::En => {
            let mut s = format!(
                "The council agreed to send the {forwarded} entries listed in section III to \
                 the organizing committee for marking"
            );
            if by_council > 0 {
                s.push_str(&format!(
                    " ({by_council} of them by the council's decision after reviewing the flags)"
                ));
            }
            s.push_str("; the other entries do not go on, for the reasons given in section II.");
            s
        }
    }
}

/// The closing lines, kept with the signatures.
pub fn closing(end_time: &str, copies: u32, lang: Lang) -> (String, String) {
    match lang {
        Lang::Vi => (
            format!("Cuộc họp kết thúc vào hồi {end_time} cùng ngày."),
            format!(
                "Biên bản đã được thông qua trước các thành viên dự họp, được lập thành \
                 {copies:02} bản, các thành viên Hội đồng thống nhất ký tên dưới đây."
            ),
        ),
        Lang::En => (
            format!("The meeting closed at {end_time} the same day."),
            format!(
                "These minutes were read to the members present, are made in {copies} copies \
                 and are signed by the members of the council below."
            ),
        ),
    }
}
